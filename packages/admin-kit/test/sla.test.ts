import { describe, expect, it } from 'vitest';
import { describeCountdown, durationParts, slaCountdown } from '../src/sla.js';

const NOW = Date.parse('2026-11-16T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
// A translator that shows the key's last part and its parameters, enough to read the sentence.
const t = (key: string, params: Record<string, unknown> = {}) => {
  const last = key.split('.').pop()!;
  if (key.includes('.units.')) return `${String(params.n)}${last}`;
  return `${last}(${String(params.duration ?? '')})`;
};

describe('durationParts', () => {
  it('shows seconds only near the end and at most two units', () => {
    expect(durationParts(42_000)).toEqual([{ unit: 's', value: 42 }]);
    expect(durationParts(5 * 60_000 + 7_000)).toEqual([
      { unit: 'm', value: 5 },
      { unit: 's', value: 7 },
    ]);
    expect(durationParts(2 * 3_600_000 + 15 * 60_000 + 59_000)).toEqual([
      { unit: 'h', value: 2 },
      { unit: 'm', value: 15 },
    ]);
    expect(durationParts(3 * 86_400_000 + 4 * 3_600_000 + 30 * 60_000)).toEqual([
      { unit: 'd', value: 3 },
      { unit: 'h', value: 4 },
    ]);
    expect(durationParts(-3 * 3_600_000)).toEqual([{ unit: 'h', value: 3 }]);
  });
});

describe('slaCountdown', () => {
  it('counts down a running target and turns to warning when at risk or within the last hour', () => {
    expect(slaCountdown({ dueAt: at(135) }, NOW)).toMatchObject({ state: 'dueIn', tone: 'info' });
    expect(slaCountdown({ dueAt: at(135), atRisk: true }, NOW).tone).toBe('warning');
    expect(slaCountdown({ dueAt: at(59) }, NOW).tone).toBe('warning');
    expect(describeCountdown(slaCountdown({ dueAt: at(135) }, NOW), t)).toBe('dueIn(2h 15m)');
  });

  it('shows a running target past its due date as overdue before the server marks it', () => {
    const c = slaCountdown({ dueAt: at(-125) }, NOW);
    expect(c).toMatchObject({ state: 'overdue', tone: 'error' });
    expect(describeCountdown(c, t)).toBe('overdue(2h 5m)');
  });

  it('dates a breach from when it happened, and a late answer by how late it was', () => {
    expect(describeCountdown(slaCountdown({ breached: true, dueAt: at(-600), breachedAt: at(-120) }, NOW), t)).toBe('overdue(2h)');
    expect(describeCountdown(slaCountdown({ breached: true, dueAt: at(-90), metAt: at(-30) }, NOW), t)).toBe('metLate(1h)');
    // A case breached on an earlier target whose next due date is still ahead: breached, no duration.
    expect(slaCountdown({ breached: true, dueAt: at(60) }, NOW)).toEqual({ state: 'breached', tone: 'error', parts: [] });
  });

  it('shows met, paused and no due date without a duration', () => {
    expect(slaCountdown({ dueAt: at(60), metAt: at(-5) }, NOW)).toEqual({ state: 'met', tone: 'success', parts: [] });
    expect(slaCountdown({ paused: true, dueAt: at(60) }, NOW).state).toBe('paused');
    expect(slaCountdown({}, NOW).state).toBe('none');
    expect(slaCountdown({ dueAt: null }, NOW).state).toBe('none');
  });

  it('ticks: the same target a second later shows a second less in the last hour', () => {
    const target = { dueAt: at(10) };
    expect(describeCountdown(slaCountdown(target, NOW + 1_000), t)).toBe('dueIn(9m 59s)');
    expect(describeCountdown(slaCountdown(target, NOW + 2_000), t)).toBe('dueIn(9m 58s)');
  });
});
