import { describe, expect, it } from 'vitest';
import { validateCalendar, type BusinessCalendar } from './business-calendar.js';

const valid: BusinessCalendar = {
  timeZone: 'Europe/Madrid',
  week: {
    1: [
      { start: '09:00', end: '14:00' },
      { start: '14:00', end: '18:00' },
    ],
    7: [{ start: '20:00', end: '24:00' }],
  },
  holidays: [{ date: '2026-01-06' }, { date: '2024-02-29', yearly: true }],
};

function errorsOf(calendar: unknown) {
  return validateCalendar(calendar as BusinessCalendar);
}

describe('validateCalendar', () => {
  it('accepts a valid calendar (touching windows, 24:00 end, leap-day holiday)', () => {
    expect(validateCalendar(valid)).toEqual([]);
  });

  it('names an unknown time zone and suggests the format', () => {
    expect(errorsOf({ ...valid, timeZone: 'Europe/Madird' })).toEqual([
      { field: 'timeZone', message: expect.stringMatching(/"Europe\/Madird" is not a known IANA time zone.*"Europe\/Madrid"/) },
    ]);
    expect(errorsOf({ ...valid, timeZone: undefined })[0]?.field).toBe('timeZone');
  });

  it('reports overlapping windows with both windows in the message', () => {
    const errors = errorsOf({
      ...valid,
      week: {
        2: [
          { start: '13:00', end: '18:00' },
          { start: '09:00', end: '14:00' },
        ],
      },
    });
    expect(errors).toEqual([{ field: 'week.2[0]', message: expect.stringMatching(/13:00–18:00 overlaps 09:00–14:00/) }]);
  });

  it('reports a window that ends before it starts and explains midnight', () => {
    const errors = errorsOf({ ...valid, week: { 5: [{ start: '22:00', end: '06:00' }] } });
    expect(errors).toEqual([{ field: 'week.5[0]', message: expect.stringMatching(/end it at "24:00"/) }]);
    expect(errorsOf({ ...valid, week: { 5: [{ start: '10:00', end: '10:00' }] } })[0]?.field).toBe('week.5[0]');
  });

  it.each([
    ['9:00', 'week.1[0].start'],
    ['25:00', 'week.1[0].start'],
    ['12:60', 'week.1[0].start'],
    ['24:00', 'week.1[0].start'],
  ])('rejects start %s', (start, field) => {
    const errors = errorsOf({ ...valid, week: { 1: [{ start, end: '24:00' }] } });
    expect(errors.map((e) => e.field)).toEqual([field]);
  });

  it('rejects a bad end time', () => {
    expect(errorsOf({ ...valid, week: { 1: [{ start: '09:00', end: '24:30' }] } }).map((e) => e.field)).toEqual(['week.1[0].end']);
  });

  it('rejects weekday keys outside ISO 1–7, pointing out that Sunday is 7', () => {
    const errors = errorsOf({ ...valid, week: { 0: [{ start: '09:00', end: '17:00' }], 1: valid.week[1] } });
    expect(errors).toEqual([{ field: 'week.0', message: expect.stringMatching(/Sunday is 7/) }]);
  });

  it('rejects a calendar without any working time', () => {
    expect(errorsOf({ timeZone: 'UTC', week: {} })).toEqual([{ field: 'week', message: expect.stringMatching(/no working time at all/) }]);
    expect(errorsOf({ timeZone: 'UTC', week: { 1: [] } })[0]?.field).toBe('week');
  });

  it('rejects impossible or badly written holiday dates', () => {
    const errors = errorsOf({
      ...valid,
      holidays: [{ date: '2026-02-30' }, { date: '2026-1-6' }, { date: '2026-12-25', yearly: 'yes' }, { date: '2025-02-29' }],
    });
    expect(errors.map((e) => e.field)).toEqual(['holidays[0].date', 'holidays[1].date', 'holidays[2].yearly', 'holidays[3].date']);
    expect(errors[0]!.message).toMatch(/"2026-02-30" is not a date; write it as YYYY-MM-DD/);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({ timeZone: 'Nowhere', week: { 1: [{ start: 'x', end: '17:00' }] }, holidays: [{ date: 'soon' }] });
    expect(errors.map((e) => e.field)).toEqual(['timeZone', 'week.1[0].start', 'holidays[0].date']);
  });

  it('rejects something that is not a calendar', () => {
    expect(errorsOf(null)).toHaveLength(1);
    expect(errorsOf({ timeZone: 'UTC', week: [] }).map((e) => e.field)).toEqual(['week']);
  });
});
