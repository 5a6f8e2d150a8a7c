import { defineStatusMachine } from '@aftercare/admin-kit';
import type { RepairOrderStatus } from '@aftercare/admin-kit/gql';

/** Repair order states (REPAIR_TRANSITIONS on the server), in board order. */
export const repairStates = defineStatusMachine<RepairOrderStatus>({
  states: {
    OPEN: { label: 'warranty.repairs.states.OPEN', tone: 'info' },
    ESTIMATE_SENT: { label: 'warranty.repairs.states.ESTIMATE_SENT', tone: 'warning' },
    IN_PROGRESS: { label: 'warranty.repairs.states.IN_PROGRESS', tone: 'warning' },
    COMPLETED: { label: 'warranty.repairs.states.COMPLETED', tone: 'success', final: true },
    ESTIMATE_DECLINED: { label: 'warranty.repairs.states.ESTIMATE_DECLINED', tone: 'error', final: true },
    CANCELLED: { label: 'warranty.repairs.states.CANCELLED', tone: 'default', final: true },
  },
});

/** Columns of the repair board. */
export const BOARD_COLUMNS: readonly RepairOrderStatus[] = [
  'OPEN',
  'ESTIMATE_SENT',
  'IN_PROGRESS',
  'COMPLETED',
  'ESTIMATE_DECLINED',
  'CANCELLED',
];
export const REPAIR_OUTCOMES = ['REPAIRED', 'REPLACED', 'REFUNDED', 'NOT_REPAIRABLE'] as const;
