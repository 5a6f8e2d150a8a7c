/**
 * SLA arithmetic: business calendars, business-time arithmetic and SLA clock states.
 * Pure functions of their arguments: no database, no I/O, no reading of the system clock.
 */
export {
  ISO_WEEKDAYS,
  InvalidCalendarError,
  validateCalendar,
  type BusinessCalendar,
  type Holiday,
  type IsoWeekday,
  type WorkingWindow,
} from './business-calendar.js';
export {
  SEARCH_HORIZON_YEARS,
  NoBusinessTimeError,
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessStart,
} from './business-time.js';
export {
  SLA_TARGET_KINDS,
  computeSlaClock,
  evaluateAt,
  type EvaluateOptions,
  type SlaClockState,
  type SlaCycle,
  type SlaEvent,
  type SlaEventType,
  type SlaStatus,
  type SlaTargetEvaluation,
  type SlaTargetKind,
  type SlaTargetState,
  type SlaTargets,
} from './sla-clock.js';
