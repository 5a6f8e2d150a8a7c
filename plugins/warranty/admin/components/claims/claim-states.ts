import { defineStatusMachine } from '@aftercare/admin-kit';
import type { WarrantyClaimStatus } from '@aftercare/admin-kit/gql';

/** Claim states as the server's transition table has them (CLAIM_TRANSITIONS), for tags and actions. */
export const claimStates = defineStatusMachine<WarrantyClaimStatus>({
  states: {
    DRAFT: { label: 'warranty.claims.states.DRAFT', tone: 'default' },
    SUBMITTED: { label: 'warranty.claims.states.SUBMITTED', tone: 'info' },
    IN_REVIEW: { label: 'warranty.claims.states.IN_REVIEW', tone: 'info' },
    INFO_REQUESTED: { label: 'warranty.claims.states.INFO_REQUESTED', tone: 'warning' },
    APPROVED: { label: 'warranty.claims.states.APPROVED', tone: 'success' },
    REJECTED: { label: 'warranty.claims.states.REJECTED', tone: 'error', final: true },
    AWAITING_ITEM: { label: 'warranty.claims.states.AWAITING_ITEM', tone: 'info' },
    RECEIVED: { label: 'warranty.claims.states.RECEIVED', tone: 'info' },
    IN_REPAIR: { label: 'warranty.claims.states.IN_REPAIR', tone: 'warning' },
    RESOLVED: { label: 'warranty.claims.states.RESOLVED', tone: 'success' },
    CLOSED: { label: 'warranty.claims.states.CLOSED', tone: 'default', final: true },
    CANCELLED: { label: 'warranty.claims.states.CANCELLED', tone: 'default', final: true },
  },
});

/** The inbox's quick views: which states each shows. */
export const CLAIM_VIEWS = {
  decide: ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'],
  repair: ['APPROVED', 'AWAITING_ITEM', 'RECEIVED', 'IN_REPAIR'],
  closed: ['RESOLVED', 'REJECTED', 'CLOSED', 'CANCELLED'],
} as const satisfies Record<string, readonly WarrantyClaimStatus[]>;
export type ClaimView = keyof typeof CLAIM_VIEWS;

/** Moves made with decideWarrantyClaim (decision panel) or by a repair order, not with the plain transition. */
export const DECISION_STATES: readonly WarrantyClaimStatus[] = ['APPROVED', 'REJECTED', 'INFO_REQUESTED', 'RESOLVED', 'IN_REPAIR'];
