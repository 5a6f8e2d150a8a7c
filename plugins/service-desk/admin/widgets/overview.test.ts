import { describe, expect, it } from 'vitest';
import { observations, stacks, weightedMean } from './overview.js';

const p = (bucket: string, value: number | null, sampleSize: number, group: string | null = null) => ({ bucket, value, sampleSize, group });

describe('dashboard overview figures', () => {
  it('weights daily compliance by the targets behind each day', () => {
    // 1 of 2 targets met on one day, 40 of 40 on the next: 41 of 42 overall, not the 75 % of the two days' mean.
    expect(weightedMean([p('2026-11-01', 50, 2), p('2026-11-02', 100, 40), p('2026-11-03', null, 0)])).toBe(97.6);
    expect(weightedMean([p('2026-11-01', null, 0)])).toBeNull();
    expect(observations([p('2026-11-01', 120, 3), p('2026-11-02', 60, 2)])).toBe(5);
  });

  it('stacks case volume per day and kind, with missing days as zero', () => {
    const s = stacks([p('2026-11-02', 2, 2, 'claim'), p('2026-11-01', 1, 1, 'inquiry'), p('2026-11-02', 3, 3, 'inquiry')]);
    expect(s.days).toEqual(['2026-11-01', '2026-11-02']);
    expect(s.series).toEqual([
      { group: 'claim', values: [0, 2] },
      { group: 'inquiry', values: [1, 3] },
    ]);
  });
});
