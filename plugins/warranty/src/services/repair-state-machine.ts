import { defineStateMachine } from '@aftercare/core';
import type { RepairStatus } from '../domain.js';

/**
 * Moves of a repair order. A warranty repair goes open → in_progress → completed; a paid repair
 * needs the customer's answer first: open → estimate_sent → in_progress (accepted) or
 * estimate_declined (declined, final).
 */
export const repairMachine = defineStateMachine<RepairStatus>({
  subjectType: 'warranty.repair',
  objectName: 'Repair order',
  auditObjectType: 'RepairOrder',
  initial: 'open',
  transitions: {
    open: ['estimate_sent', 'in_progress', 'cancelled'],
    estimate_sent: ['in_progress', 'estimate_declined', 'cancelled'],
    estimate_declined: [],
    in_progress: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
  },
  labels: {
    open: 'Open',
    estimate_sent: 'Estimate sent',
    estimate_declined: 'Estimate declined',
    in_progress: 'In progress',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
});

/** The transition table of a repair order (from {@link repairMachine}). */
export const REPAIR_TRANSITIONS = repairMachine.transitions;

/** `to` if allowed; otherwise INVALID_TRANSITION naming the current state and the allowed ones. */
export const repairTransition = (from: RepairStatus, to: RepairStatus): RepairStatus => repairMachine.check(from, to);
