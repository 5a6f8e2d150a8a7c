import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient, createTestDatabase, createTestServer, type TestServer, eventually } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BootError,
  Role,
  SecretBox,
  SecretKeyError,
  loadConfig,
  loadSecretBox,
  migrationSets,
  parseSecretKey,
  runMigrations,
  startAftercare,
  verifyWebhookSignature,
  type AftercareApp,
} from '../src/index.js';
import { WebhookSecretEncryption1795460000000 } from '../src/migrations/1795460000000-webhook-secret-encryption.js';
import { webhookSecretContext } from '../src/webhooks/webhook-secrets.js';
import { createLedgerPlugin } from './fixtures/ledger-plugin.js';

const newKey = () => randomBytes(32);
const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id } } }`;
const DELIVERIES = `query ($id: ID!) { webhookDeliveries(subscriptionId: $id) { totalCount items { success statusCode error } } }`;

/** A local endpoint that records each POST (headers and raw body). */
async function startReceiver() {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The whole row as text, as anyone reading the table or a dump would see it. */
async function rawRows(app: Pick<AftercareApp, 'dataSource'>): Promise<string> {
  const rows: Array<{ row: string }> = await app.dataSource.query(`SELECT row_to_json(s)::text AS row FROM webhook_subscription s`);
  return rows.map((r) => r.row).join('\n');
}

describe('SecretBox (AES-256-GCM under the server key)', () => {
  it('opens what it sealed; every seal differs; the value names its key', () => {
    const box = new SecretBox(newKey());
    const a = box.seal('whsec_abc', 'ctx');
    const b = box.seal('whsec_abc', 'ctx');
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_abc');
    expect(a.split(':')).toHaveLength(5);
    expect(SecretBox.keyIdOf(a)).toBe(box.keyId);
    expect(box.open(a, 'ctx')).toBe('whsec_abc');
  });

  it('refuses a wrong key, a changed value and a value moved to another record, with a message naming the key', () => {
    const box = new SecretBox(newKey());
    const sealed = box.seal('whsec_abc', 'row-1');
    const other = new SecretBox(newKey());
    expect(() => other.open(sealed, 'row-1')).toThrow(SecretKeyError);
    expect(() => other.open(sealed, 'row-1')).toThrow(new RegExp(`encrypted with key ${box.keyId}, which this server does not have`));
    expect(() => other.open(sealed, 'row-1')).toThrow(/AFTERCARE_PREVIOUS_SECRET_KEYS/);
    expect(() => box.open(sealed, 'row-2')).toThrow(/could not be decrypted/);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('whsec_xyz').toString('base64url');
    expect(() => box.open(parts.join(':'), 'row-1')).toThrow(/could not be decrypted/);
    expect(() => box.open('whsec_plain', 'row-1')).toThrow(/not a sealed value/);
  });

  it('rotates: a box with the old key as previous opens old values and says they need sealing again', () => {
    const oldKey = newKey();
    const before = new SecretBox(oldKey).seal('s3cret', 'c');
    const rotated = new SecretBox(newKey(), [oldKey]);
    expect(rotated.open(before, 'c')).toBe('s3cret');
    expect(rotated.needsReseal(before)).toBe(true);
    expect(rotated.needsReseal(rotated.seal('s3cret', 'c'))).toBe(false);
  });

  it('reads keys as hex or base64 and refuses anything that is not 32 bytes', () => {
    const key = newKey();
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
    expect(() => parseSecretKey('too-short')).toThrow(/32 random bytes/);
    expect(() => parseSecretKey(randomBytes(16).toString('hex'))).toThrow(/32 random bytes/);
  });

  it('configuration refuses a malformed key without echoing it', () => {
    let error: unknown;
    try {
      loadConfig({}, { AFTERCARE_SECRET_KEY: 'not-a-key-but-secret-looking' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(/AFTERCARE_SECRET_KEY/);
    expect((error as Error).message).not.toContain('not-a-key-but-secret-looking');
  });

  it('production refuses to start without a key; development generates one once, private to its owner', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftercare-key-'));
    try {
      await expect(loadSecretBox({ env: 'production', dataDir })).rejects.toMatchObject({
        name: 'BootError',
        code: 'SECRET_KEY_MISSING',
        message: expect.stringContaining('AFTERCARE_SECRET_KEY is not set'),
      });
      const boxes = await Promise.all([1, 2, 3].map(() => loadSecretBox({ env: 'development', dataDir })));
      const ids = new Set(boxes.map((b) => b.box.keyId));
      expect(ids.size).toBe(1);
      const file = boxes[0]!.generatedFile!;
      expect(path.dirname(file)).toBe(dataDir);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      expect((await loadSecretBox({ env: 'test', dataDir })).box.keyId).toBe(boxes[0]!.box.keyId);
      expect(await fs.readdir(dataDir)).toEqual(['secret-key']);
      // A configured key wins over the generated one.
      const given = newKey();
      expect((await loadSecretBox({ env: 'production', dataDir, secretKey: given.toString('hex') })).box.keyId).toBe(
        new SecretBox(given).keyId,
      );
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('webhook secrets at rest', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const ledger = createLedgerPlugin();
  beforeAll(async () => {
    receiver = await startReceiver();
    server = await createTestServer({
      plugins: [ledger.plugin],
      config: { jobPollSeconds: 0.5, retryDelaySeconds: 1, webhookDisableAfter: 2, webhookAllowedTargets: ['127.0.0.1/32'] },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('stores only ciphertext; deliveries are still signed with the original secret', async () => {
    const admin = (await server.signInStaff()).client;
    const { secret, subscription } = (await admin.data(CREATE, { input: { url: receiver.url, eventTypes: ['ledger.entry.added'] } }))
      .createWebhookSubscription;
    const raw = await rawRows(server.app);
    expect(raw).toContain(subscription.id);
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(secret.slice('whsec_'.length));
    const columns: Array<{ column_name: string }> = await server.app.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'webhook_subscription' AND column_name LIKE 'secret%'`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['secret_sealed']);

    const eventId = await server.app.dataSource.transaction((m) => ledger.publish(m, { entryId: 'enc-1', amount: 1 }));
    const hit = await eventually(() => receiver.received.find((r) => JSON.parse(r.body).id === eventId), { what: 'the POST' });
    expect(verifyWebhookSignature({ secret, header: hit.headers['x-aftercare-signature'] as string, body: hit.body })).toBe(true);
  });

  it('a secret sealed under a key the server lacks fails its deliveries with an error that names the key', async () => {
    const admin = (await server.signInStaff()).client;
    const { subscription } = (await admin.data(CREATE, { input: { url: receiver.url, eventTypes: ['ledger.entry.added'] } }))
      .createWebhookSubscription;
    const foreign = new SecretBox(newKey());
    await server.app.dataSource.query(`UPDATE webhook_subscription SET secret_sealed = $2 WHERE id = $1`, [
      subscription.id,
      foreign.seal('whsec_from_elsewhere', webhookSecretContext(subscription.id)),
    ]);
    const posts = receiver.received.length;
    await server.app.dataSource.transaction((m) => ledger.publish(m, { entryId: 'enc-2', amount: 2 }));
    const log = await eventually(
      async () => {
        const d = (await admin.data(DELIVERIES, { id: subscription.id })).webhookDeliveries;
        return d.items.find((x: { success: boolean }) => !x.success);
      },
      { what: 'a failed attempt' },
    );
    expect(log).toMatchObject({ success: false, statusCode: null });
    expect(log.error).toContain('Not sent: the signing secret cannot be decrypted');
    expect(log.error).toContain(`encrypted with key ${foreign.keyId}`);
    // Nothing unsigned or wrongly signed went out for it (the other subscription's POST may arrive).
    expect(receiver.received.slice(posts).every((r) => !JSON.stringify(r.headers).includes(foreign.keyId))).toBe(true);
    await admin.data(`mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: subscription.id });
  });
});

describe('rotating the secret key', () => {
  it('a restart with a new key and the old one as previous re-encrypts every secret, and deliveries still verify', async () => {
    const db = await createTestDatabase(inject('aftercareDatabaseUrl'), []);
    const receiver = await startReceiver();
    const [oldKey, newerKey] = [newKey().toString('hex'), newKey().toString('base64')];
    const boot = (config: { secretKey: string; previousSecretKeys?: string[] }) =>
      startAftercare(
        loadConfig(
          {
            env: 'test',
            logLevel: 'silent',
            databaseUrl: db.url,
            port: 0,
            jobPollSeconds: 0.5,
            webhookAllowedTargets: ['127.0.0.1/32'],
            ...config,
            plugins: [],
          },
          {},
        ),
      );
    /** An Administrator's GraphQL client on a running app. */
    const adminOf = async (app: AftercareApp) => {
      const role = await app.dataSource.getRepository(Role).findOneByOrFail({ name: 'Administrator' });
      const user = await app.identity.createStaffUser(
        { kind: 'anonymous' },
        { email: `rotate-${randomUUID()}@example.com`, name: 'Rotator', password: 'long enough password', roleIds: [role.id] },
        { skipGrantCheck: true },
      );
      const { token } = await app.identity.createStaffSession(user.id);
      return new GraphQLClient(app.graphqlUrl).withHeaders({ authorization: `Bearer ${token}` });
    };
    try {
      let app = await boot({ secretKey: oldKey });
      const { secret } = (await (await adminOf(app)).data(CREATE, { input: { url: receiver.url, eventTypes: ['core.customer.created'] } }))
        .createWebhookSubscription;
      const oldId = new SecretBox(parseSecretKey(oldKey)).keyId;
      expect(await rawRows(app)).toContain(`"secret_sealed":"v1:${oldId}:`);
      await app.stop();

      app = await boot({ secretKey: newerKey, previousSecretKeys: [oldKey] });
      try {
        const newId = app.secrets.keyId;
        expect(newId).not.toBe(oldId);
        const raw = await rawRows(app);
        expect(raw).toContain(`"secret_sealed":"v1:${newId}:`);
        expect(raw).not.toContain(oldId);
        await (await adminOf(app)).data(`mutation { createCustomer(input: { name: "Rita", email: "rita@example.com" }) { id } }`);
        const hit = await eventually(() => receiver.received[0], { what: 'the POST after rotation' });
        expect(verifyWebhookSignature({ secret, header: hit.headers['x-aftercare-signature'] as string, body: hit.body })).toBe(true);
      } finally {
        await app.stop();
      }
    } finally {
      await receiver.close();
      await db.drop();
    }
  });
});

