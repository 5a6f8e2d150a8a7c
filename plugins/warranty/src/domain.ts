import { defineEnum } from '@aftercare/core';

/** What a warranty pays for. */
export const COVERAGE_TYPES = ['parts', 'labour', 'on_site', 'replacement'] as const;
export type CoverageType = (typeof COVERAGE_TYPES)[number];

/** Which date a policy's period counts from. */
export const START_BASES = ['purchase', 'delivery'] as const;
export type StartBasis = (typeof START_BASES)[number];

/** Legal basis of a policy or claim; it decides deadlines and whether a refusal is lawful. */
export const LEGAL_BASES = ['legal_guarantee', 'commercial_warranty', 'extended_warranty', 'goodwill'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** US Magnuson-Moss title of a written warranty. */
export const US_DESIGNATIONS = ['full', 'limited'] as const;
export type UsDesignation = (typeof US_DESIGNATIONS)[number];

/** Why an item is not covered. */
export const NOT_COVERED_REASONS = ['expired', 'excluded', 'unregistered', 'not_started', 'cap_reached'] as const;
export type NotCoveredReason = (typeof NOT_COVERED_REASONS)[number];

/** Where a registration came from. */
export const REGISTRATION_SOURCES = ['purchase', 'staff', 'customer'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const REGISTRATION_STATUSES = ['active', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Warranty claim states (docs/domain.md), see services/claim-state-machine.ts for the moves. */
export const CLAIM_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'awaiting_item',
  'received',
  'in_repair',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How a claim or repair ended. */
export const REPAIR_OUTCOMES = ['repaired', 'replaced', 'refunded', 'not_repairable'] as const;
export type RepairOutcome = (typeof REPAIR_OUTCOMES)[number];

/** The remedy the consumer chose under the legal guarantee (a chosen repair extends the guarantee). */
export const CONSUMER_REMEDIES = ['repair', 'replacement'] as const;
export type ConsumerRemedy = (typeof CONSUMER_REMEDIES)[number];

export const REPAIR_STATUSES = ['open', 'estimate_sent', 'estimate_declined', 'in_progress', 'completed', 'cancelled'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const CoverageTypeEnum = defineEnum(COVERAGE_TYPES, 'WarrantyCoverageType', 'What a warranty pays for.');
export const StartBasisEnum = defineEnum(START_BASES, 'WarrantyStartBasis', 'Which date the period counts from.');
export const LegalBasisEnum = defineEnum(LEGAL_BASES, 'WarrantyLegalBasis', 'Legal basis of coverage or a claim.');
export const UsDesignationEnum = defineEnum(US_DESIGNATIONS, 'WarrantyUsDesignation', 'US Magnuson-Moss title: Full or Limited.');
export const NotCoveredReasonEnum = defineEnum(NOT_COVERED_REASONS, 'WarrantyNotCoveredReason', 'Why an item is not covered.');
export const RegistrationSourceEnum = defineEnum(REGISTRATION_SOURCES, 'WarrantyRegistrationSource', 'Where a registration came from.');
export const RegistrationStatusEnum = defineEnum(
  REGISTRATION_STATUSES,
  'WarrantyRegistrationStatus',
  'Whether the commercial period ran out.',
);
export const ClaimStatusEnum = defineEnum(CLAIM_STATUSES, 'WarrantyClaimStatus', 'State of a warranty claim.');
export const RepairOutcomeEnum = defineEnum(REPAIR_OUTCOMES, 'RepairOutcome', 'How a repair ended.');
export const ConsumerRemedyEnum = defineEnum(CONSUMER_REMEDIES, 'ConsumerRemedy', 'Remedy chosen by the consumer.');
export const RepairStatusEnum = defineEnum(REPAIR_STATUSES, 'RepairOrderStatus', 'State of a repair order.');
