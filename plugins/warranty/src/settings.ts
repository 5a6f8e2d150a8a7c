import { staffReadable } from '@aftercare/core';
import { z } from 'zod';

const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

/** A jurisdiction's statutory guarantee: it applies whether or not the item is registered. */
export const jurisdictionSchema = z.object({
  /** e.g. EU */
  code: z.string().trim().min(2).max(20),
  /** ISO 3166-1 alpha-2 countries of customers it applies to. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  /** Length of the legal guarantee. */
  months: z.number().int().min(0).max(240),
  /** Counted from delivery (EU) or purchase. */
  startFrom: z.enum(['purchase', 'delivery']).default('delivery'),
  /** Extension once a repair chosen by the consumer is done under the guarantee (EU 2024/1799: 12). */
  repairExtensionMonths: z.number().int().min(0).max(60).default(0),
  /** Damage types the legal guarantee never covers: they are not a lack of conformity. */
  excludes: z.array(z.string().trim().min(1).max(60)).default(['accidental_damage', 'misuse', 'normal_wear']),
});

/** Warranty settings, with defaults so a fresh install works. */
export const settingsSchema = z.object({
  jurisdictions: z.array(jurisdictionSchema).default([
    {
      code: 'EU',
      countries: EU_COUNTRIES,
      months: 24,
      startFrom: 'delivery',
      repairExtensionMonths: 12,
      excludes: ['accidental_damage', 'misuse', 'normal_wear'],
    },
  ]),
  /** Country used when the customer has no address. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('ES'),
  /** Reasons a claim may be rejected for: no refusal without grounds. */
  rejectionReasons: staffReadable(
    z
      .array(z.string().trim().min(1).max(60))
      .min(1)
      .default(['outside_coverage', 'excluded_damage', 'misuse', 'no_fault_found', 'unauthorised_repair', 'missing_proof_of_purchase']),
  ),
  /** Abuse signal: more than this many earlier claims on the same serial. */
  repeatClaimsPerSerial: z.number().int().min(0).default(1),
  /** Abuse signal: this many claims or more by one customer within 90 days. */
  claimsPerCustomer90Days: z.number().int().min(1).default(3),
  /** Labour cost per hour in minor units, for the warranty cost metric. */
  labourRatePerHourMinor: z.number().int().min(0).default(4500),
  /** Currency of estimates and part costs. */
  currency: staffReadable(
    z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
  ),
  /** On-site visits are booked in slots of this many minutes, aligned to the hour. */
  visitSlotMinutes: staffReadable(z.number().int().min(15).max(480).default(120)),
  /** Days before the commercial end when the customer is offered an extension. */
  expiryReminderDays: z.number().int().min(0).max(365).default(30),
});

export type WarrantySettings = z.output<typeof settingsSchema>;
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
