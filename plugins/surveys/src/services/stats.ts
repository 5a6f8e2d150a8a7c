/** z for a two-sided 95 % confidence interval. */
export const Z95 = 1.959963984540054;

/** A value with its sample size and 95 % confidence interval (null when there is no sample). */
export interface Estimate {
  value: number | null;
  sampleSize: number;
  low: number | null;
  high: number | null;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Wilson score interval of a share `k / n`, in % (used for CSAT and the response rate). */
export function wilson(k: number, n: number): Estimate {
  if (n <= 0) return { value: null, sampleSize: 0, low: null, high: null };
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    value: round(p * 100),
    sampleSize: n,
    low: round(Math.max(0, centre - half) * 100),
    high: round(Math.min(1, centre + half) * 100),
  };
}

/**
 * NPS = % promoters − % detractors, with a normal-approximation interval on the difference of two
 * shares of one multinomial sample: Var = (p + d − (p − d)²) / n, interval ± z·√Var, clamped to
 * [−100, 100].
 */
export function nps(promoters: number, detractors: number, n: number): Estimate {
  if (n <= 0) return { value: null, sampleSize: 0, low: null, high: null };
  const p = promoters / n;
  const d = detractors / n;
  const v = p - d;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - v * v) / n);
  return { value: round(v * 100), sampleSize: n, low: round(Math.max(-1, v - half) * 100), high: round(Math.min(1, v + half) * 100) };
}

/** CES = mean effort score (1–7), with a normal-approximation interval mean ± z·s/√n. */
export function mean(avg: number | null, sd: number | null, n: number): Estimate {
  if (n <= 0 || avg == null) return { value: null, sampleSize: 0, low: null, high: null };
  const half = n > 1 && sd != null ? (Z95 * sd) / Math.sqrt(n) : 0;
  return { value: round(avg), sampleSize: n, low: round(avg - half), high: round(avg + half) };
}
