import { defineStateMachine } from '@aftercare/core';
import type { ClaimStatus } from '../domain.js';

/**
 * Every allowed move of a warranty claim (docs/domain.md): draft → submitted → in_review ⇄ info_requested;
 * in_review → approved | rejected; approved → awaiting_item → received → in_repair → resolved → closed;
 * cancelled from any state before received. An approved on-site claim goes straight to in_repair
 * (the technician visits, nothing is shipped), and a rejected claim is closed.
 */
export const claimMachine = defineStateMachine<ClaimStatus>({
  subjectType: 'warranty.claim',
  objectName: 'Warranty claim',
  auditObjectType: 'WarrantyClaim',
  initial: 'submitted',
  transitions: {
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
  },
  labels: {
    draft: 'Draft',
    submitted: 'Submitted',
    in_review: 'In review',
    info_requested: 'Information requested',
    approved: 'Approved',
    awaiting_item: 'Awaiting item',
    received: 'Received',
    in_repair: 'In repair',
    resolved: 'Resolved',
    rejected: 'Rejected',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
});

/** The transition table of a claim (from {@link claimMachine}). */
export const CLAIM_TRANSITIONS = claimMachine.transitions;

/** The states a claim in `from` may move to. */
export const allowedClaimTransitions = (from: ClaimStatus): readonly ClaimStatus[] => claimMachine.allowed(from);

/** `to` if the move is allowed; otherwise INVALID_TRANSITION naming the current state and the allowed ones. */
export const claimTransition = (from: ClaimStatus, to: ClaimStatus): ClaimStatus => claimMachine.check(from, to);

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
