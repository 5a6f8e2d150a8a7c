import { InvalidTransitionError } from '@aftercare/core';
import type { ClaimStatus } from '../domain.js';

/**
 * Every allowed move of a warranty claim (docs/domain.md): draft → submitted → in_review ⇄ info_requested;
 * in_review → approved | rejected; approved → awaiting_item → received → in_repair → resolved → closed;
 * cancelled from any state before received. Adapted: an approved on-site claim goes straight to
 * in_repair (the technician visits, nothing is shipped), and a rejected claim is closed.
 */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_review', 'cancelled'],
  in_review: ['info_requested', 'approved', 'rejected', 'cancelled'],
  info_requested: ['in_review', 'cancelled'],
  approved: ['awaiting_item', 'in_repair', 'cancelled'],
  awaiting_item: ['received', 'cancelled'],
  received: ['in_repair'],
  in_repair: ['resolved'],
  resolved: ['closed'],
  rejected: ['closed'],
  closed: [],
  cancelled: [],
};

/** The states a claim in `from` may move to. */
export function allowedClaimTransitions(from: ClaimStatus): readonly ClaimStatus[] {
  return CLAIM_TRANSITIONS[from];
}

/** `to` if the move is allowed; otherwise INVALID_TRANSITION naming the current state and the allowed ones. */
export function claimTransition(from: ClaimStatus, to: ClaimStatus): ClaimStatus {
  const allowed = CLAIM_TRANSITIONS[from];
  if (!allowed.includes(to)) throw new InvalidTransitionError('Warranty claim', from, to, allowed);
  return to;
}

/** Claims still being worked on. */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'awaiting_item',
  'received',
  'in_repair',
];
