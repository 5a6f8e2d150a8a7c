import { describe, expect, it } from 'vitest';
import { MON_FRI, local, showLocal, week } from '../../test/sla-fixtures.js';
import type { BusinessCalendar } from './business-calendar.js';
import { addBusinessMinutes } from './business-time.js';
import { computeSlaClock, evaluateAt, type SlaEvent, type SlaEventType, type SlaTargets } from './sla-clock.js';

const ZONE = 'Europe/Madrid';
/** Mon–Fri 09:00–17:00 in Madrid; all dates below are in June 2026 (Mon 8 … Fri 12, Mon 15 …). */
const office: BusinessCalendar = { timeZone: ZONE, week: week(MON_FRI, [{ start: '09:00', end: '17:00' }]) };
const at = (text: string) => local(ZONE, `2026-06-${text}`);
const show = (d: Date | null) => (d ? showLocal(ZONE, d) : null);
const ev = (type: SlaEventType, when: string): SlaEvent => ({ type, at: at(when) });

const targets: SlaTargets = { firstResponse: 60, nextResponse: 120, resolution: 480 };

describe('first response', () => {
  it('is met by the first public reply; internal notes do not count', () => {
    const events = [ev('created', '08 10:00'), ev('internal_note', '08 10:10'), ev('agent_public_reply', '08 10:45')];
    const state = computeSlaClock(office, targets, events, at('08 12:00'));
    const first = state.targets.firstResponse;
    expect(first).toMatchObject({ status: 'met', usedMinutes: 45, remainingMinutes: 15, breachedAt: null });
    expect(show(first.dueAt)).toBe('2026-06-08 11:00 Mon');
    expect(show(first.metAt)).toBe('2026-06-08 10:45 Mon');
  });

  it('stays running when only internal notes were written', () => {
    const events = [ev('created', '08 10:00'), ev('internal_note', '08 10:10')];
    const first = computeSlaClock(office, targets, events, at('08 10:30')).targets.firstResponse;
    expect(first).toMatchObject({ status: 'running', usedMinutes: 30, metAt: null });
  });

  it('counts only business time: created Friday 16:30, due Monday 09:30', () => {
    const first = computeSlaClock(office, targets, [ev('created', '12 16:30')], at('13 12:00')).targets.firstResponse;
    expect(show(first.dueAt)).toBe('2026-06-15 09:30 Mon');
    expect(first).toMatchObject({ status: 'running', usedMinutes: 30 });
  });

  it('is breached when the reply comes after the due date; breachedAt is the due date', () => {
    const events = [ev('created', '08 10:00'), ev('agent_public_reply', '08 11:30')];
    const first = computeSlaClock(office, targets, events, at('08 12:00')).targets.firstResponse;
    expect(first.status).toBe('breached');
    expect(show(first.breachedAt)).toBe('2026-06-08 11:00 Mon');
    expect(show(first.metAt)).toBe('2026-06-08 11:30 Mon');
    expect(first.usedMinutes).toBe(90);
  });

  it('is breached at now when no reply came in time', () => {
    const first = computeSlaClock(office, targets, [ev('created', '08 10:00')], at('08 11:01')).targets.firstResponse;
    expect(first.status).toBe('breached');
    expect(show(first.breachedAt)).toBe('2026-06-08 11:00 Mon');
    expect(first.remainingMinutes).toBe(-1);
  });

  it('is met by a reply exactly at the due moment', () => {
    const events = [ev('created', '08 10:00'), ev('agent_public_reply', '08 11:00')];
    expect(computeSlaClock(office, targets, events, at('08 12:00')).targets.firstResponse.status).toBe('met');
  });

  it('does not pause while the request waits on the customer', () => {
    const events = [ev('created', '08 10:00'), ev('paused', '08 10:15'), ev('resumed', '08 10:45')];
    const state = computeSlaClock(office, targets, events, at('08 10:50'));
    expect(state.targets.firstResponse).toMatchObject({ status: 'running', usedMinutes: 50 });
    expect(state.targets.resolution).toMatchObject({ status: 'running', usedMinutes: 20 });
  });

  it('resolution without any reply ends it as not applicable (or breached when already late)', () => {
    const quick = computeSlaClock(office, targets, [ev('created', '08 10:00'), ev('resolved', '08 10:20')], at('08 12:00'));
    expect(quick.targets.firstResponse).toMatchObject({ status: 'not_applicable', metAt: null });
    const late = computeSlaClock(office, targets, [ev('created', '08 10:00'), ev('resolved', '08 11:20')], at('08 12:00'));
    expect(late.targets.firstResponse.status).toBe('breached');
  });
});

