import { InvalidTransitionError } from '@aftercare/core';
import type { CaseStatus } from '../domain.js';

/**
 * The allowed state changes of a case (docs/domain.md: new → open ⇄ waiting_on_customer |
 * waiting_on_third_party → resolved → closed; resolved → open again within the reopen window).
 * `merged` ends a duplicate; `closed` and `merged` are final.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  new: ['open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved', 'merged'],
  open: ['waiting_on_customer', 'waiting_on_third_party', 'resolved', 'merged'],
  waiting_on_customer: ['open', 'waiting_on_third_party', 'resolved', 'merged'],
  waiting_on_third_party: ['open', 'waiting_on_customer', 'resolved', 'merged'],
  resolved: ['open', 'closed'],
  closed: [],
  merged: [],
});

/** The states a case in `from` may move to. */
export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_TRANSITIONS[from];
}

/** Whether `from → to` is in the table. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/**
 * Check a state change; returns the new state.
 *
 * @throws INVALID_TRANSITION naming the current state and the allowed next ones.
 */
export function transition(from: CaseStatus, to: CaseStatus): CaseStatus {
  if (!canTransition(from, to)) throw new InvalidTransitionError('Case', from, to, CASE_TRANSITIONS[from]);
  return to;
}

/** What the SLA clock must hear when a case moves `from → to` (waiting states pause the resolution clock). */
export function slaEventsFor(from: CaseStatus, to: CaseStatus): Array<'paused' | 'resumed' | 'resolved' | 'reopened'> {
  const waiting = (s: CaseStatus) => s === 'waiting_on_customer' || s === 'waiting_on_third_party';
  if (to === 'resolved' || to === 'merged') return waiting(from) ? ['resumed', 'resolved'] : ['resolved'];
  if (from === 'resolved' && to === 'open') return ['reopened'];
  if (!waiting(from) && waiting(to)) return ['paused'];
  if (waiting(from) && !waiting(to)) return ['resumed'];
  return [];
}
