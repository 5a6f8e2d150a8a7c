/**
 * Figures of the dashboard overview from metric points, kept apart from the chart so they are
 * tested on their own: totals, sample-weighted averages and per-day stacks.
 */

/** A metric point as the `metrics` query returns it. */
export interface Point {
  bucket: string;
  group: string | null;
  value: number | null;
  sampleSize: number | null;
}

/**
 * The mean of daily values weighted by how many observations each day has, so a day with one
 * breached target does not count as much as a day with forty met ones. Null without observations.
 */
export function weightedMean(points: readonly Point[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (p.value === null || !p.sampleSize) continue;
    sum += p.value * p.sampleSize;
    n += p.sampleSize;
  }
  return n ? Math.round((sum / n) * 10) / 10 : null;
}

/** Observations over all points (e.g. resolved cases behind the resolution-time average). */
export const observations = (points: readonly Point[]) => points.reduce((n, p) => n + (p.sampleSize ?? 0), 0);

/** Days (bucket starts, oldest first) and, per group, the value of each day (0 when missing). */
export function stacks(points: readonly Point[]): { days: string[]; series: Array<{ group: string; values: number[] }> } {
  const days = [...new Set(points.map((p) => p.bucket))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const byGroup = new Map<string, number[]>();
  for (const p of points) {
    const g = p.group ?? '';
    if (!byGroup.has(g)) byGroup.set(g, new Array<number>(days.length).fill(0));
    byGroup.get(g)![index.get(p.bucket)!] = p.value ?? 0;
  }
  return { days, series: [...byGroup].map(([group, values]) => ({ group, values })) };
}
