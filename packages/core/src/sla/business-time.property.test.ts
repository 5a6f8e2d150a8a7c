import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Holiday, IsoWeekday, WorkingWindow } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessStart } from './business-time.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Reference implementation: deliberately naive. It walks one UTC minute at a time and asks
// whether that minute, read on the local wall clock, lies inside a window on a non-holiday day.
// It shares no code with the implementation and gets local time from Intl, not from luxon.
// ---------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** UTC offset in ms of `zone` at `ms`, read from Intl's formatting of the local wall clock. */
function offsetAt(zone: string, ms: number): number {
  // Offsets change on quarter-hour UTC boundaries in every zone tested here, so caching per
  // quarter hour changes nothing but the speed of the reference.
  const slot = Math.floor(ms / (15 * MINUTE));
  const key = `${zone}|${slot}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  const at = slot * 15 * MINUTE;
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - at;
  offsetCache.set(key, offset);
  return offset;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function refIsBusinessMinute(cal: BusinessCalendar, ms: number): boolean {
  const wall = new Date(ms + offsetAt(cal.timeZone, ms));
  const date = wall.toISOString().slice(0, 10);
  if (cal.holidays?.some((h) => (h.yearly ? h.date.slice(5) === date.slice(5) : h.date === date))) return false;
  const weekday = (wall.getUTCDay() || 7) as IsoWeekday;
  const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return (cal.week[weekday] ?? []).some((w) => minutesOf(w.start) <= minuteOfDay && minuteOfDay < minutesOf(w.end));
}

function refAdd(cal: BusinessCalendar, start: number, minutes: number): number {
  let t = start;
  let counted = 0;
  if (minutes === 0) return t;
  for (let guard = 0; guard < 200_000; guard++) {
    if (refIsBusinessMinute(cal, t)) counted++;
    t += MINUTE;
    if (counted === minutes) return t;
  }
  throw new Error('reference gave up: calendar too sparse for this test');
}

function refBetween(cal: BusinessCalendar, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t += MINUTE) if (refIsBusinessMinute(cal, t)) n++;
  return n;
}

function refNextStart(cal: BusinessCalendar, at: number): number {
  let t = at;
  while (!refIsBusinessMinute(cal, t)) t += MINUTE;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Zones under test with the UTC instants of their 2026 DST switches (none for Kolkata). */
const ZONES = [
  { timeZone: 'Europe/Madrid', switches: [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)] },
  { timeZone: 'America/New_York', switches: [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)] },
  { timeZone: 'Asia/Kolkata', switches: [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)] },
] as const;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 0 to 3 non-overlapping windows on a 5-minute grid; boundaries may be 00:00 and 24:00. */
const dayWindows: fc.Arbitrary<WorkingWindow[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<WorkingWindow[]>([]) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 2 * n, maxLength: 2 * n }))
      .map((bounds) => {
        const sorted = [...bounds].sort((a, b) => a - b);
        const windows: WorkingWindow[] = [];
        for (let i = 0; i < sorted.length; i += 2) windows.push({ start: hhmm(sorted[i]! * 5), end: hhmm(sorted[i + 1]! * 5) });
        return windows;
      }),
  },
);

function weeklyMinutes(cal: BusinessCalendar): number {
  return Object.values(cal.week).reduce((sum, ws) => sum + (ws ?? []).reduce((s, w) => s + minutesOf(w.end) - minutesOf(w.start), 0), 0);
}

/** A calendar in `zone` with holidays near `around` (epoch ms); at least an hour of work a week. */
function calendarArb(timeZone: string, around: number): fc.Arbitrary<BusinessCalendar> {
  const holiday: fc.Arbitrary<Holiday> = fc
    .record({ day: fc.integer({ min: -10, max: 20 }), yearly: fc.boolean() })
    .map(({ day, yearly }) => {
      const date = new Date(around + day * DAY).toISOString().slice(0, 10);
      // A yearly holiday is written with another year: only month and day may matter.
      return yearly ? { date: `2019${date.slice(4)}`, yearly } : { date };
    });
  return fc
    .record({
      days: fc.tuple(dayWindows, dayWindows, dayWindows, dayWindows, dayWindows, dayWindows, dayWindows),
      holidays: fc.array(holiday, { maxLength: 4 }),
    })
    .map(({ days, holidays }) => ({
      timeZone,
      week: Object.fromEntries(days.map((ws, i) => [i + 1, ws]).filter(([, ws]) => (ws as WorkingWindow[]).length > 0)),
      holidays,
    }))
    .filter((cal) => weeklyMinutes(cal) >= 60);
}

/** A whole-minute instant within five days either side of `center`. */
const instantNear = (center: number) => fc.integer({ min: -5 * 1440, max: 5 * 1440 }).map((m) => center + m * MINUTE);

/**
 * Business minutes to add: at most three days of business time, and at most about two weeks of
 * this calendar's working time, so the minute-by-minute reference stays fast for sparse calendars.
 */
const minutesFor = (cal: BusinessCalendar) =>
  fc.integer({ min: 0, max: 1000 }).map((f) => Math.round((f / 1000) * Math.min(3 * 1440, 2 * weeklyMinutes(cal))));

function scenario(zone: (typeof ZONES)[number]) {
  return fc
    .constantFrom(...zone.switches)
    .chain((center) => fc.record({ cal: calendarArb(zone.timeZone, center), start: instantNear(center), center: fc.constant(center) }))
    .chain(({ cal, start, center }) =>
      fc.record({ cal: fc.constant(cal), start: fc.constant(start), center: fc.constant(center), minutes: minutesFor(cal) }),
    );
}

const RUNS = { numRuns: 40 };
const CHEAP_RUNS = { numRuns: 150 };

// ---------------------------------------------------------------------------------------------

describe.each(ZONES)('business time against the minute-by-minute reference ($timeZone)', (zone) => {
  it('addBusinessMinutes matches the reference', () => {
    fc.assert(
      fc.property(scenario(zone), ({ cal, start, minutes }) => {
        expect(addBusinessMinutes(cal, new Date(start), minutes).getTime()).toBe(refAdd(cal, start, minutes));
      }),
      RUNS,
    );
  });

  it('businessMinutesBetween matches the reference', () => {
    fc.assert(
      fc.property(
        scenario(zone).chain((s) => fc.record({ cal: fc.constant(s.cal), from: fc.constant(s.start), to: instantNear(s.center) })),
        ({ cal, from, to }) => {
          const expected = from <= to ? refBetween(cal, from, to) : -refBetween(cal, to, from);
          expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('isBusinessTime and nextBusinessStart match the reference', () => {
    fc.assert(
      fc.property(scenario(zone), ({ cal, start }) => {
        expect(isBusinessTime(cal, new Date(start))).toBe(refIsBusinessMinute(cal, start));
        expect(nextBusinessStart(cal, new Date(start)).getTime()).toBe(refNextStart(cal, start));
      }),
      RUNS,
    );
  });

  it('adding m1 then m2 equals adding m1 + m2 (m1 > 0), also from instants with seconds', () => {
    fc.assert(
      fc.property(
        scenario(zone),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 59_999 }),
        ({ cal, start, minutes }, m1, jitter) => {
          const from = new Date(start + jitter);
          const once = addBusinessMinutes(cal, from, m1 + minutes);
          const twice = addBusinessMinutes(cal, addBusinessMinutes(cal, from, m1), minutes);
          expect(twice.getTime()).toBe(once.getTime());
        },
      ),
      CHEAP_RUNS,
    );
  });

  it('businessMinutesBetween(s, addBusinessMinutes(s, m)) == m', () => {
    fc.assert(
      fc.property(scenario(zone), fc.integer({ min: 0, max: 59_999 }), ({ cal, start, minutes }, jitter) => {
        const from = new Date(start + jitter);
        expect(businessMinutesBetween(cal, from, addBusinessMinutes(cal, from, minutes))).toBe(minutes);
      }),
      CHEAP_RUNS,
    );
  });
});
