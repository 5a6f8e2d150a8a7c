import { defineEvent } from '@aftercare/core';
import type { ClaimStatus, LegalBasis, RepairOutcome } from './domain.js';

/** An item was registered for warranty (automatically from a purchase, or by staff or the customer). */
export const registrationCreated = defineEvent<{
  registrationId: string;
  customerId: string;
  purchaseId: string | null;
  modelId: string;
  serialNumber: string | null;
  source: string;
  endsAt: string;
}>('warranty.registration.created', { description: 'An item was registered for warranty coverage.' });

/** The commercial period of a registration ended (daily job): e.g. for loyalty or survey follow-ups. */
export const registrationExpired = defineEvent<{ registrationId: string; customerId: string; modelId: string; endedAt: string }>(
  'warranty.registration.expired',
  { description: 'The commercial warranty of a registration ended.' },
);

/** A registration ends soon: the customer was offered an extension. */
export const registrationExpiring = defineEvent<{ registrationId: string; customerId: string; endsAt: string }>(
  'warranty.registration.expiring',
  { description: 'A registration ends within the reminder window; an extension was offered.' },
);

/** An extended warranty contract was sold. */
export const contractSold = defineEvent<{
  contractId: string;
  registrationId: string;
  customerId: string;
  priceMinor: number;
  currency: string;
}>('warranty.contract.sold', { description: 'An extended warranty contract was sold.' });

/** A warranty claim was filed. */
export const claimSubmitted = defineEvent<{ claimId: string; customerId: string; serialNumber: string | null; entitled: boolean }>(
  'warranty.claim.submitted',
  { description: 'A warranty claim was submitted.' },
);

/** A warranty claim changed state. */
export const claimStatusChanged = defineEvent<{ claimId: string; customerId: string; from: ClaimStatus; to: ClaimStatus }>(
  'warranty.claim.status-changed',
  { description: 'A warranty claim moved from one state to another.' },
);

/** A warranty claim was approved or rejected. */
export const claimDecided = defineEvent<{
  claimId: string;
  customerId: string;
  decision: 'approved' | 'rejected';
  legalBasis: LegalBasis | null;
  reason: string | null;
  overridden: boolean;
}>('warranty.claim.decided', { description: 'A warranty claim was approved or rejected.' });

/** A repair order was completed with an outcome. */
export const repairCompleted = defineEvent<{
  repairOrderId: string;
  claimId: string | null;
  customerId: string;
  serialNumber: string | null;
  outcome: RepairOutcome;
  replacementSerial: string | null;
  /** The technician who did the repair, if one was assigned. */
  technicianId: string | null;
  /** The product model repaired. */
  modelId: string;
}>('warranty.repair.completed', {
  description: 'A repair order was completed.',
  // A moment worth a satisfaction survey: the surveys plugin offers it as a trigger.
  trigger: {
    label: 'Repair completed',
    customerField: 'customerId',
    subjectField: 'repairOrderId',
    context: [
      { field: 'technicianId', label: 'Technician', kind: 'staff' },
      { field: 'modelId', label: 'Product model', kind: 'model' },
      { field: 'outcome', label: 'Outcome', kind: 'text' },
    ],
  },
});

/** A paid repair's estimate was sent to the customer. */
export const estimateSent = defineEvent<{ repairOrderId: string; customerId: string; amountMinor: number; currency: string }>(
  'warranty.estimate.sent',
  { description: 'A repair estimate was sent to the customer.' },
);

/** The customer accepted or declined an estimate. */
export const estimateAnswered = defineEvent<{ repairOrderId: string; customerId: string; accepted: boolean }>(
  'warranty.estimate.answered',
  {
    description: 'The customer accepted or declined a repair estimate.',
  },
);

/**
 * A warranty claim was opened for a return line reported as a non-conformity (from the returns
 * plugin's `returns.line.nonconformity-reported`); the returns plugin links the line to the claim.
 */
export const claimOpenedFromReturn = defineEvent<{ claimId: string; customerId: string; returnId: string; returnLineId: string }>(
  'warranty.claim.opened-from-return',
  { description: 'A warranty claim was opened for a non-conformity line of a return.' },
);

export const events = [
  registrationCreated,
  registrationExpired,
  registrationExpiring,
  contractSold,
  claimSubmitted,
  claimStatusChanged,
  claimDecided,
  repairCompleted,
  estimateSent,
  estimateAnswered,
  claimOpenedFromReturn,
];
