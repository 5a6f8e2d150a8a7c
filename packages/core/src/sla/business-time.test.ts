import { describe, expect, it } from 'vitest';
import { EVERY_DAY, MON_FRI, local, showLocal, week } from '../../test/sla-fixtures.js';
import type { BusinessCalendar } from './business-calendar.js';
import { NoBusinessTimeError, addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessStart } from './business-time.js';
import { InvalidCalendarError } from './business-calendar.js';

const MADRID = 'Europe/Madrid';

const office: BusinessCalendar = {
  timeZone: MADRID,
  week: week(MON_FRI, [{ start: '09:00', end: '17:00' }]),
  holidays: [
    { date: '2026-06-01', name: 'company day off (a Monday)' },
    { date: '2000-12-25', yearly: true, name: 'Christmas' },
  ],
};
const lunchBreak: BusinessCalendar = {
  timeZone: MADRID,
  week: week(MON_FRI, [
    { start: '09:00', end: '14:00' },
    { start: '15:00', end: '18:00' },
  ]),
};
const allHours: BusinessCalendar = { timeZone: MADRID, week: week(EVERY_DAY, [{ start: '00:00', end: '24:00' }]) };
const sundayNight: BusinessCalendar = { timeZone: MADRID, week: { 7: [{ start: '00:00', end: '06:00' }] } };
const sundayOffice: BusinessCalendar = { timeZone: MADRID, week: { 7: [{ start: '09:00', end: '17:00' }] } };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', week: week(EVERY_DAY, [{ start: '08:00', end: '20:00' }]) };
const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata', week: week(MON_FRI, [{ start: '09:30', end: '18:30' }]) };

/**
 * Worked examples a person can check with a calendar and a pencil. The same table is in
 * packages/core/README.md ("SLA arithmetic"); keep the two in step.
 */
const workedExamples: Array<{ name: string; calendar: BusinessCalendar; start: string; minutes: number; due: string }> = [
  // 30 min left on Friday, Monday is a holiday, 3 h 30 on Tuesday.
  { name: 'Friday afternoon over a Monday holiday', calendar: office, start: '2026-05-29 16:30', minutes: 240, due: '2026-06-02 12:30' },
  { name: 'ends exactly at closing time', calendar: office, start: '2026-06-05 13:00', minutes: 240, due: '2026-06-05 17:00' },
  // 1 h before lunch, lunch 14–15 does not count, 1 h after.
  { name: 'lunch break split', calendar: lunchBreak, start: '2026-06-08 13:00', minutes: 120, due: '2026-06-08 16:00' },
  { name: 'start before opening', calendar: office, start: '2026-06-09 07:15', minutes: 30, due: '2026-06-09 09:30' },
  { name: 'start on a Saturday', calendar: office, start: '2026-06-06 10:00', minutes: 60, due: '2026-06-08 10:00' },
  // 1 h on Thursday 24 Dec, Friday 25 Dec is the yearly holiday, 1 h on Monday.
  { name: 'yearly holiday (25 December)', calendar: office, start: '2026-12-24 16:00', minutes: 120, due: '2026-12-28 10:00' },
  // 6 real hours; clocks jump 02:00 → 03:00, so the wall clock moves 7 hours.
  { name: 'spring forward, 24/7 calendar', calendar: allHours, start: '2026-03-28 22:00', minutes: 360, due: '2026-03-29 05:00' },
  // 6 real hours; clocks fall back 03:00 → 02:00, so the wall clock moves 5 hours.
  { name: 'fall back, 24/7 calendar', calendar: allHours, start: '2026-10-24 22:00', minutes: 360, due: '2026-10-25 03:00' },
  // The Sunday 00:00–06:00 window holds only 5 hours on the spring-forward night.
  { name: 'window over the lost hour', calendar: sundayNight, start: '2026-03-29 00:00', minutes: 300, due: '2026-03-29 06:00' },
  {
    name: 'window over the lost hour, 1 min more',
    calendar: sundayNight,
    start: '2026-03-29 00:00',
    minutes: 301,
    due: '2026-04-05 00:01',
  },
  // …and 7 hours on the fall-back night.
  { name: 'window over the repeated hour', calendar: sundayNight, start: '2026-10-25 00:00', minutes: 420, due: '2026-10-25 06:00' },
  {
    name: '09:00–17:00 on the spring-forward Sunday is 8 h',
    calendar: sundayOffice,
    start: '2026-03-29 09:00',
    minutes: 480,
    due: '2026-03-29 17:00',
  },
  {
    name: '09:00–17:00 on the fall-back Sunday is 8 h',
    calendar: sundayOffice,
    start: '2026-10-25 09:00',
    minutes: 480,
    due: '2026-10-25 17:00',
  },
  // New York springs forward on Sunday 8 March 2026 at 02:00, outside the 08:00–20:00 window.
  { name: 'New York over its spring-forward night', calendar: newYork, start: '2026-03-07 19:00', minutes: 120, due: '2026-03-08 09:00' },
  { name: 'Kolkata (no DST), Friday to Monday', calendar: kolkata, start: '2026-06-05 18:00', minutes: 60, due: '2026-06-08 10:00' },
];

