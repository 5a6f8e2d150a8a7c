import { defineEvent } from '../events/define-event.js';
import type { SlaTargetKind } from './sla-clock.js';

/** Payload of the SLA alerts: which request, which target, and the due date concerned. */
export interface SlaAlertPayload {
  clockId: string;
  /** The plugin (or core) that owns the request. */
  owner: string;
  subjectType: string;
  subjectId: string;
  target: SlaTargetKind;
  /** ISO time of the due date the alert is about. */
  dueAt: string;
  policyId: string;
  policyName: string;
}

/** A running SLA target reached its warning lead: little business time is left. */
export const slaWarning = defineEvent<SlaAlertPayload>('core.sla.warning', {
  description: 'An SLA target of a request is at risk: its warning lead before the due date was reached.',
});

/** A running SLA target passed its due date unmet. */
export const slaBreached = defineEvent<SlaAlertPayload>('core.sla.breached', {
  description: 'An SLA target of a request passed its due date without being met.',
});

/** The events core's SLA engine publishes. */
export const SLA_EVENTS = [slaWarning, slaBreached];
