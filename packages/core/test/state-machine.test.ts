import { createTestClock, createTestServer, eventually, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineStateMachine } from '../src/index.js';
import { createTicketsPlugin, ticketMachine } from './fixtures/tickets-plugin.js';

const clock = createTestClock('2026-11-16T09:00:00Z');
const tickets = createTicketsPlugin();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ plugins: [tickets.plugin], clock, config: { jobPollSeconds: 0.5 } });
});
afterAll(() => server?.stop());

const TICKET = `id status version allowedTransitions history { fromStatus toStatus actorKind reason at }`;
const open = async () => (await server.client.data(`mutation { openTicket { ${TICKET} } }`)).openTicket;
const move = (id: string, to: string, expectedVersion?: number) =>
  server.client.request(`mutation($id: ID!, $to: String!, $v: Int) { moveTicket(id: $id, to: $to, expectedVersion: $v) { ${TICKET} } }`, {
    id,
    to,
    v: expectedVersion ?? null,
  });
const rows = async (sql: string, id: string) => Number((await server.app.dataSource.query(sql, [id]))[0].n);
const historyRows = (id: string) => rows(`SELECT count(*) AS n FROM status_history WHERE subject_id = $1`, id);
const auditRows = (id: string) =>
  rows(`SELECT count(*) AS n FROM audit_event WHERE object_id = $1 AND action = 'ticketsTicket.transition'`, id);

describe('defineStateMachine', () => {
  it('refuses a table that names unknown states', () => {
    expect(() =>
      defineStateMachine({ subjectType: 'x.y', objectName: 'Y', auditObjectType: 'Y', initial: 'a', transitions: { a: ['b' as 'a'] } }),
    ).toThrow(/'a' moves to 'b', which is not a state/);
  });
});

describe('the transition recipe', () => {
  it('moves, bumps the version and writes history, audit entry and event together', async () => {
    const t = await open();
    expect(t).toMatchObject({ status: 'open', allowedTransitions: ['working'] });
    expect(t.history).toEqual([{ fromStatus: null, toStatus: 'open', actorKind: 'system', reason: null, at: '2026-11-16T09:00:00.000Z' }]);
    clock.advanceMinutes(5);
    const res = await move(t.id, 'working', t.version);
    expect(res.errors).toBeUndefined();
    const moved = res.data!.moveTicket;
    expect(moved.status).toBe('working');
    expect(moved.version).toBe(t.version + 1);
    expect(moved.allowedTransitions).toEqual(ticketMachine.allowed('working'));
    expect(moved.history.at(-1)).toEqual({
      fromStatus: 'open',
      toStatus: 'working',
      actorKind: 'system',
      reason: null,
      at: '2026-11-16T09:05:00.000Z',
    });
    expect(await auditRows(t.id)).toBe(1);
    await eventually(() => tickets.moved.find((e) => e.payload.ticketId === t.id), { what: 'the event' });
    expect(tickets.moved.find((e) => e.payload.ticketId === t.id)!.payload).toEqual({ ticketId: t.id, from: 'open', to: 'working' });
  });

  it('refuses an illegal move with INVALID_TRANSITION naming the current and allowed states, writing nothing', async () => {
    const t = await open();
    const res = await move(t.id, 'done');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'open', to: 'done', allowed: ['working'] });
    expect(res.errors?.[0]?.message).toMatch(/Ticket cannot go from 'open' to 'done'.*working/);
    expect(await historyRows(t.id)).toBe(1);
    expect(await auditRows(t.id)).toBe(0);
  });

  it('refuses a stale expectedVersion with CONFLICT, writing nothing', async () => {
    const t = await open();
    expect((await move(t.id, 'working', t.version)).errors).toBeUndefined();
    const stale = await move(t.id, 'open', t.version);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: t.version + 1, expectedVersion: t.version });
    const now = (await server.client.data(`query($id: ID!) { ticket(id: $id) { ${TICKET} } }`, { id: t.id })).ticket;
    expect(now.status).toBe('working');
    expect(now.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['open', 'working']);
  });

  it('leaves no history, audit entry or event when the rest of the change fails', async () => {
    const t = await open();
    const services = server.app.servicesOf(tickets.plugin);
    await expect(services.move(t.id, 'working', { failAfter: true })).rejects.toThrow(/later step/);
    expect(await historyRows(t.id)).toBe(1);
    expect(await auditRows(t.id)).toBe(0);
    expect(await rows(`SELECT count(*) AS n FROM event_outbox WHERE aggregate_id = $1`, t.id)).toBe(0);
  });

  it('keeps every move of a long history, in order', async () => {
    const t = await open();
    for (let i = 0; i < 30; i++) {
      await server.app.servicesOf(tickets.plugin).move(t.id, i % 2 === 0 ? 'working' : 'open', { note: `round ${i}` });
    }
    const now = (await server.client.data(`query($id: ID!) { ticket(id: $id) { ${TICKET} } }`, { id: t.id })).ticket;
    expect(now.history).toHaveLength(31);
    expect(now.history.at(-1)).toMatchObject({ fromStatus: 'working', toStatus: 'open', reason: 'round 29' });
    for (let i = 1; i < now.history.length; i++) expect(now.history[i].fromStatus).toBe(now.history[i - 1].toStatus);
  });
});