describe('next response', () => {
  it('starts at each customer message after the first response and stops at the next public reply', () => {
    const events = [
      ev('created', '08 10:00'),
      ev('agent_public_reply', '08 10:30'),
      ev('customer_message', '08 14:00'),
      ev('internal_note', '08 14:30'),
      ev('agent_public_reply', '08 15:00'),
      ev('customer_message', '08 16:30'),
    ];
    const next = computeSlaClock(office, targets, events, at('09 09:00')).targets.nextResponse;
    expect(next.cycles).toHaveLength(2);
    expect(next.cycles[0]).toMatchObject({ status: 'met', usedMinutes: 60 });
    expect(show(next.cycles[0]!.dueAt)).toBe('2026-06-08 16:00 Mon');
    // Second cycle: 30 min on Monday, the rest Tuesday morning.
    expect(next).toMatchObject({ status: 'running', usedMinutes: 30, remainingMinutes: 90, breachedAt: null });
    expect(show(next.startedAt)).toBe('2026-06-08 16:30 Mon');
    expect(show(next.dueAt)).toBe('2026-06-09 10:30 Tue');
  });

  it('does not start for customer messages before the first response', () => {
    const events = [ev('created', '08 10:00'), ev('customer_message', '08 10:10'), ev('agent_public_reply', '08 10:30')];
    const next = computeSlaClock(office, targets, events, at('08 16:00')).targets.nextResponse;
    expect(next).toMatchObject({ status: 'not_applicable', cycles: [], dueAt: null });
  });

  it('keeps the earliest unanswered message as the start', () => {
    const events = [
      ev('created', '08 10:00'),
      ev('agent_public_reply', '08 10:30'),
      ev('customer_message', '08 11:00'),
      ev('customer_message', '08 12:00'),
    ];
    const next = computeSlaClock(office, targets, events, at('08 12:30')).targets.nextResponse;
    expect(next.cycles).toHaveLength(1);
    expect(show(next.dueAt)).toBe('2026-06-08 13:00 Mon');
  });

  it('remembers a breach of an earlier cycle after a later one is met', () => {
    const events = [
      ev('created', '08 10:00'),
      ev('agent_public_reply', '08 10:30'),
      ev('customer_message', '08 11:00'),
      ev('agent_public_reply', '08 14:00'), // due 13:00: late
      ev('customer_message', '08 15:00'),
      ev('agent_public_reply', '08 15:10'),
    ];
    const next = computeSlaClock(office, targets, events, at('08 16:00')).targets.nextResponse;
    expect(next.cycles.map((c) => c.status)).toEqual(['breached', 'met']);
    expect(next.status).toBe('met');
    expect(show(next.breachedAt)).toBe('2026-06-08 13:00 Mon');
  });
});

