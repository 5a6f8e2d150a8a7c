import { describe, expect, it } from 'vitest';
import { type Candidate, leastLoaded, nextInTurn } from './assignment.service.js';

const m = (id: string, order: number, load = 0, eligible = true): Candidate => ({ staffUserId: id, order, load, eligible });

describe('round robin', () => {
  const team = [m('a', 0), m('b', 1, 0, false), m('c', 2), m('d', 3)];
  it('gives the next eligible member after the last one, wrapping around', () => {
    expect(nextInTurn(team, null)?.staffUserId).toBe('a');
    expect(nextInTurn(team, 'a')?.staffUserId).toBe('c'); // b is absent
    expect(nextInTurn(team, 'c')?.staffUserId).toBe('d');
    expect(nextInTurn(team, 'd')?.staffUserId).toBe('a');
  });
  it('continues after an absent last assignee, and gives nobody when all are away', () => {
    expect(nextInTurn(team, 'b')?.staffUserId).toBe('c');
    expect(nextInTurn([m('a', 0, 0, false)], null)).toBeUndefined();
  });
});

describe('least loaded', () => {
  it('takes the eligible member with the fewest open cases, the earlier one on a tie', () => {
    expect(leastLoaded([m('a', 0, 3), m('b', 1, 1, false), m('c', 2, 2), m('d', 3, 2)])?.staffUserId).toBe('c');
    expect(leastLoaded([])).toBeUndefined();
  });
});
