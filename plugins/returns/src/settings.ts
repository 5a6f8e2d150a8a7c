import { staffReadable } from '@aftercare/core';
import { z } from 'zod';

/**
 * The plugin's settings (edited in the console under Settings, read with `ctx.settings.get()`),
 * with defaults so a fresh install works.
 */
export const settingsSchema = z.object({
  referencePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,6}$/, 'use 1 to 6 capital letters')
    .default('RET')
    .describe('Prefix of return references, e.g. RET-12 (1 to 6 capital letters)'),
  refundApprovalThresholdMinor: staffReadable(
    z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000)
      .default(50_000)
      .describe('Refunds above this amount (minor units) need approval by a second person'),
  ),
  sendBackDays: z.number().int().min(1).max(90).default(14).describe('Days the customer has to send the item back after approval'),
  refundDeadlineWarningHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 13)
    .default(72)
    .describe('Warn this many hours before the 14-day withdrawal refund deadline'),
  legalGuaranteeMonths: z.number().int().min(0).max(120).default(24).describe('Legal guarantee (non-conformity) period in months'),
  abuseReturnRatePercent: z.number().int().min(1).max(100).default(40).describe('Flag customers whose return rate is at least this'),
  abuseVelocityMinor: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .default(100_000)
    .describe('Flag customers refunded more than this (minor units) in the last 30 days'),
});

export type ReturnsSettings = z.output<typeof settingsSchema>;
