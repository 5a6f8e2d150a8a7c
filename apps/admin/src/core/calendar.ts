/** Helpers of the business-calendar pages (pure, so they are easy to test). */

export interface Window {
  start: string;
  end: string;
}
export interface Day {
  weekday: number;
  windows: Window[];
}

/** Minutes since midnight of "HH:mm" ("24:00" = 1440); NaN when malformed. */
export function minutesOf(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!m) return NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : NaN;
}

/** Seven days, Monday first, whatever the server sent (missing days have no windows). */
export function fullWeek(days: ReadonlyArray<{ weekday: number; windows: ReadonlyArray<Window> }>): Day[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    windows: (days.find((d) => d.weekday === weekday)?.windows ?? []).map((w) => ({ start: w.start, end: w.end })),
  }));
}

/** Working hours per week, e.g. 40. */
export function weeklyHours(days: ReadonlyArray<{ windows: ReadonlyArray<Window> }>): number {
  let minutes = 0;
  for (const d of days) for (const w of d.windows) minutes += Math.max(0, minutesOf(w.end) - minutesOf(w.start)) || 0;
  return Math.round((minutes / 60) * 10) / 10;
}

/** A short description for lists: "Mon–Fri · 40 h/week". */
export function weekSummary(
  days: ReadonlyArray<{ weekday: number; windows: ReadonlyArray<Window> }>,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const open = days.filter((d) => d.windows.length).map((d) => d.weekday);
  if (!open.length) return t('calendars.closedAllWeek');
  const name = (n: number) => t(`weekdays.short.${n}`);
  const contiguous = open.every((d, i) => i === 0 || d === open[i - 1]! + 1);
  const span = contiguous && open.length > 2 ? `${name(open[0]!)}–${name(open[open.length - 1]!)}` : open.map(name).join(', ');
  return `${span} · ${t('calendars.hoursPerWeek', { n: weeklyHours(days) })}`;
}

/** The next free window after a day's last one (one hour, or the rest of the day), for "add window". */
export function nextWindow(windows: ReadonlyArray<Window>): Window {
  if (!windows.length) return { start: '09:00', end: '17:00' };
  const last = Math.max(...windows.map((w) => minutesOf(w.end)).filter((n) => !Number.isNaN(n)));
  const start = Math.min(last + 60, 23 * 60);
  const end = Math.min(start + 4 * 60, 1440);
  const hhmm = (v: number) => (v === 1440 ? '24:00' : `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`);
  return { start: hhmm(start), end: hhmm(end) };
}
