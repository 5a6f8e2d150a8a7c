import { z } from 'zod';

/**
 * The plugin's settings (edited in the console under Settings, read with `ctx.settings.get()`),
 * with defaults so a fresh install works.
 */
export const settingsSchema = z.object({
  /** Items are shown as `<prefix>-<number>`. */
  referencePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,6}$/, 'use 1 to 6 capital letters')
    .default('SUR')
    .describe('Prefix of item references, e.g. SUR-12 (1 to 6 capital letters)'),
});

export type SurveysSettings = z.output<typeof settingsSchema>;
