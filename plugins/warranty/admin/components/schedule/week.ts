/** Calendar arithmetic of the technician week view, in the viewer's local time. Pure, so it is unit-tested. */

const DAY_MS = 86_400_000;

/** Monday 00:00 (local) of the week that contains `d`. */
export function startOfWeek(d: Date): Date {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const offset = (x.getDay() + 6) % 7; // Monday = 0
  x.setDate(x.getDate() - offset);
  return x;
}

/** The seven days (local midnights) of the week starting `monday`. */
export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i));
}

/** `YYYY-MM-DD` of a local date, as kept in the URL. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The Monday of the week named in the URL (`YYYY-MM-DD`, any day of it), or of this week. */
export function parseWeek(value: string | null | undefined, today: Date): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return startOfWeek(today);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? startOfWeek(today) : startOfWeek(d);
}

/** The Monday `weeks` weeks before or after. */
export function shiftWeek(monday: Date, weeks: number): Date {
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7 * weeks);
}

/** A visit placed on the grid: which day column and where in it (hours from midnight, local). */
export interface PlacedVisit<V> {
  visit: V;
  day: number;
  startHour: number;
  endHour: number;
}

/**
 * Put visits into day columns. A visit that runs past midnight is clipped to its first day, which
 * never happens with slots of a few hours but keeps the grid sane.
 */
export function placeVisits<V extends { startsAt: string; endsAt: string }>(visits: readonly V[], monday: Date): PlacedVisit<V>[] {
  const out: PlacedVisit<V>[] = [];
  for (const visit of visits) {
    const s = new Date(visit.startsAt);
    const e = new Date(visit.endsAt);
    const dayStart = new Date(s.getFullYear(), s.getMonth(), s.getDate());
    const day = Math.round((dayStart.getTime() - monday.getTime()) / DAY_MS);
    if (day < 0 || day > 6) continue;
    const startHour = s.getHours() + s.getMinutes() / 60;
    const endHour = Math.min(24, startHour + (e.getTime() - s.getTime()) / 3_600_000);
    out.push({ visit, day, startHour, endHour });
  }
  return out;
}

/** Hours the grid shows: working hours (8–18) widened to fit every visit. */
export function visibleHours(
  placed: ReadonlyArray<{ startHour: number; endHour: number }>,
  from = 8,
  to = 18,
): { from: number; to: number } {
  let a = from;
  let b = to;
  for (const p of placed) {
    a = Math.min(a, Math.floor(p.startHour));
    b = Math.max(b, Math.ceil(p.endHour));
  }
  return { from: a, to: b };
}

/** A colour per technician, stable for the order they are listed in. */
export const TECHNICIAN_COLOURS = ['#2080f0', '#18a058', '#f0a020', '#8a2be2', '#d03050', '#0e9aa7', '#c0660e', '#5b6b7f'];
export function technicianColour(index: number): string {
  return TECHNICIAN_COLOURS[((index % TECHNICIAN_COLOURS.length) + TECHNICIAN_COLOURS.length) % TECHNICIAN_COLOURS.length]!;
}