describe('resolution', () => {
  it('pause and resume move the due date by the business time on hold', () => {
    const created = ev('created', '08 10:00');
    const unpaused = computeSlaClock(office, targets, [created], at('08 10:00')).targets.resolution;
    expect(show(unpaused.dueAt)).toBe('2026-06-09 10:00 Tue');

    const events = [created, ev('agent_public_reply', '08 10:30'), ev('paused', '08 12:00'), ev('resumed', '09 11:00')];
    const whilePaused = computeSlaClock(office, targets, events, at('09 10:00')).targets.resolution;
    expect(whilePaused).toMatchObject({ status: 'paused', dueAt: null, usedMinutes: 120, remainingMinutes: 360 });

    const resumed = computeSlaClock(office, targets, events, at('09 11:00')).targets.resolution;
    // On hold Mon 12:00–17:00 and Tue 09:00–11:00: 7 business hours, so the due date moves 7 hours.
    expect(resumed.dueAt).toEqual(addBusinessMinutes(office, unpaused.dueAt!, 7 * 60));
    expect(show(resumed.dueAt)).toBe('2026-06-09 17:00 Tue');
    expect(resumed).toMatchObject({ status: 'running', usedMinutes: 120 });
  });

  it('does not breach while paused, even past the original due date', () => {
    const events = [ev('created', '08 10:00'), ev('paused', '08 11:00')];
    const resolution = computeSlaClock(office, targets, events, at('12 16:00')).targets.resolution;
    expect(resolution).toMatchObject({ status: 'paused', breachedAt: null, usedMinutes: 60 });
  });

  it('is met when resolved in time, breached when resolved late', () => {
    const onTime = computeSlaClock(office, targets, [ev('created', '08 10:00'), ev('resolved', '09 09:30')], at('10 12:00'));
    expect(onTime.targets.resolution).toMatchObject({ status: 'met', usedMinutes: 450, breachedAt: null });
    const late = computeSlaClock(office, targets, [ev('created', '08 10:00'), ev('resolved', '09 10:30')], at('10 12:00'));
    expect(late.targets.resolution.status).toBe('breached');
    expect(show(late.targets.resolution.breachedAt)).toBe('2026-06-09 10:00 Tue');
  });

  it('reopening restarts the clock from the reopen moment with the remaining budget', () => {
    const events = [
      ev('created', '08 10:00'),
      ev('agent_public_reply', '08 10:20'),
      ev('resolved', '08 11:40'), // 100 minutes used, 380 left
      ev('reopened', '10 15:00'),
    ];
    const resolution = computeSlaClock(office, targets, events, at('10 16:00')).targets.resolution;
    expect(resolution.cycles.map((c) => c.status)).toEqual(['met', 'running']);
    expect(show(resolution.startedAt)).toBe('2026-06-10 15:00 Wed');
    // 2 h Wednesday, 4 h 20 Thursday.
    expect(show(resolution.dueAt)).toBe('2026-06-11 13:20 Thu');
    expect(resolution).toMatchObject({ usedMinutes: 160, remainingMinutes: 320, metAt: at('08 11:40') });
  });

  it('a request reopened after its budget ran out is breached at once', () => {
    const events = [ev('created', '08 10:00'), ev('resolved', '09 12:00'), ev('reopened', '10 09:00')];
    const resolution = computeSlaClock(office, targets, events, at('10 09:05')).targets.resolution;
    expect(resolution.status).toBe('breached');
    expect(show(resolution.breachedAt)).toBe('2026-06-09 10:00 Tue');
    expect(resolution.remainingMinutes).toBe(-125);
  });

  it('a customer message on a resolved request starts the next-response clock when it is reopened', () => {
    const events = [
      ev('created', '08 10:00'),
      ev('agent_public_reply', '08 10:20'),
      ev('resolved', '08 10:30'),
      ev('customer_message', '08 12:00'),
      ev('reopened', '08 12:01'),
    ];
    const next = computeSlaClock(office, targets, events, at('08 12:30')).targets.nextResponse;
    expect(next).toMatchObject({ status: 'running', startedAt: at('08 12:01'), usedMinutes: 29 });
  });
});

