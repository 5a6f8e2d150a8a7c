import { DateTime } from 'luxon';
import type { BusinessCalendar, WorkingWindow } from '../src/sla/business-calendar.js';

/** An instant given as local wall-clock time `"YYYY-MM-DD HH:mm"` in `zone` (test fixtures only). */
export function local(zone: string, text: string): Date {
  const dt = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad local time ${text}: ${dt.invalidExplanation}`);
  return dt.toJSDate();
}

/** `"YYYY-MM-DD HH:mm"` (ISO weekday name appended) of an instant in `zone`, for readable assertions. */
export function showLocal(zone: string, at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm ccc');
}

/** The same windows on each of the given ISO weekdays. */
export function week(days: number[], windows: WorkingWindow[]): BusinessCalendar['week'] {
  return Object.fromEntries(days.map((d) => [d, windows]));
}

export const MON_FRI = [1, 2, 3, 4, 5];
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
