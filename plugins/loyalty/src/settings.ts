import { staffReadable } from '@aftercare/core';
import { z } from 'zod';

/**
 * The plugin's settings (edited in the console under Settings, read with `ctx.settings.get()`),
 * with defaults so a fresh install works.
 */
export const settingsSchema = z.object({
  enrolment: z
    .enum(['automatic', 'opt-in'])
    .default('automatic')
    .describe('Enrolment: automatic (every customer earns) or opt-in (only customers who joined)'),
  withdrawalDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(14)
    .describe('Days purchase points stay pending after delivery (the withdrawal period)'),
  expiryMode: z
    .enum(['rolling', 'period-end'])
    .default('rolling')
    .describe('Expiry: rolling (N months after earning) or at the end of the year'),
  expiryMonths: z.number().int().min(1).max(240).default(24).describe('Months after earning before points expire (rolling expiry)'),
  expiryWarningDays: z.number().int().min(0).max(365).default(30).describe('Days before expiry the customer is warned'),
  negativeBalancePolicy: z
    .enum(['allow', 'clamp'])
    .default('allow')
    .describe('When reversed points were already spent: allow a negative balance, or take back only what is left'),
  pointValueMinor: staffReadable(z.number().int().min(1).max(100000).default(1).describe('Value of one point in minor currency units')),
  currency: staffReadable(
    z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR')
      .describe('Currency of point values and store credit'),
  ),
  tierWindowDays: z.number().int().min(1).max(3650).default(365).describe('Tiers: points earned in this many past days count'),
  tierGraceDays: z.number().int().min(0).max(3650).default(30).describe('Tiers: days a customer keeps a tier after falling below it'),
  detractorGoodwillPoints: z
    .number()
    .int()
    .min(0)
    .max(1000000)
    .default(0)
    .describe('Goodwill points credited when a survey detractor is detected (0: off)'),
});

export type LoyaltySettings = z.output<typeof settingsSchema>;
