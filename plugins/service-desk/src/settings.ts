import { CURRENCY_CODE_MESSAGE } from '@aftercare/core';
import { z } from 'zod';

const code = z.string().trim().min(1).max(60);

/**
 * Service desk settings, edited in the console (`updateServiceDeskSettings`). Every field has a
 * default so a fresh install works.
 */
export const settingsSchema = z.object({
  /** Categories a case can be filed under; one is required at resolution. */
  categories: z
    .array(code)
    .min(1, 'must list at least one category')
    .max(200)
    .default(['product_defect', 'delivery', 'billing', 'usage_question', 'service_quality', 'other']),
  /** Root-cause codes for the Pareto analysis; one is required at resolution. */
  rootCauses: z
    .array(code)
    .min(1, 'must list at least one root cause')
    .max(200)
    .default([
      'manufacturing_defect',
      'shipping_damage',
      'wrong_item',
      'documentation_gap',
      'customer_misunderstanding',
      'staff_error',
      'other',
    ]),
  /** Compensation of a higher value (minor units) needs `service-desk.compensation.approve-high`. */
  compensationApprovalThresholdMinor: z.number().int().min(0).default(10000),
  /**
   * ISO 4217 currency of the approval threshold. A proposal in another currency cannot be compared
   * with it, so approving one always needs `service-desk.compensation.approve-high`.
   */
  compensationCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, CURRENCY_CODE_MESSAGE)
    .default('EUR'),
  /** A resolved case can be reopened for this many days; then it is closed automatically. */
  reopenWindowDays: z.number().int().min(0).max(365).default(14),
  /** Words in a submitted case that make triage classify it as serious (safety, legal). */
  seriousKeywords: z
    .array(z.string().trim().min(2).max(40))
    .max(100)
    .default(['fire', 'smoke', 'burn', 'injury', 'injured', 'electric shock', 'lawyer', 'legal action']),
  /** Team that receives new cases when none is given. */
  defaultTeamId: z.uuid().nullable().default(null),
  /** On an SLA breach, raise minor and moderate cases one level. */
  breachRaisesSeverity: z.boolean().default(false),
  /** Largest attachment in bytes (GraphQL requests are limited to 1 MiB, base64 included). */
  attachmentMaxBytes: z.number().int().min(1).max(10_000_000).default(700_000),
  /** Attachment content types accepted. */
  attachmentTypes: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
    .min(1, 'must list at least one content type')
    .default(['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'text/plain']),
});

export type ServiceDeskSettings = z.output<typeof settingsSchema>;
