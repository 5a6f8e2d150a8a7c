import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestServer, errorCodes, type GraphQLClient, type TestServer, eventually } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../src/index.js';
import { createLedgerPlugin, entryRemoved } from './fixtures/ledger-plugin.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local webhook endpoint that records what it receives and answers `status`. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(state.status).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, state, close: () => new Promise((r) => server.close(r)) };
}

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id url eventTypes active consecutiveFailures disabledAt } }
}`;
const DELIVERIES = `query ($id: ID!, $take: Int) {
  webhookDeliveries(subscriptionId: $id, take: $take) { totalCount items { eventId eventType deliveryId attempt success statusCode durationMs error } }
}`;
const SUBSCRIPTIONS = `{ webhookSubscriptions { totalCount items { id active consecutiveFailures disabledAt } } }`;

describe('outgoing webhooks', () => {
  let server: TestServer;
  /** An Administrator's client: webhooks and the delivery log are staff-only. */
  let admin: GraphQLClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const ledger = createLedgerPlugin();
  beforeAll(async () => {
    receiver = await startReceiver();
    server = await createTestServer({
      plugins: [ledger.plugin],
      // The receiver runs on this machine: allowed only through the exception setting.
      config: {
        jobPollSeconds: 0.5,
        retryDelaySeconds: 1,
        deliveryMaxAttempts: 10,
        webhookDisableAfter: 3,
        webhookAllowedTargets: ['127.0.0.1/32'],
      },
    });
    admin = (await server.signInStaff()).client;
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  const publish = (entryId: string) => server.app.dataSource.transaction((m) => ledger.publish(m, { entryId, amount: 7 }));

  it('lists the event types integrators can subscribe to', async () => {
    const data = await admin.data(`{ eventTypes { type owner description } }`);
    expect(data.eventTypes.filter((t: { owner: string }) => t.owner === 'ledger')).toEqual([
      { type: 'ledger.entry.added', owner: 'ledger', description: 'A ledger entry was added.' },
      { type: 'ledger.entry.removed', owner: 'ledger', description: null },
    ]);
    // Core's own events are offered too, e.g. SLA breaches for an external escalation tool.
    expect(data.eventTypes.map((t: { type: string }) => t.type)).toContain('core.sla.breached');
  });

  it('refuses a bad URL or an unknown event type with the fields to fix, and stores nothing', async () => {
    const badUrl = await admin.request(CREATE, { input: { url: 'ftp://example.com/x', eventTypes: ['*'] } });
    expect(errorCodes(badUrl)).toEqual(['VALIDATION_FAILED']);
    expect(badUrl.errors![0]!.extensions!.fields).toEqual([{ field: 'url', message: 'must be an http:// or https:// URL' }]);
    const badType = await admin.request(CREATE, {
      input: { url: receiver.url, eventTypes: ['ledger.entry.added', 'ledger.nope.done'] },
    });
    expect(errorCodes(badType)).toEqual(['VALIDATION_FAILED']);
    expect(badType.errors![0]!.extensions!.fields).toEqual([
      {
        field: 'eventTypes.1',
        message: "'ledger.nope.done' is not an event type of this server; use '*' or one listed by the eventTypes query.",
      },
    ]);
    const none = await admin.request(CREATE, { input: { url: receiver.url, eventTypes: [] } });
    expect(errorCodes(none)).toEqual(['VALIDATION_FAILED']);
    expect((await admin.data(SUBSCRIPTIONS)).webhookSubscriptions.totalCount).toBe(0);
  });

  it('posts matching events signed with the secret, which is shown only once', async () => {
    const created = (await admin.data(CREATE, { input: { url: receiver.url, eventTypes: ['ledger.entry.added'], description: 'ERP' } }))
      .createWebhookSubscription;
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(created.subscription).toMatchObject({
      url: receiver.url,
      eventTypes: ['ledger.entry.added'],
      active: true,
      consecutiveFailures: 0,
    });
    const noSecret = await admin.request(`{ webhookSubscriptions { items { secret } } }`);
    expect(errorCodes(noSecret)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    await server.app.dataSource.transaction((m) => ledger.ctx.events.publish(m, entryRemoved, { entryId: 'x' }));
    const eventId = await publish('wh-1');
    const hit = await eventually(() => receiver.received.find((r) => JSON.parse(r.body).id === eventId), { what: 'the POST' });

    // Verify as a receiver would: HMAC-SHA256 over "<timestamp>.<raw body>", timestamp recent.
    const { t, v1 } = Object.fromEntries(
      String(hit.headers['x-aftercare-signature'])
        .split(',')
        .map((p) => p.split('=')),
    );
    expect(t).toBe(hit.headers['x-aftercare-timestamp']);
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    expect(v1).toBe(createHmac('sha256', created.secret).update(`${t}.${hit.body}`).digest('hex'));
    expect(verifyWebhookSignature({ secret: created.secret, header: hit.headers['x-aftercare-signature'] as string, body: hit.body })).toBe(
      true,
    );
    expect(verifyWebhookSignature({ secret: 'whsec_other', header: hit.headers['x-aftercare-signature'] as string, body: hit.body })).toBe(
      false,
    );
    expect(
      verifyWebhookSignature({
        secret: created.secret,
        header: hit.headers['x-aftercare-signature'] as string,
        body: hit.body,
        now: Number(t) + 301,
      }),
    ).toBe(false);

    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-aftercare-event']).toBe('ledger.entry.added');
    const body = JSON.parse(hit.body);
    expect(body).toEqual({
      id: eventId,
      type: 'ledger.entry.added',
      occurredAt: expect.any(String),
      payload: { entryId: 'wh-1', amount: 7 },
    });
    expect(new Date(body.occurredAt).toISOString()).toBe(body.occurredAt);
    // The event type it did not subscribe to was not sent.
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).not.toContain('ledger.entry.removed');

    const log = await eventually(
      async () => {
        const d = (await admin.data(DELIVERIES, { id: created.subscription.id })).webhookDeliveries;
        return d.totalCount === 1 && d;
      },
      { what: 'the delivery log' },
    );
    expect(log.items[0]).toMatchObject({
      eventId,
      eventType: 'ledger.entry.added',
      attempt: 1,
      success: true,
      statusCode: 200,
      error: null,
    });
    expect(log.items[0].deliveryId).toBe(hit.headers['x-aftercare-delivery']);

    expect(await admin.data(`mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: created.subscription.id })).toEqual({
      deleteWebhookSubscription: true,
    });
    expect(errorCodes(await admin.request(DELIVERIES, { id: created.subscription.id }))).toEqual(['NOT_FOUND']);
  });

  it('retries a failing endpoint with backoff, disables it after consecutive failures, and can re-enable it', async () => {
    receiver.state.status = 500;
    const { subscription } = (await admin.data(CREATE, { input: { url: receiver.url, eventTypes: ['*'] } })).createWebhookSubscription;
    const eventId = await publish('wh-2');

    const disabled = await eventually(
      async () => {
        const s = (await admin.data(SUBSCRIPTIONS)).webhookSubscriptions.items.find((x: { id: string }) => x.id === subscription.id);
        return !s.active && s;
      },
      { what: 'the subscription to be disabled', timeoutMs: 20_000 },
    );
    expect(disabled).toMatchObject({ active: false, consecutiveFailures: 3, disabledAt: expect.any(String) });
    const log = (await admin.data(DELIVERIES, { id: subscription.id })).webhookDeliveries;
    expect(log.totalCount).toBe(3);
    expect(log.items.map((d: { attempt: number }) => d.attempt)).toEqual([3, 2, 1]);
    for (const d of log.items)
      expect(d).toMatchObject({ eventId, success: false, statusCode: 500, error: 'The endpoint answered HTTP 500.' });
    expect(new Set(log.items.map((d: { deliveryId: string }) => d.deliveryId)).size).toBe(1);

    // Re-enabled, it gets new events again.
    receiver.state.status = 204;
    const enabled = await admin.data(
      `mutation ($id: ID!) { updateWebhookSubscription(id: $id, input: { active: true }) { active consecutiveFailures disabledAt } }`,
      { id: subscription.id },
    );
    expect(enabled.updateWebhookSubscription).toEqual({ active: true, consecutiveFailures: 0, disabledAt: null });
    const next = await publish('wh-3');
    await eventually(
      async () => {
        const d = (await admin.data(DELIVERIES, { id: subscription.id })).webhookDeliveries;
        return d.items.some((x: { eventId: string; success: boolean }) => x.eventId === next && x.success);
      },
      { what: 'delivery after re-enabling' },
    );
  });

  it('refuses pages over 100 and a non-positive take', async () => {
    expect(errorCodes(await admin.request(`{ webhookSubscriptions(take: 1000) { totalCount } }`))).toEqual(['VALIDATION_FAILED']);
    expect((await admin.data(`{ webhookSubscriptions(take: 100) { totalCount } }`)).webhookSubscriptions.totalCount).toBeGreaterThan(0);
    expect(errorCodes(await admin.request(`{ webhookSubscriptions(take: 0) { totalCount } }`))).toEqual(['VALIDATION_FAILED']);
  });
});