describe('worked examples', () => {
  it.each(workedExamples)('$name: $start + $minutes min → $due', ({ calendar, start, minutes, due }) => {
    const from = local(calendar.timeZone, start);
    const result = addBusinessMinutes(calendar, from, minutes);
    expect(showLocal(calendar.timeZone, result)).toBe(showLocal(calendar.timeZone, local(calendar.timeZone, due)));
    expect(businessMinutesBetween(calendar, from, result)).toBe(minutes);
  });

  it('counts the real length of DST nights', () => {
    const between = (c: BusinessCalendar, a: string, b: string) => businessMinutesBetween(c, local(c.timeZone, a), local(c.timeZone, b));
    expect(between(sundayNight, '2026-03-28 12:00', '2026-03-30 12:00')).toBe(300);
    expect(between(sundayNight, '2026-10-24 12:00', '2026-10-26 12:00')).toBe(420);
    expect(between(allHours, '2026-03-29 00:00', '2026-03-30 00:00')).toBe(23 * 60);
    expect(between(allHours, '2026-10-25 00:00', '2026-10-26 00:00')).toBe(25 * 60);
    expect(between(office, '2026-03-27 09:00', '2026-03-30 17:00')).toBe(16 * 60);
  });
});

describe('addBusinessMinutes', () => {
  it('returns the start unchanged for 0 minutes, even out of hours', () => {
    const saturday = local(MADRID, '2026-06-06 10:00');
    expect(addBusinessMinutes(office, saturday, 0)).toEqual(saturday);
  });

  it('keeps seconds and allows fractional minutes', () => {
    const start = new Date(local(MADRID, '2026-06-08 10:00').getTime() + 30_000);
    expect(addBusinessMinutes(office, start, 1.5).getTime() - start.getTime()).toBe(90_000);
  });

  it('handles large budgets quickly (a year of business time)', () => {
    const started = performance.now();
    const due = addBusinessMinutes(office, local(MADRID, '2026-01-05 09:00'), 250 * 480);
    expect(due.getUTCFullYear()).toBe(2026);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(office, new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, new Date(), Number.NaN)).toThrow(/finite number/);
    expect(() => addBusinessMinutes(office, new Date('nope'), 5)).toThrow(/start must be a valid Date/);
  });

  it('throws a clear error instead of looping when no working day is reachable', () => {
    // Every Monday is open but every date is a holiday: valid windows, yet never any working time.
    const days: { date: string; yearly: boolean }[] = [];
    for (let d = new Date(Date.UTC(2000, 0, 1)); d.getUTCFullYear() === 2000; d.setUTCDate(d.getUTCDate() + 1)) {
      days.push({ date: d.toISOString().slice(0, 10), yearly: true });
    }
    const closed: BusinessCalendar = { timeZone: MADRID, week: { 1: [{ start: '09:00', end: '17:00' }] }, holidays: days };
    expect(() => addBusinessMinutes(closed, local(MADRID, '2026-01-01 00:00'), 1)).toThrow(NoBusinessTimeError);
    expect(() => nextBusinessStart(closed, local(MADRID, '2026-01-01 00:00'))).toThrow(/no working time in the 10 years/);
    // A bounded question still has an answer.
    expect(businessMinutesBetween(closed, local(MADRID, '2026-01-01 00:00'), local(MADRID, '2026-02-01 00:00'))).toBe(0);
  });

  it('refuses an invalid calendar, listing the problems', () => {
    const bad = { timeZone: 'Mars/Olympus', week: { 1: [{ start: '17:00', end: '09:00' }] } } as BusinessCalendar;
    expect(() => addBusinessMinutes(bad, new Date(), 5)).toThrow(InvalidCalendarError);
    expect(() => addBusinessMinutes(bad, new Date(), 5)).toThrow(/timeZone: .*Mars\/Olympus.*week\.1\[0\]/);
  });
});

describe('businessMinutesBetween', () => {
  it('is 0 for equal instants and negative when the order is reversed', () => {
    const a = local(MADRID, '2026-06-08 10:00');
    const b = local(MADRID, '2026-06-09 10:00');
    expect(businessMinutesBetween(office, a, a)).toBe(0);
    expect(businessMinutesBetween(office, a, b)).toBe(480);
    expect(businessMinutesBetween(office, b, a)).toBe(-480);
  });

  it('counts nothing over a weekend and holiday', () => {
    expect(businessMinutesBetween(office, local(MADRID, '2026-05-29 17:00'), local(MADRID, '2026-06-02 09:00'))).toBe(0);
  });
});

describe('isBusinessTime and nextBusinessStart', () => {
  it('treats window starts as inside and window ends as outside', () => {
    expect(isBusinessTime(office, local(MADRID, '2026-06-08 09:00'))).toBe(true);
    expect(isBusinessTime(office, local(MADRID, '2026-06-08 16:59'))).toBe(true);
    expect(isBusinessTime(office, local(MADRID, '2026-06-08 17:00'))).toBe(false);
    expect(isBusinessTime(office, local(MADRID, '2026-06-01 10:00'))).toBe(false); // holiday
    expect(isBusinessTime(lunchBreak, local(MADRID, '2026-06-08 14:30'))).toBe(false);
  });

  it('returns the instant itself during working time, else the next opening', () => {
    const during = local(MADRID, '2026-06-08 11:11');
    expect(nextBusinessStart(office, during)).toEqual(during);
    expect(showLocal(MADRID, nextBusinessStart(office, local(MADRID, '2026-05-29 17:00')))).toBe('2026-06-02 09:00 Tue');
    expect(showLocal(MADRID, nextBusinessStart(lunchBreak, local(MADRID, '2026-06-08 14:00')))).toBe('2026-06-08 15:00 Mon');
  });

  it('joins a window ending 24:00 with one starting 00:00 the next day', () => {
    const nights: BusinessCalendar = {
      timeZone: MADRID,
      week: { 1: [{ start: '22:00', end: '24:00' }], 2: [{ start: '00:00', end: '02:00' }] },
    };
    const due = addBusinessMinutes(nights, local(MADRID, '2026-06-08 23:00'), 120);
    expect(showLocal(MADRID, due)).toBe('2026-06-09 01:00 Tue');
    expect(isBusinessTime(nights, local(MADRID, '2026-06-09 00:00'))).toBe(true);
  });
});
