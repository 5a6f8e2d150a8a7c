import { IANAZone } from 'luxon';
import type { FieldError } from '../errors.js';

/**
 * Day of the week as in ISO 8601: 1 = Monday … 7 = Sunday. ISO numbering is used (rather than
 * JavaScript's 0 = Sunday) because it is what people write in configuration and what the
 * time-zone library reports, so there is one numbering end to end.
 */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** All ISO weekdays, Monday first. */
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * One stretch of working time within a day, in the calendar's local wall-clock time.
 * `start` is included, `end` is not. Both are `"HH:mm"`; `end` may be `"24:00"` to mean the end of
 * the day. A window cannot cross midnight: split it into one ending `"24:00"` and one starting
 * `"00:00"` on the next weekday.
 */
export interface WorkingWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * A local date on which no working window applies.
 * `date` is `"YYYY-MM-DD"`. With `yearly: true` only month and day matter and the holiday repeats
 * every year (a yearly `"…-02-29"` therefore only falls in leap years).
 */
export interface Holiday {
  readonly date: string;
  readonly yearly?: boolean;
  /** Shown to people only; not used in the arithmetic. */
  readonly name?: string;
}

/**
 * When a team works, in the wall-clock time of one place.
 *
 * Treat calendars as immutable values: the arithmetic caches what it derives from a calendar
 * object, so change a calendar by creating a new object.
 *
 * @example
 * const madrid: BusinessCalendar = {
 *   timeZone: 'Europe/Madrid',
 *   week: { 1: office, 2: office, 3: office, 4: office, 5: [{ start: '08:00', end: '15:00' }] },
 *   holidays: [{ date: '2026-12-25', yearly: true, name: 'Christmas' }],
 * };
 * // with office = [{ start: '09:00', end: '14:00' }, { start: '15:00', end: '18:00' }] (lunch 14–15)
 */
export interface BusinessCalendar {
  /** IANA time zone name, e.g. `"Europe/Madrid"`. Windows and holidays are read in this zone. */
  readonly timeZone: string;
  /** Working windows per ISO weekday (1 = Monday … 7 = Sunday). A missing or empty day is a day off. */
  readonly week: Readonly<Partial<Record<IsoWeekday, readonly WorkingWindow[]>>>;
  readonly holidays?: readonly Holiday[];
}

/**
 * Thrown by the business-time functions when given a calendar that {@link validateCalendar}
 * rejects. `fields` lists every problem, so a form can show them all at once.
 */
