import { InvalidTransitionError } from '@aftercare/core';
import type { RepairStatus } from '../domain.js';

/**
 * Moves of a repair order. A warranty repair goes open → in_progress → completed; a paid repair
 * needs the customer's answer first: open → estimate_sent → in_progress (accepted) or
 * estimate_declined (declined, final).
 */
export const REPAIR_TRANSITIONS: Readonly<Record<RepairStatus, readonly RepairStatus[]>> = {
  open: ['estimate_sent', 'in_progress', 'cancelled'],
  estimate_sent: ['in_progress', 'estimate_declined', 'cancelled'],
  estimate_declined: [],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** `to` if allowed; otherwise INVALID_TRANSITION naming the current state and the allowed ones. */
export function repairTransition(from: RepairStatus, to: RepairStatus): RepairStatus {
  const allowed = REPAIR_TRANSITIONS[from];
  if (!allowed.includes(to)) throw new InvalidTransitionError('Repair order', from, to, allowed);
  return to;
}
