import { type BusinessCalendar, businessMinutesBetween } from '@aftercare/core';

/** An SLA clock history entry, as the core clock stores it. */
export interface ClockEvent {
  type: string;
  at: Date;
}

/**
 * Business minutes a request was open: from creation to resolution, without pauses (waiting states)
 * and without the time between a resolution and a reopening. With no resolution yet, counts to `until`.
 * Rounded to whole minutes.
 */
export function openBusinessMinutes(calendar: BusinessCalendar, events: readonly ClockEvent[], until?: Date): number {
  let runningSince: Date | null = null;
  let total = 0;
  for (const e of events) {
    switch (e.type) {
      case 'created':
      case 'resumed':
      case 'reopened':
        runningSince ??= e.at;
        break;
      case 'paused':
      case 'resolved':
        if (runningSince) total += businessMinutesBetween(calendar, runningSince, e.at);
        runningSince = null;
        break;
      default:
        break;
    }
  }
  if (runningSince && until) total += businessMinutesBetween(calendar, runningSince, until);
  // Timestamps carry seconds: whole minutes are what is stored and reported.
  return Math.round(total);
}
