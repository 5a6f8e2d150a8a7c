import { createTestServer, errorCodes, schemaDrift, type GraphQLClient, type TestServer, eventually } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEvent } from '../src/index.js';
import { createLedgerPlugin, entryRemoved } from './fixtures/ledger-plugin.js';

const fast = { jobPollSeconds: 0.5, retryDelaySeconds: 1, deliveryMaxAttempts: 3 };

describe('domain events with a transactional outbox', () => {
  let server: TestServer;
  /** An Administrator's client: webhooks and the delivery log are staff-only. */
  let admin: GraphQLClient;
  const ledger = createLedgerPlugin();
  beforeAll(async () => {
    server = await createTestServer({ plugins: [ledger.plugin], config: fast });
    admin = (await server.signInStaff()).client;
  });
  afterAll(() => server?.stop());

  const deliveries = (eventId: string) =>
    server.app.dataSource.query(
      "SELECT subscriber, status, attempts, last_error FROM event_delivery WHERE event_id = $1 AND subscriber LIKE 'ledger.%' ORDER BY subscriber",
      [eventId],
    );
  const projections = async (eventId: string) =>
    Number((await server.app.dataSource.query('SELECT count(*) AS n FROM ledger_projection WHERE event_id = $1', [eventId]))[0].n);

  it('delivers a committed event once to each subscriber and never one whose transaction rolled back', async () => {
    let rolledBack = '';
    await server.app.dataSource
      .transaction(async (m) => {
        rolledBack = await ledger.publish(m, { entryId: 'e-0', amount: 5 });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    const committed = await server.app.dataSource.transaction((m) => ledger.publish(m, { entryId: 'e-1', amount: 10 }));

    const rows = await eventually(
      async () => {
        const r = await deliveries(committed);
        return r.length === 2 && r.every((d: { status: string }) => d.status === 'delivered') && r;
      },
      { what: 'both deliveries' },
    );
    expect(rows).toEqual([
      { subscriber: 'ledger.mailer', status: 'delivered', attempts: 1, last_error: null },
      { subscriber: 'ledger.projector', status: 'delivered', attempts: 1, last_error: null },
    ]);
    expect(ledger.seen.mailed.filter((id) => id === committed)).toHaveLength(1);
    expect(await projections(committed)).toBe(1);

    const [event] = await server.app.dataSource.query('SELECT type, payload, aggregate_id FROM event_outbox WHERE id = $1', [committed]);
    expect(event).toEqual({ type: 'ledger.entry.added', payload: { entryId: 'e-1', amount: 10 }, aggregate_id: 'e-1' });
    expect(await server.app.dataSource.query('SELECT 1 FROM event_outbox WHERE id = $1', [rolledBack])).toEqual([]);
    expect(await deliveries(rolledBack)).toEqual([]);
    expect(ledger.seen.mailed).not.toContain(rolledBack);
  });

  it('retries a failing subscriber with its writes rolled back, then marks the delivery failed', async () => {
    const id = await server.app.dataSource.transaction((m) => ledger.publish(m, { entryId: 'e-2', amount: 1, note: 'poison' }));
    const failed = await eventually(
      async () => {
        const r = (await deliveries(id)).find((d: { subscriber: string }) => d.subscriber === 'ledger.projector');
        return r?.status === 'failed' && r;
      },
      { what: 'the failed delivery' },
    );
    expect(failed).toEqual({
      subscriber: 'ledger.projector',
      status: 'failed',
      attempts: 3,
      last_error: 'projector crashed after writing',
    });
    // Each attempt wrote a row and threw: every write was rolled back with its attempt.
    expect(await projections(id)).toBe(0);
    // The other subscriber is not held back by the failing one.
    expect(ledger.seen.mailed.filter((x) => x === id)).toHaveLength(1);

    // Operators see it through the API and can queue it again.
    const failedList = await admin.data(
      `{ eventDeliveries(status: "failed") { totalCount items { eventId eventType subscriber status attempts lastError } } }`,
    );
    expect(failedList.eventDeliveries).toEqual({
      totalCount: 1,
      items: [
        {
          eventId: id,
          eventType: 'ledger.entry.added',
          subscriber: 'ledger.projector',
          status: 'failed',
          attempts: 3,
          lastError: 'projector crashed after writing',
        },
      ],
    });
    const retry = `mutation ($id: ID!) { retryEventDelivery(eventId: $id, subscriber: "ledger.projector") }`;
    expect((await admin.data(retry, { id })).retryEventDelivery).toBe(true);
    await eventually(
      async () => {
        const r = (await deliveries(id)).find((d: { subscriber: string }) => d.subscriber === 'ledger.projector');
        return r?.status === 'failed' && r.attempts === 6;
      },
      { what: 'the retried delivery to fail again' },
    );
    expect(await projections(id)).toBe(0);
    expect(errorCodes(await admin.request(`{ eventDeliveries(status: "lost") { totalCount } }`))).toEqual(['VALIDATION_FAILED']);
  });

  it('publishes only declared events, and only those of the publishing plugin', async () => {
    const undeclared = defineEvent<{ x: number }>('ledger.entry.audited');
    await expect(server.app.dataSource.transaction((m) => ledger.ctx.events.publish(m, undeclared, { x: 1 }))).rejects.toThrow(
      /not declared/,
    );
    expect(
      server.app.events
        .types()
        .filter((t) => t.owner === 'ledger')
        .map((t) => t.type),
    ).toEqual(['ledger.entry.added', 'ledger.entry.removed']);
    // An event without subscribers is simply marked dispatched.
    const id = await server.app.dataSource.transaction((m) => ledger.ctx.events.publish(m, entryRemoved, { entryId: 'e-1' }));
    await eventually(
      async () => (await server.app.dataSource.query('SELECT dispatched_at FROM event_outbox WHERE id = $1', [id]))[0]?.dispatched_at,
      { what: 'dispatch' },
    );
    expect(await deliveries(id)).toEqual([]);
  });

  it('has migrations that match the entities', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });
});
