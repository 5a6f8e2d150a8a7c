import { DateTime } from 'luxon';

/** Quiet hours as local times `HH:MM`; a window may cross midnight (21:00–08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * The first moment at or after `at` outside the quiet hours in `timeZone` (IANA; an unknown zone
 * counts as UTC). DST is handled by the time-zone library: "08:00" is 08:00 local on that day.
 */
export function nextAllowedSend(at: Date, timeZone: string, quiet: QuietHours): Date {
  let local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(at, { zone: 'UTC' });
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const now = local.hour * 60 + local.minute;
  const inQuiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inQuiet) return at;
  // Quiet until `end` today, or tomorrow when the window started before midnight.
  let day = local.startOf('day');
  if (start > end && now >= start) day = day.plus({ days: 1 });
  const next = day.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return next.toJSDate();
}

/**
 * Whether the moment `subjectId` of a trigger is in the sample: a stable hash, so a redelivered event
 * decides the same way.
 */
export function inSample(triggerId: string, subjectId: string, percent: number): boolean {
  if (percent >= 100) return true;
  if (percent <= 0) return false;
  let h = 2166136261;
  for (const ch of `${triggerId}:${subjectId}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 100 < percent;
}
