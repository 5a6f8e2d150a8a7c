import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type ClaimStatus } from '../domain.js';
import { CLAIM_TRANSITIONS, claimTransition } from './claim-state-machine.js';

describe('warranty claim transitions', () => {
  const pairs = CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.map((to) => [from, to] as [ClaimStatus, ClaimStatus]));

  it.each(pairs.filter(([f, t]) => CLAIM_TRANSITIONS[f].includes(t)))('allows %s → %s', (from, to) => {
    expect(claimTransition(from, to)).toBe(to);
  });

  it.each(pairs.filter(([f, t]) => !CLAIM_TRANSITIONS[f].includes(t)))('refuses %s → %s naming the allowed states', (from, to) => {
    let error: unknown;
    try {
      claimTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ extensions: { code: 'INVALID_TRANSITION', from, to, allowed: CLAIM_TRANSITIONS[from] } });
    const allowed = CLAIM_TRANSITIONS[from];
    expect((error as Error).message).toContain(allowed.length ? allowed.join(', ') : 'final state');
  });

  it('lets a claim be cancelled before the item is received, never after', () => {
    const before: ClaimStatus[] = ['draft', 'submitted', 'in_review', 'info_requested', 'approved', 'awaiting_item'];
    for (const s of before) expect(CLAIM_TRANSITIONS[s]).toContain('cancelled');
    for (const s of ['received', 'in_repair', 'resolved', 'closed'] as ClaimStatus[])
      expect(CLAIM_TRANSITIONS[s]).not.toContain('cancelled');
  });
});