export class InvalidCalendarError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(`Invalid business calendar: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'InvalidCalendarError';
  }
}

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since local midnight for `"HH:mm"` (00:00–24:00), or undefined if it is not such a time. */
export function parseLocalTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIME.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Check a calendar and return every problem found, or an empty list if it is usable.
 * `field` is a dotted path into the calendar (`week.1[0].end`, `holidays[2].date`); `message`
 * says what is wrong and how to fix it.
 */
export function validateCalendar(calendar: BusinessCalendar): FieldError[] {
  const errors: FieldError[] = [];
  const cal = calendar as unknown as Record<string, unknown> | null;
  if (!cal || typeof cal !== 'object') {
    return [{ field: '', message: 'A business calendar must be an object with timeZone, week and holidays.' }];
  }

  if (typeof cal.timeZone !== 'string' || !IANAZone.isValidZone(cal.timeZone)) {
    errors.push({
      field: 'timeZone',
      message: `${shown(cal.timeZone)} is not a known IANA time zone; use a name such as "Europe/Madrid" or "America/New_York".`,
    });
  }

  const week = cal.week as Record<string, unknown> | undefined;
  let workingMinutes = 0;
  if (!week || typeof week !== 'object' || Array.isArray(week)) {
    errors.push({
      field: 'week',
      message: 'Give the working windows per weekday as an object keyed 1 (Monday) to 7 (Sunday).',
    });
  } else {
    for (const [key, windows] of Object.entries(week)) {
      const field = `week.${key}`;
      if (!/^[1-7]$/.test(key)) {
        errors.push({
          field,
          message: `"${key}" is not a weekday; use 1 (Monday) to 7 (Sunday)${key === '0' ? ' — Sunday is 7' : ''}.`,
        });
        continue;
      }
      if (windows === undefined) continue;
      if (!Array.isArray(windows)) {
        errors.push({ field, message: 'Give a list of windows like [{ "start": "09:00", "end": "17:00" }] (empty for a day off).' });
        continue;
      }
      const parsed: Array<{ start: number; end: number; index: number }> = [];
      windows.forEach((w: Partial<WorkingWindow> | null, index) => {
        const wf = `${field}[${index}]`;
        const start = parseLocalTime(w?.start);
        const end = parseLocalTime(w?.end);
        if (start === undefined) {
          errors.push({
            field: `${wf}.start`,
            message: `${shown(w?.start)} is not a time; write it as HH:mm between 00:00 and 23:59, e.g. "09:00".`,
          });
        } else if (start === 24 * 60) {
          errors.push({ field: `${wf}.start`, message: '"24:00" can only end a window; start the window at "00:00" of the next day.' });
        }
        if (end === undefined) {
          errors.push({
            field: `${wf}.end`,
            message: `${shown(w?.end)} is not a time; write it as HH:mm between 00:01 and 24:00, e.g. "17:00" or "24:00" for midnight.`,
          });
        }
        if (start === undefined || end === undefined || start === 24 * 60) return;
        if (start >= end) {
          errors.push({
            field: wf,
            message:
              `The window starts at ${w!.start} but ends at ${w!.end}; the end must be later than the start. ` +
              'A window cannot cross midnight: end it at "24:00" and start another at "00:00" on the next day.',
          });
          return;
        }
        parsed.push({ start, end, index });
      });
      parsed.sort((a, b) => a.start - b.start);
      for (let i = 1; i < parsed.length; i++) {
        const prev = parsed[i - 1]!;
        const cur = parsed[i]!;
        if (cur.start < prev.end) {
          const p = windows[prev.index] as WorkingWindow;
          const c = windows[cur.index] as WorkingWindow;
          errors.push({
            field: `${field}[${cur.index}]`,
            message:
              `${c.start}–${c.end} overlaps ${p.start}–${p.end} (window ${prev.index}); windows of one day must not overlap. ` +
              'Merge them into one window or move one boundary.',
          });
        }
      }
      for (const w of parsed) workingMinutes += w.end - w.start;
    }
    if (errors.every((e) => !e.field.startsWith('week')) && workingMinutes === 0) {
      errors.push({
        field: 'week',
        message: 'The calendar has no working time at all, so no deadline could ever be reached; add at least one window.',
      });
    }
  }

  const holidays = cal.holidays;
  if (holidays !== undefined) {
    if (!Array.isArray(holidays)) {
      errors.push({ field: 'holidays', message: 'Give holidays as a list like [{ "date": "2026-12-25", "yearly": true }].' });
    } else {
      holidays.forEach((h: Partial<Holiday> | null, index) => {
        if (!isRealDate(h?.date)) {
          errors.push({
            field: `holidays[${index}].date`,
            message: `${shown(h?.date)} is not a date; write it as YYYY-MM-DD, e.g. "2026-12-25".`,
          });
        }
        if (h?.yearly !== undefined && typeof h.yearly !== 'boolean') {
          errors.push({ field: `holidays[${index}].yearly`, message: 'Use true (repeats every year) or false.' });
        }
      });
    }
  }
  return errors;
}

/** What the arithmetic needs from a calendar, derived once per calendar object. */
export interface CompiledCalendar {
  readonly zone: IANAZone;
  /** Index 1–7 (ISO weekday): sorted [start, end) minute-of-day pairs. Index 0 is unused. */
  readonly windows: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly holidayDates: ReadonlySet<string>;
  /** `"MM-DD"` of yearly holidays. */
  readonly yearlyHolidays: ReadonlySet<string>;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/**
 * Validate and pre-process a calendar (cached per object).
 *
 * @throws InvalidCalendarError when {@link validateCalendar} finds problems.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const errors = validateCalendar(calendar);
  if (errors.length > 0) throw new InvalidCalendarError(errors);
  const windows: Array<Array<readonly [number, number]>> = [[]];
  for (const day of ISO_WEEKDAYS) {
    windows[day] = (calendar.week[day] ?? [])
      .map((w) => [parseLocalTime(w.start)!, parseLocalTime(w.end)!] as const)
      .sort((a, b) => a[0] - b[0]);
  }
  const holidayDates = new Set<string>();
  const yearlyHolidays = new Set<string>();
  for (const h of calendar.holidays ?? []) {
    if (h.yearly) yearlyHolidays.add(h.date.slice(5));
    else holidayDates.add(h.date);
  }
  const result: CompiledCalendar = { zone: IANAZone.create(calendar.timeZone), windows, holidayDates, yearlyHolidays };
  compiled.set(calendar, result);
  return result;
}
