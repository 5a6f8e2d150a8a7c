import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../domain.js';
import { CASE_TRANSITIONS, slaEventsFor, transition } from './case-state-machine.js';

describe('case state machine', () => {
  it('follows docs/domain.md: new → open ⇄ waiting → resolved → closed, resolved → open (reopen)', () => {
    expect(transition('new', 'open')).toBe('open');
    expect(transition('open', 'waiting_on_customer')).toBe('waiting_on_customer');
    expect(transition('waiting_on_customer', 'open')).toBe('open');
    expect(transition('open', 'waiting_on_third_party')).toBe('waiting_on_third_party');
    expect(transition('waiting_on_third_party', 'resolved')).toBe('resolved');
    expect(transition('resolved', 'open')).toBe('open');
    expect(transition('resolved', 'closed')).toBe('closed');
  });

  // Every pair not in the table, each named with the allowed next states.
  const illegal = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.filter((to) => !CASE_TRANSITIONS[from].includes(to)).map((to) => [from, to] as [CaseStatus, CaseStatus]),
  );

  it.each(illegal)('refuses %s → %s with INVALID_TRANSITION naming the allowed states', (from, to) => {
    let error: unknown;
    try {
      transition(from, to);
    } catch (e) {
      error = e;
    }
    const ext = (error as { extensions?: Record<string, unknown> }).extensions!;
    expect(ext.code).toBe('INVALID_TRANSITION');
    expect(ext.from).toBe(from);
    expect(ext.allowed).toEqual(CASE_TRANSITIONS[from]);
    const message = (error as Error).message;
    for (const allowed of CASE_TRANSITIONS[from]) expect(message).toContain(allowed);
    if (!CASE_TRANSITIONS[from].length) expect(message).toContain('final state');
  });

  it('covers the illegal pairs a reviewer would expect', () => {
    expect(illegal).toContainEqual(['closed', 'open']);
    expect(illegal).toContainEqual(['new', 'closed']);
    expect(illegal).toContainEqual(['merged', 'open']);
    expect(illegal).toContainEqual(['resolved', 'waiting_on_customer']);
    expect(illegal.length).toBe(49 - Object.values(CASE_TRANSITIONS).flat().length);
  });

  it('pauses the SLA in waiting states and resumes when leaving them', () => {
    expect(slaEventsFor('open', 'waiting_on_customer')).toEqual(['paused']);
    expect(slaEventsFor('waiting_on_customer', 'waiting_on_third_party')).toEqual([]);
    expect(slaEventsFor('waiting_on_third_party', 'open')).toEqual(['resumed']);
    expect(slaEventsFor('waiting_on_customer', 'resolved')).toEqual(['resumed', 'resolved']);
    expect(slaEventsFor('open', 'resolved')).toEqual(['resolved']);
    expect(slaEventsFor('resolved', 'open')).toEqual(['reopened']);
    expect(slaEventsFor('resolved', 'closed')).toEqual([]);
  });
});
