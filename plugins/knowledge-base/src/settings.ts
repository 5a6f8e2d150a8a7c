import { z } from 'zod';

/**
 * The plugin's settings (edited in the console under Settings, read with `ctx.settings.get()`),
 * with defaults so a fresh install works.
 */
export const settingsSchema = z.object({
  defaultLocale: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as en or es-MX')
    .default('en')
    .describe('Default locale of new articles; readers of a locale without a translation get this one'),
  staleAfterMonths: z.number().int().min(1).max(120).default(12).describe('An article not reviewed for this many months is stale'),
  suggestionCount: z.number().int().min(1).max(10).default(5).describe('How many articles are suggested while a customer writes a request'),
});

export type KnowledgeBaseSettings = z.output<typeof settingsSchema>;
