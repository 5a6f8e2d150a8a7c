import { defineStateMachine } from '@aftercare/core';
import type { CaseStatus } from '../domain.js';

/**
 * The allowed state changes of a case (docs/domain.md: new → open ⇄ waiting_on_customer |
 * waiting_on_third_party → resolved → closed; resolved → open again within the reopen window).
 * `merged` ends a duplicate; `closed` and `merged` are final.
 */
export const caseMachine = defineStateMachine<CaseStatus>({
  subjectType: 'service-desk.case',
  objectName: 'Case',
  auditObjectType: 'Case',
  initial: 'new',
  transitions: {
    new: ['open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved', 'merged'],
    open: ['waiting_on_customer', 'waiting_on_third_party', 'resolved', 'merged'],
    waiting_on_customer: ['open', 'waiting_on_third_party', 'resolved', 'merged'],
    waiting_on_third_party: ['open', 'waiting_on_customer', 'resolved', 'merged'],
    resolved: ['open', 'closed'],
    closed: [],
    merged: [],
  },
  labels: {
    new: 'New',
    open: 'Open',
    waiting_on_customer: 'Waiting on customer',
    waiting_on_third_party: 'Waiting on third party',
    resolved: 'Resolved',
    closed: 'Closed',
    merged: 'Merged',
  },
});

/** The transition table of a case (from {@link caseMachine}). */
export const CASE_TRANSITIONS = caseMachine.transitions;

/** The states a case in `from` may move to. */
export const allowedTransitions = (from: CaseStatus): readonly CaseStatus[] => caseMachine.allowed(from);

/** Whether `from → to` is in the table. */
export const canTransition = (from: CaseStatus, to: CaseStatus): boolean => caseMachine.can(from, to);

/**
 * Check a state change; returns the new state.
 *
 * @throws INVALID_TRANSITION naming the current state and the allowed next ones.
 */
export const transition = (from: CaseStatus, to: CaseStatus): CaseStatus => caseMachine.check(from, to);

/** What the SLA clock must hear when a case moves `from → to` (waiting states pause the resolution clock). */
export function slaEventsFor(from: CaseStatus, to: CaseStatus): Array<'paused' | 'resumed' | 'resolved' | 'reopened'> {
  const waiting = (s: CaseStatus) => s === 'waiting_on_customer' || s === 'waiting_on_third_party';
  if (to === 'resolved' || to === 'merged') return waiting(from) ? ['resumed', 'resolved'] : ['resolved'];
  if (from === 'resolved' && to === 'open') return ['reopened'];
  if (!waiting(from) && waiting(to)) return ['paused'];
  if (waiting(from) && !waiting(to)) return ['resumed'];
  return [];
}
