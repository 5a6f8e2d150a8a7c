import { defineEvent } from '@aftercare/core';
import type { CaseChannel, CaseKind, CaseSeverity, CaseStatus, CompensationType } from './domain.js';

/** A case was opened (by staff, the customer portal or the API). */
export const caseOpened = defineEvent<{
  caseId: string;
  reference: string;
  customerId: string;
  kind: CaseKind;
  channel: CaseChannel;
  severity: CaseSeverity;
  purchaseId: string | null;
  /** What opened the case when not a person, e.g. `{ type: 'surveys.response', id }` for a detractor's answer. */
  source?: { type: string; id: string } | null;
}>('service-desk.case.opened', { description: 'A service desk case was opened.' });

/** A case changed state (including resolution, reopening, closing and merging). */
export const caseStatusChanged = defineEvent<{ caseId: string; reference: string; customerId: string; from: CaseStatus; to: CaseStatus }>(
  'service-desk.case.status-changed',
  { description: 'A service desk case moved from one state to another.' },
);

/** A case was resolved with an outcome, category and root cause. */
export const caseResolved = defineEvent<{
  caseId: string;
  reference: string;
  customerId: string;
  outcome: string;
  category: string | null;
  rootCause: string | null;
  resolutionBusinessMinutes: number | null;
  /** The agent the case was assigned to when resolved. */
  agentId: string | null;
  teamId: string | null;
  kind: CaseKind;
  channel: CaseChannel;
}>('service-desk.case.resolved', {
  description: 'A service desk case was resolved.',
  // A moment worth a satisfaction survey: the surveys plugin offers it as a trigger.
  trigger: {
    label: 'Case resolved',
    customerField: 'customerId',
    subjectField: 'caseId',
    context: [
      { field: 'agentId', label: 'Agent', kind: 'staff' },
      { field: 'teamId', label: 'Team', kind: 'team' },
      { field: 'kind', label: 'Request kind', kind: 'text' },
      { field: 'channel', label: 'Channel', kind: 'text' },
      { field: 'outcome', label: 'Outcome', kind: 'text' },
    ],
  },
});

/** A case was assigned to a team and/or an agent. */
export const caseAssigned = defineEvent<{ caseId: string; teamId: string | null; assigneeId: string | null; automatic: boolean }>(
  'service-desk.case.assigned',
  { description: 'A service desk case was assigned.' },
);

/** An SLA target of a case passed its due date. */
export const caseBreached = defineEvent<{ caseId: string; reference: string; severity: CaseSeverity; dueAt: string }>(
  'service-desk.case.breached',
  { description: 'An SLA target of a service desk case was breached; the case was escalated.' },
);

/** Compensation on a claim was approved by a second person. Other plugins act on it (e.g. loyalty credits points). */
export const compensationApproved = defineEvent<{
  compensationId: string;
  caseId: string;
  customerId: string;
  type: CompensationType;
  valueMinor: number;
  currency: string;
  approvedBy: string | null;
}>('service-desk.compensation.approved', { description: 'Compensation on a claim was approved.' });

/** Compensation on a claim was rejected. */
export const compensationRejected = defineEvent<{ compensationId: string; caseId: string; customerId: string; reason: string }>(
  'service-desk.compensation.rejected',
  { description: 'Compensation on a claim was rejected.' },
);

export const events = [caseOpened, caseStatusChanged, caseResolved, caseAssigned, caseBreached, compensationApproved, compensationRejected];