describe('computeSlaClock inputs', () => {
  it('reports targets without a budget as not applicable but still records times', () => {
    const events = [ev('created', '08 10:00'), ev('agent_public_reply', '08 10:45')];
    const state = computeSlaClock(office, {}, events, at('08 12:00'));
    expect(state.targets.firstResponse).toMatchObject({
      status: 'not_applicable',
      dueAt: null,
      budgetMinutes: null,
      remainingMinutes: null,
      usedMinutes: 45,
      metAt: at('08 10:45'),
    });
  });

  it('ignores events after now and sorts an unordered history', () => {
    const events = [ev('agent_public_reply', '08 10:45'), ev('created', '08 10:00')];
    expect(computeSlaClock(office, targets, events, at('08 10:30')).targets.firstResponse.status).toBe('running');
    expect(computeSlaClock(office, targets, events, at('08 11:30')).targets.firstResponse.status).toBe('met');
  });

  it('is a pure function: same inputs, same output', () => {
    const events = [ev('created', '08 10:00'), ev('paused', '08 11:00'), ev('resumed', '09 10:00')];
    expect(computeSlaClock(office, targets, events, at('09 12:00'))).toEqual(computeSlaClock(office, targets, events, at('09 12:00')));
  });

  it('rejects histories without exactly one created event, bad dates and negative budgets', () => {
    expect(() => computeSlaClock(office, targets, [ev('agent_public_reply', '08 10:00')], at('08 12:00'))).toThrow(/no created event/);
    expect(() => computeSlaClock(office, targets, [ev('created', '08 10:00'), ev('created', '08 11:00')], at('08 12:00'))).toThrow(
      /2 created events/,
    );
    expect(() => computeSlaClock(office, targets, [{ type: 'created', at: new Date('x') }], at('08 12:00'))).toThrow(/events\[0\]\.at/);
    expect(() => computeSlaClock(office, { resolution: -5 }, [ev('created', '08 10:00')], at('08 12:00'))).toThrow(/resolution target/);
    expect(() => computeSlaClock(office, targets, [{ type: 'escalated' as SlaEventType, at: at('08 10:00') }], at('08 12:00'))).toThrow(
      /not an SLA event type/,
    );
  });
});

describe('evaluateAt', () => {
  const events = [ev('created', '08 10:00')];
  const state = computeSlaClock(office, targets, events, at('08 10:00'));

  it('is neither at risk nor breached early on, and says when the warning fires', () => {
    const e = evaluateAt(state, at('08 10:20'), { warningLeadMinutes: 15 });
    expect(e.firstResponse).toMatchObject({ status: 'running', atRisk: false, breached: false, minutesLeft: 40 });
    expect(show(e.firstResponse.warnAt)).toBe('2026-06-08 10:45 Mon');
    expect(e.nextResponse).toMatchObject({ status: 'not_applicable', atRisk: false, minutesLeft: null, warnAt: null });
  });

  it('flags a target at risk within the lead and breached after the due date', () => {
    expect(evaluateAt(state, at('08 10:50'), { warningLeadMinutes: 15 }).firstResponse).toMatchObject({
      atRisk: true,
      breached: false,
      minutesLeft: 10,
    });
    expect(evaluateAt(state, at('08 11:05'), { warningLeadMinutes: 15 }).firstResponse).toMatchObject({
      status: 'breached',
      atRisk: false,
      breached: true,
      minutesLeft: -5,
    });
  });

  it('measures the lead in business minutes, across closed hours', () => {
    // Resolution due Tue 10:00; at Mon 16:30 there are 90 business minutes left.
    const e = evaluateAt(state, at('08 16:30'), { warningLeadMinutes: { resolution: 120 } });
    expect(e.resolution).toMatchObject({ atRisk: true, minutesLeft: 90 });
    expect(show(e.resolution.warnAt)).toBe('2026-06-08 16:00 Mon');
  });

  it('defaults the lead to a fifth of the budget', () => {
    expect(evaluateAt(state, at('08 10:47')).firstResponse.atRisk).toBe(false);
    expect(evaluateAt(state, at('08 10:48')).firstResponse.atRisk).toBe(true);
  });

  it('never flags a paused or finished target as at risk', () => {
    const paused = computeSlaClock(office, targets, [...events, ev('paused', '08 10:30')], at('08 10:30'));
    expect(evaluateAt(paused, at('15 10:00')).resolution).toMatchObject({ status: 'paused', atRisk: false, breached: false });
  });

  it('refuses to evaluate before the state was computed', () => {
    expect(() => evaluateAt(state, at('08 09:00'))).toThrow(/compute the state again/);
  });
});
