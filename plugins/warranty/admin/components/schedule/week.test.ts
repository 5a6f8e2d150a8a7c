import { describe, expect, it } from 'vitest';
import { isoDay, parseWeek, placeVisits, shiftWeek, startOfWeek, technicianColour, visibleHours, weekDays } from './week.js';

describe('the technician week', () => {
  it('starts on Monday, also from a Sunday', () => {
    expect(isoDay(startOfWeek(new Date(2026, 10, 29, 23, 30)))).toBe('2026-11-23');
    expect(isoDay(startOfWeek(new Date(2026, 10, 23, 0, 0)))).toBe('2026-11-23');
    expect(weekDays(new Date(2026, 10, 23)).map(isoDay)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('reads the week from the URL and falls back to this week', () => {
    const today = new Date(2026, 10, 25);
    expect(isoDay(parseWeek('2026-12-03', today))).toBe('2026-11-30');
    expect(isoDay(parseWeek('nonsense', today))).toBe('2026-11-23');
    expect(isoDay(shiftWeek(new Date(2026, 11, 28), 1))).toBe('2027-01-04');
    expect(isoDay(shiftWeek(new Date(2026, 10, 23), -1))).toBe('2026-11-16');
  });

  it('places visits in their day column and hours, and widens the visible hours to fit them', () => {
    const monday = new Date(2026, 10, 23);
    const at = (d: number, h: number) => new Date(2026, 10, d, h).toISOString();
    const placed = placeVisits(
      [
        { id: 'a', startsAt: at(23, 8), endsAt: at(23, 10) },
        { id: 'b', startsAt: at(25, 18), endsAt: at(25, 20) },
        { id: 'c', startsAt: at(30, 8), endsAt: at(30, 10) },
      ],
      monday,
    );
    expect(placed.map((p) => [p.visit.id, p.day, p.startHour, p.endHour])).toEqual([
      ['a', 0, 8, 10],
      ['b', 2, 18, 20],
    ]);
    expect(visibleHours(placed)).toEqual({ from: 8, to: 20 });
  });

  it('gives each technician a colour and repeats the palette', () => {
    expect(technicianColour(0)).not.toBe(technicianColour(1));
    expect(technicianColour(8)).toBe(technicianColour(0));
  });
});
