import { staffReadable } from '@aftercare/core';
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The plugin's settings (edited in the console under Settings, read with `ctx.settings.get()`),
 * with defaults so a fresh install works.
 */
export const settingsSchema = z.object({
  cooldownDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .describe('Cooldown in days: at most one survey per customer in this period, across all surveys'),
  quietHoursStart: z.string().regex(TIME, 'use HH:MM').default('21:00').describe('Quiet hours start (customer’s local time, HH:MM)'),
  quietHoursEnd: z.string().regex(TIME, 'use HH:MM').default('08:00').describe('Quiet hours end (customer’s local time, HH:MM)'),
  maxReminders: z.number().int().min(0).max(5).default(1).describe('Reminders at most, per unanswered survey'),
  reminderGapDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(3)
    .describe('Days at least between the invitation and a reminder, and between reminders'),
  linkValidDays: z.number().int().min(1).max(90).default(14).describe('Days a survey link stays valid'),
  npsDetractorMax: z.number().int().min(0).max(10).default(6).describe('NPS scores up to this are detractors'),
  csatDetractorMax: z.number().int().min(1).max(5).default(2).describe('CSAT scores up to this are detractors'),
  cesDetractorMin: z.number().int().min(1).max(7).default(6).describe('CES scores from this are detractors'),
  minPersonSample: staffReadable(
    z.number().int().min(1).max(1000).default(5).describe('Answers needed before a person’s (agent’s, technician’s) score is shown'),
  ),
});

export type SurveysSettings = z.output<typeof settingsSchema>;
