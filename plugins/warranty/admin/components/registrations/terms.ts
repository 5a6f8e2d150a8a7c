import { defineStatusMachine } from '@aftercare/admin-kit';

/** Registration states as tags: active until the commercial period ends, then expired (the daily job moves it). */
export const registrationStates = defineStatusMachine({
  states: {
    ACTIVE: { label: 'warranty.registrations.status.ACTIVE', tone: 'success' },
    EXPIRED: { label: 'warranty.registrations.status.EXPIRED', tone: 'default', final: true },
  },
});

/** Where a registration came from. */
export const REGISTRATION_SOURCES = ['PURCHASE', 'STAFF', 'CUSTOMER'] as const;
/** What a warranty pays for. */
export const COVERAGE_TYPES = ['PARTS', 'LABOUR', 'ON_SITE', 'REPLACEMENT'] as const;
/** Legal bases a written policy may have (extended and goodwill come from contracts and claims). */
export const POLICY_LEGAL_BASES = ['COMMERCIAL_WARRANTY', 'LEGAL_GUARANTEE'] as const;
/** Every legal basis, for labels. */
export const LEGAL_BASES = ['COMMERCIAL_WARRANTY', 'EXTENDED_WARRANTY', 'LEGAL_GUARANTEE', 'GOODWILL'] as const;
export const START_BASES = ['PURCHASE', 'DELIVERY'] as const;
export const US_DESIGNATIONS = ['FULL', 'LIMITED'] as const;

/** A proof-of-purchase reference that is a link (an uploaded receipt) opens; anything else is a receipt number. */
export function proofLink(ref: string | null | undefined): string | null {
  if (!ref) return null;
  return /^https?:\/\//i.test(ref) ? ref : null;
}
