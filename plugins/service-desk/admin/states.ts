import { defineStatusMachine, type StatusTone } from '@aftercare/admin-kit';

/** A case's state, as the GraphQL enum `CaseStatus` spells it. */
export type CaseStatus = 'NEW' | 'OPEN' | 'WAITING_ON_CUSTOMER' | 'WAITING_ON_THIRD_PARTY' | 'RESOLVED' | 'CLOSED' | 'MERGED';
/** A compensation proposal's state (`CompensationStatus`). */
export type CompensationStatus = 'PROPOSED' | 'APPROVED' | 'REJECTED';

/**
 * The case states as the console shows them. The case page offers what the server's
 * `allowedTransitions` says for the case at hand, so an illegal step is never on screen.
 */
export const caseStates = defineStatusMachine<CaseStatus>({
  states: {
    NEW: { label: 'serviceDesk.status.NEW', tone: 'info' },
    OPEN: { label: 'serviceDesk.status.OPEN', tone: 'info' },
    WAITING_ON_CUSTOMER: { label: 'serviceDesk.status.WAITING_ON_CUSTOMER', tone: 'warning' },
    WAITING_ON_THIRD_PARTY: { label: 'serviceDesk.status.WAITING_ON_THIRD_PARTY', tone: 'warning' },
    RESOLVED: { label: 'serviceDesk.status.RESOLVED', tone: 'success' },
    CLOSED: { label: 'serviceDesk.status.CLOSED', tone: 'default', final: true },
    MERGED: { label: 'serviceDesk.status.MERGED', tone: 'default', final: true },
  },
});

/** Proposed compensation waits for a second person; approved and rejected are decisions. */
export const compensationStates = defineStatusMachine<CompensationStatus>({
  states: {
    PROPOSED: { label: 'serviceDesk.compensation.status.PROPOSED', tone: 'warning' },
    APPROVED: { label: 'serviceDesk.compensation.status.APPROVED', tone: 'success', final: true },
    REJECTED: { label: 'serviceDesk.compensation.status.REJECTED', tone: 'error', final: true },
  },
});

export const CASE_KINDS = ['INQUIRY', 'COMPLAINT', 'CLAIM'] as const;
export const CASE_CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'PORTAL', 'API'] as const;
export const CASE_SEVERITIES = ['SERIOUS', 'MODERATE', 'MINOR', 'GENERAL'] as const;
export const OPEN_STATUSES: readonly CaseStatus[] = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY'];
export const COMPENSATION_TYPES = ['REFUND', 'STORE_CREDIT', 'REPLACEMENT', 'FREE_SERVICE', 'GESTURE'] as const;

/** Severity tags: serious stands out, general recedes. */
export const severityTone: Record<string, StatusTone> = { SERIOUS: 'error', MODERATE: 'warning', MINOR: 'info', GENERAL: 'default' };

/** Money in minor units as the console's language writes it. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** A configured code (`product_defect`) as words, when no translation exists for it. */
export const humanize = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');