describe('the migration that encrypts existing secrets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.stop());

  it('converts every plain-text secret in one transaction, or refuses without the key and changes nothing', async () => {
    const { dataSource, secrets } = server.app;
    const migration = new WebhookSecretEncryption1795460000000();
    // Back to the schema before the migration, with plain-text secrets as older versions stored them.
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner, { secrets });
    } finally {
      await runner.release();
    }
    await dataSource.query(`DELETE FROM aftercare_migration WHERE owner = 'core' AND name = $1`, [migration.name]);
    const plain = [
      { id: randomUUID(), secret: `whsec_${randomBytes(32).toString('base64url')}` },
      { id: randomUUID(), secret: `whsec_${randomBytes(32).toString('base64url')}` },
    ];
    for (const p of plain) {
      await dataSource.query(
        `INSERT INTO webhook_subscription (id, url, event_types, secret) VALUES ($1, 'https://example.com/h', '{*}', $2)`,
        [p.id, p.secret],
      );
    }

    await expect(runMigrations(dataSource, migrationSets([]))).rejects.toThrow(/2 webhook secret\(s\) must be encrypted/);
    expect(await rawRows(server.app)).toContain(plain[0]!.secret);

    expect(await runMigrations(dataSource, migrationSets([]), undefined, { secrets })).toEqual([`core/${migration.name}`]);
    const raw = await rawRows(server.app);
    for (const p of plain) expect(raw).not.toContain(p.secret);
    const rows: Array<{ id: string; secret_sealed: string }> = await dataSource.query(`SELECT id, secret_sealed FROM webhook_subscription`);
    for (const p of plain) {
      const row = rows.find((r) => r.id === p.id)!;
      expect(secrets.open(row.secret_sealed, webhookSecretContext(p.id))).toBe(p.secret);
    }
  });
});
