import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestServer, errorCodes, eventually, type GraphQLClient, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, postGuarded, refusedAddress } from '../src/webhooks/webhook-target.js';
import { createLedgerPlugin } from './fixtures/ledger-plugin.js';

const NONE = { allowedRanges: [] };

// Internal addresses in every notation a URL can carry them.
const INTERNAL_URLS = [
  'http://127.0.0.1/x',
  'http://127.1/x',
  'http://2130706433/x', // decimal
  'http://0x7f000001/x', // hex
  'http://0x7f.0.0.1/x',
  'http://017700000001/x', // octal
  'http://0177.0.0.01/x',
  'http://[::1]/x',
  'http://[::ffff:127.0.0.1]/x', // IPv4-mapped IPv6
  'http://[::ffff:7f00:1]/x',
  'http://[0:0:0:0:0:ffff:a9fe:a9fe]/x', // mapped metadata address
  'http://0.0.0.0/x', // unspecified
  'http://0/x',
  'http://[::]/x',
  'http://10.0.0.5/x', // private
  'http://172.16.3.4/x',
  'http://192.168.1.1/x',
  'http://169.254.169.254/latest/meta-data/', // link-local, cloud metadata
  'http://2852039166/x', // 169.254.169.254 as one number
  'http://100.100.100.200/x', // carrier-grade NAT (a cloud metadata address)
  'http://[fd00:ec2::254]/x', // unique-local (cloud metadata over IPv6)
  'http://[fe80::1]/x',
  'http://[64:ff9b::7f00:1]/x', // NAT64 wrapping 127.0.0.1
  'http://[2002:7f00:1::]/x', // 6to4 wrapping 127.0.0.1
  'http://224.0.0.1/x', // multicast
  'http://255.255.255.255/x',
  'http://localhost:8080/x',
  'http://LOCALHOST./x',
  'http://api.localhost/x',
  'http://metadata.google.internal/computeMetadata/v1/',
];

describe('webhook target policy (pure)', () => {
  it.each(INTERNAL_URLS)('refuses %s', (url) => {
    expect(checkWebhookUrl(url, NONE)).toMatch(/must not/);
  });

  it('accepts public endpoints and refuses credentials in URLs', () => {
    expect(checkWebhookUrl('https://hooks.example.com/aftercare', NONE)).toBeNull();
    expect(checkWebhookUrl('https://93.184.216.34:8443/x', NONE)).toBeNull();
    expect(checkWebhookUrl('https://[2606:2800:220:1:248:1893:25c8:1946]/x', NONE)).toBeNull();
    expect(checkWebhookUrl('https://user:pw@hooks.example.com/x', NONE)).toMatch(/credentials/);
    expect(checkWebhookUrl('https://user@hooks.example.com/x', NONE)).toMatch(/credentials/);
    expect(checkWebhookUrl('file:///etc/passwd', NONE)).toMatch(/http/);
    expect(checkWebhookUrl('gopher://127.0.0.1/x', NONE)).toMatch(/http/);
  });

  it('allows internal ranges only where the setting lists them', () => {
    const dev = { allowedRanges: ['127.0.0.1/32'] };
    expect(checkWebhookUrl('http://127.0.0.1:9/x', dev)).toBeNull();
    expect(checkWebhookUrl('http://[::ffff:127.0.0.1]:9/x', dev)).toBeNull();
    expect(checkWebhookUrl('http://127.0.0.2:9/x', dev)).toMatch(/must not/);
    expect(refusedAddress('10.1.2.3', { allowedRanges: ['10.0.0.0/8'] })).toBeNull();
    expect(refusedAddress('169.254.169.254', { allowedRanges: ['10.0.0.0/8'] })).toMatch(/linkLocal/);
  });
});

/** A local endpoint that counts what reaches it. */
async function startReceiver() {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(req.url ?? '');
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise((r) => server.close(r)) };
}

describe('webhook targets over the API and at delivery', () => {
  let server: TestServer;
  let admin: GraphQLClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const ledger = createLedgerPlugin();
  const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await createTestServer({ plugins: [ledger.plugin], config: { jobPollSeconds: 0.5, retryDelaySeconds: 1 } });
    admin = (await server.signInStaff()).client;
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('refuses every internal notation when a subscription is created or changed, naming the url field', async () => {
    for (const url of [...INTERNAL_URLS, 'https://u:p@hooks.example.com/x']) {
      const res = await admin.request(CREATE, { input: { url, eventTypes: ['*'] } });
      expect(errorCodes(res), url).toEqual(['VALIDATION_FAILED']);
      expect(res.errors![0]!.extensions!.fields, url).toEqual([expect.objectContaining({ field: 'url' })]);
    }
    expect((await admin.data(`{ webhookSubscriptions { totalCount } }`)).webhookSubscriptions.totalCount).toBe(0);
  });

  it('refuses at delivery a name that resolves to an internal address after it was saved', async () => {
    const created = await admin.data(CREATE, { input: { url: 'https://hooks.example.com/x', eventTypes: ['ledger.entry.added'] } });
    const id = created.createWebhookSubscription.subscription.id as string;
    // As if DNS changed after saving: the stored name now leads to this machine.
    await server.app.dataSource.query(`UPDATE webhook_subscription SET url = $2 WHERE id = $1`, [
      id,
      `http://localhost:${receiver.port}/rebound`,
    ]);
    await server.app.dataSource.transaction((m) => ledger.publish(m, { entryId: 'ssrf-1', amount: 1 }));
    const delivery = await eventually(
      async () => {
        const d = await admin.data(`query ($id: ID!) { webhookDeliveries(subscriptionId: $id) { items { success error } } }`, { id });
        return d.webhookDeliveries.items[0];
      },
      { what: 'the refused delivery' },
    );
    expect(delivery.success).toBe(false);
    expect(delivery.error).toMatch(/Not sent: .*loopback/);
    expect(receiver.received).toEqual([]);
  });

  it('the delivery socket checks resolved addresses itself (DNS rebinding)', async () => {
    await expect(postGuarded(`http://localhost:${receiver.port}/direct`, '{}', {}, { policy: NONE, timeoutMs: 2000 })).rejects.toThrow(
      /loopback/,
    );
    await expect(postGuarded(`http://2130706433:${receiver.port}/direct`, '{}', {}, { policy: NONE, timeoutMs: 2000 })).rejects.toThrow(
      /loopback/,
    );
    expect(receiver.received).toEqual([]);
    // With the exception, the same request goes through.
    const ok = await postGuarded(
      `http://localhost:${receiver.port}/allowed`,
      '{}',
      {},
      {
        policy: { allowedRanges: ['127.0.0.1/32', '::1/128'] },
        timeoutMs: 2000,
      },
    );
    expect(ok.status).toBe(200);
    expect(receiver.received).toEqual(['/allowed']);
  });
});
