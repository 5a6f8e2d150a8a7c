import type { IANAZone } from 'luxon';
import { compileCalendar, type BusinessCalendar, type CompiledCalendar, type IsoWeekday } from './business-calendar.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * How far the arithmetic looks for working time before giving up. A calendar whose windows all
 * fall on holidays for this long is broken, and failing loudly beats looping forever.
 */
export const SEARCH_HORIZON_YEARS = 10;
const HORIZON_MS = SEARCH_HORIZON_YEARS * 366 * DAY;

/**
 * Thrown when a calendar has no working time within {@link SEARCH_HORIZON_YEARS} of the instant
 * asked about (for example every working day is declared a holiday).
 */
export class NoBusinessTimeError extends Error {
  constructor(
    readonly timeZone: string,
    readonly from: Date,
  ) {
    super(
      `The business calendar (${timeZone}) has no working time in the ${SEARCH_HORIZON_YEARS} years after ` +
        `${from.toISOString()}; check that its windows are not all covered by holidays.`,
    );
    this.name = 'NoBusinessTimeError';
  }
}

function isoWeekday(epochDay: number): IsoWeekday {
  // 1970-01-01, epoch day 0, was a Thursday (ISO 4).
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function isHoliday(cal: CompiledCalendar, epochDay: number): boolean {
  if (cal.holidayDates.size === 0 && cal.yearlyHolidays.size === 0) return false;
  const iso = new Date(epochDay * DAY).toISOString().slice(0, 10);
  return cal.holidayDates.has(iso) || cal.yearlyHolidays.has(iso.slice(5));
}

/** First instant in (lo, hi] whose UTC offset differs from `offsetLo`; hi must already differ. */
function nextTransition(zone: IANAZone, lo: number, hi: number, offsetLo: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Working time from `fromMs` on, as ascending, non-overlapping [start, end) epoch-millisecond
 * intervals, the first clipped to start at `fromMs`. Stops once it has looked past `untilMs`.
 *
 * Time is walked in stretches of constant UTC offset that never cross a local midnight. Inside
 * such a stretch local wall time is UTC plus a constant, so a window maps to one UTC interval
 * exactly. That is what keeps DST honest: a 09:00–17:00 window is always 8 hours, and a window
 * that contains the switch itself is an hour shorter (spring) or longer (autumn), because that
 * is how much real time passes inside it.
 */
function* businessIntervals(
  cal: CompiledCalendar,
  timeZone: string,
  fromMs: number,
  untilMs = Number.POSITIVE_INFINITY,
): Generator<readonly [number, number]> {
  let cursor = fromMs;
  let lastFound = fromMs;
  while (cursor < untilMs) {
    const offset = cal.zone.offset(cursor) * MINUTE;
    const epochDay = Math.floor((cursor + offset) / DAY);
    let stretchEnd = (epochDay + 1) * DAY - offset;
    // Zones change offset at most a few times a year, so one probe per day finds every change.
    if (cal.zone.offset(stretchEnd - 1) * MINUTE !== offset) {
      stretchEnd = nextTransition(cal.zone, cursor, stretchEnd - 1, offset / MINUTE);
    }
    if (!isHoliday(cal, epochDay)) {
      const localMidnight = epochDay * DAY - offset;
      for (const [start, end] of cal.windows[isoWeekday(epochDay)]!) {
        const a = Math.max(cursor, localMidnight + start * MINUTE);
        const b = Math.min(stretchEnd, localMidnight + end * MINUTE);
        if (a < b) {
          lastFound = b;
          yield [a, b];
        }
      }
    }
    cursor = stretchEnd;
    if (cursor - lastFound > HORIZON_MS) throw new NoBusinessTimeError(timeZone, new Date(fromMs));
  }
}

function instant(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date, got ${String(value)}.`);
  return ms;
}

/**
 * The instant at which `minutes` business minutes have passed after `start`.
 *
 * Only time inside the calendar's working windows, outside its holidays, counts. The result is
 * the moment the last minute is used up, so it can be the end of a window (Friday 17:00 rather
 * than Monday 09:00). Adding 0 returns `start` unchanged, even outside working hours.
 * Fractional minutes are allowed and rounded to the millisecond.
 *
 * @param minutes - business minutes to add; must be finite and not negative.
 * @throws InvalidCalendarError if the calendar is invalid.
 * @throws NoBusinessTimeError if the calendar has no working time for years.
 * @throws RangeError for an invalid date or a negative or non-finite number of minutes.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  const from = instant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number of at least 0, got ${minutes}.`);
  }
  let remaining = Math.round(minutes * MINUTE);
  if (remaining === 0) return new Date(from);
  const cal = compileCalendar(calendar);
  for (const [a, b] of businessIntervals(cal, calendar.timeZone, from)) {
    if (remaining <= b - a) return new Date(a + remaining);
    remaining -= b - a;
  }
  /* c8 ignore next */
  throw new Error('unreachable: the interval search ends only by throwing');
}

/**
 * Business minutes between two instants: the working time in [from, to).
 *
 * Antisymmetric: when `to` is before `from` the result is minus the working time in [to, from),
 * and it is 0 when they are equal. The result is exact to the millisecond, so it is fractional
 * when the instants are not on whole minutes; round for display.
 *
 * @throws InvalidCalendarError if the calendar is invalid.
 * @throws RangeError for an invalid date.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  if (b < a) return -businessMinutesBetween(calendar, to, from);
  if (a === b) return 0;
  const cal = compileCalendar(calendar);
  let total = 0;
  for (const [s, e] of businessIntervals(cal, calendar.timeZone, a, b)) {
    if (s >= b) break;
    total += Math.min(e, b) - s;
  }
  return total / MINUTE;
}

/**
 * Whether `at` falls inside working time: within a window (start included, end excluded) on a
 * day that is not a holiday, in the calendar's local time.
 *
 * @throws InvalidCalendarError if the calendar is invalid.
 */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  const t = instant(at, 'at');
  const cal = compileCalendar(calendar);
  for (const [s] of businessIntervals(cal, calendar.timeZone, t, t + 1)) return s === t;
  return false;
}

/**
 * The first instant at or after `at` that is working time: `at` itself during working hours,
 * otherwise the start of the next window that is not on a holiday.
 *
 * @throws InvalidCalendarError if the calendar is invalid.
 * @throws NoBusinessTimeError if the calendar has no working time for years.
 */
export function nextBusinessStart(calendar: BusinessCalendar, at: Date): Date {
  const t = instant(at, 'at');
  const cal = compileCalendar(calendar);
  for (const [s] of businessIntervals(cal, calendar.timeZone, t)) return new Date(s);
  /* c8 ignore next */
  throw new Error('unreachable: the interval search ends only by throwing');
}
