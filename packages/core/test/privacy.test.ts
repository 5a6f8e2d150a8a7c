import { createTestServer, errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privyPlugin } from './fixtures/privy-plugin.js';

let server: TestServer;
let admin: TestSession;
let agent: TestSession;

const NAME = 'Zoë Targetperson';
const EMAIL = 'zoe.targetperson@example.com';
const EMAIL2 = 'zoe.private@mailbox.example';
const PHONE = '+34 699 888 777';

async function model(sku: string) {
  const p = (await admin.client.data(`mutation { createProduct(input: { name: "Prod ${sku}", category: "Ovens" }) { id } }`)).createProduct;
  return (
    await admin.client.data(
      `mutation ($p: ID!) { createProductModel(input: { productId: $p, sku: "${sku}", name: "Oven ${sku}", warrantyMonths: 24, returnWindowDays: 14 }) { id } }`,
      { p: p.id },
    )
  ).createProductModel;
}

async function purchase(customerId: string, modelId: string, serial: string, at: string) {
  return (
    await admin.client.data(`mutation ($i: CreatePurchaseInput!) { createPurchase(input: $i) { id } }`, {
      i: { customerId, modelId, serialNumber: serial, purchasedAt: at, channel: 'store', priceMinor: 12345, currency: 'EUR' },
    })
  ).createPurchase;
}

/** Every text, varchar, char, array and json(b) column of the public schema. */
async function textColumns(): Promise<Array<{ table: string; column: string }>> {
  return server.app.dataSource.query(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`,
  );
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables: Array<{ table_name: string }> = await server.app.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables)
    out[table_name] = (await server.app.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}"`))[0].n;
  return out;
}

async function findValue(value: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, column } of await textColumns()) {
    const [{ n }] = await server.app.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
      [value],
    );
    if (n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

beforeAll(async () => {
  server = await createTestServer({ plugins: [privyPlugin] });
  admin = await server.signInStaff(['Administrator']);
  agent = await server.signInStaff(['Agent']);
});
afterAll(() => server?.stop());

describe('customer timeline', () => {
  it('merges core and plugin entries newest first, paged by a before cursor', async () => {
    const c = (
      await admin.client.data(
        `mutation { createCustomer(input: { name: "Timeline Person", email: "timeline@example.com", marketingConsent: true }) { id } }`,
      )
    ).createCustomer;
    const m = await model('TL-1');
    await purchase(c.id, m.id, 'TL-SN-1', '2025-01-10T10:00:00Z');
    await purchase(c.id, m.id, 'TL-SN-2', '2025-06-10T10:00:00Z');
    await server.app.dataSource.query(
      `INSERT INTO privy_message (customer_id, body, contact, score, at) VALUES ($1, 'hello', '{}', 5, '2025-03-01T00:00:00Z'), ($1, 'again', '{}', 4, '2025-09-01T00:00:00Z')`,
      [c.id],
    );
    const Q = `query ($id: ID!, $b: DateTimeISO, $t: Int) { customerTimeline(customerId: $id, before: $b, take: $t) { hasMore items { at kind title source } } }`;
    const all = (await agent.client.data(Q, { id: c.id, t: 100 })).customerTimeline;
    expect(all.hasMore).toBe(false);
    expect(all.items.map((i: { kind: string }) => i.kind)).toEqual([
      'core.consent',
      'core.customer.created',
      'privy.message',
      'core.purchase',
      'privy.message',
      'core.purchase',
    ]);
    expect(all.items[3]).toMatchObject({ title: 'Bought Oven TL-1 (TL-1)', source: 'core.purchases' });
    const first = (await agent.client.data(Q, { id: c.id, t: 3 })).customerTimeline;
    expect(first.hasMore).toBe(true);
    const second = (await agent.client.data(Q, { id: c.id, t: 3, b: first.items[2].at })).customerTimeline;
    expect([...first.items, ...second.items]).toEqual(all.items);
    expect(second.hasMore).toBe(false);
    const customer = await server.signInCustomer('timeline-self@example.com');
    expect(errorCodes(await customer.client.request(Q, { id: customer.id }))).toEqual(['FORBIDDEN']);
  });

  it('shows changes of the customer’s data with the changed fields and who changed them, newest first', async () => {
    const c = (
      await admin.client.data(`mutation { createCustomer(input: { name: "Change Person", email: "change@example.com" }) { id version } }`)
    ).createCustomer;
    await admin.client.data(
      `mutation ($id: ID!, $v: Int) { updateCustomer(id: $id, expectedVersion: $v, input: { tier: "gold", tags: ["vip"] }) { id } }`,
      {
        id: c.id,
        v: c.version,
      },
    );
    const Q = `query ($id: ID!) { customerTimeline(customerId: $id, take: 10) { items { kind title summary source } } }`;
    const items = (await agent.client.data(Q, { id: c.id })).customerTimeline.items;
    expect(items[0]).toMatchObject({ kind: 'core.customer.changed', title: 'Customer data changed', source: 'core.changes' });
    expect(items[0].summary).toMatch(/^(tier, tags|tags, tier) · by /);
    expect(items.map((i: { kind: string }) => i.kind)).toEqual(['core.customer.changed', 'core.customer.created']);
  });
});

describe('export and anonymisation', () => {
  it('needs dedicated permissions', async () => {
    const c = await server.signInCustomer('perm-check@example.com');
    expect(errorCodes(await agent.client.request(`query ($id: ID!) { exportCustomerData(customerId: $id) }`, { id: c.id }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(await agent.client.request(`mutation ($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: c.id })),
    ).toEqual(['FORBIDDEN']);
  });

  it('exports everything, then anonymises so that no personal value remains in any table and counts stay', async () => {
    const c = (
      await agent.client.data(`mutation ($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
        i: {
          name: NAME,
          email: EMAIL,
          emails: [EMAIL2],
          phones: [{ number: PHONE, label: 'mobile' }],
          addresses: [{ line1: 'Calle Secreta 7', city: 'Sevilla', country: 'ES' }],
          birthday: '1990-02-03',
          companyName: 'Targetperson Consulting',
          vatId: 'ESX1234567Z',
          tags: ['vip'],
          marketingConsent: true,
        },
      })
    ).createCustomer;
    const m = await model('AN-1');
    await purchase(c.id, m.id, 'AN-SN-1', '2025-05-05T10:00:00Z');
    await server.app.dataSource.query(`INSERT INTO privy_message (customer_id, body, contact, score, at) VALUES ($1, $2, $3, 9, now())`, [
      c.id,
      `Hi, this is ${NAME}, call me at ${PHONE}`,
      JSON.stringify({ email: EMAIL2 }),
    ]);
    // The customer signs in with a code: sessions, codes, rate-limit keys and audit entries by them.
    await server.client.request(`mutation { requestCustomerCode(email: "${EMAIL}") }`);
    const code = /\b(\d{6})\b/.exec((await server.waitForMessage(EMAIL)).text)![1];
    const session = await server.client.request(`mutation { verifyCustomerCode(email: "${EMAIL}", code: "${code}") { token } }`);
    const token = session.data!.verifyCustomerCode.token;
    const self = server.client.withHeaders({ authorization: `Bearer ${token}` });
    await self.data(`mutation ($id: ID!) { setCustomerConsent(customerId: $id, kind: SURVEY, granted: true) { id } }`, { id: c.id });
    await agent.client.data(`query ($id: ID!) { customer(id: $id) { name } }`, { id: c.id });
    await agent.client.data(`mutation ($id: ID!) { updateCustomer(id: $id, input: { name: "${NAME} Jr" }) { id } }`, { id: c.id });
    await agent.client.data(`mutation ($id: ID!) { updateCustomer(id: $id, input: { name: "${NAME}" }) { id } }`, { id: c.id });

    const exported = (await admin.client.data(`query ($id: ID!) { exportCustomerData(customerId: $id) }`, { id: c.id })).exportCustomerData;
    expect(exported.customer).toMatchObject({
      name: NAME,
      email: EMAIL,
      emails: [EMAIL2],
      birthday: '1990-02-03',
      companyName: 'Targetperson Consulting',
    });
    expect(exported.purchases).toEqual([expect.objectContaining({ sku: 'AN-1', serialNumber: 'AN-SN-1', priceMinor: 12345 })]);
    expect(exported.consents.map((x: { kind: string }) => x.kind).sort()).toEqual(['marketing', 'survey']);
    expect(exported.plugins['privy.messages']).toEqual([expect.objectContaining({ body: expect.stringContaining(NAME), score: 9 })]);

    const values = [NAME, EMAIL, EMAIL2, PHONE, '34699888777', 'Calle Secreta', 'Targetperson Consulting', 'ESX1234567Z'];
    expect(await findValue(NAME)).toEqual(expect.arrayContaining(['customer.name', 'privy_message.body']));
    expect(await findValue(EMAIL)).toEqual(expect.arrayContaining(['customer.email', 'audit_event.actor_display', 'rate_limit.key']));
    const countsBefore = await rowCounts();
    const anonymized = await admin.client.data(
      `mutation ($id: ID!) { anonymizeCustomer(customerId: $id) { name email anonymizedAt purchases { id } } }`,
      {
        id: c.id,
      },
    );
    expect(anonymized.anonymizeCustomer).toMatchObject({ name: 'Anonymised customer', purchases: [{}] });
    expect(anonymized.anonymizeCustomer.anonymizedAt).not.toBeNull();

    for (const v of values) expect({ value: v, foundIn: await findValue(v) }).toEqual({ value: v, foundIn: [] });
    const countsAfter = await rowCounts();
    // The anonymisation adds its own audit entry and event (delivered in the background); every
    // other table keeps its rows.
    const machinery = { audit_event: 0, event_outbox: 0, event_delivery: 0 };
    expect({ ...countsAfter, ...machinery }).toEqual({ ...countsBefore, ...machinery });
    expect(countsAfter.audit_event).toBe(countsBefore.audit_event! + 1);
    const [score] = await server.app.dataSource.query(`SELECT score FROM privy_message WHERE customer_id = $1`, [c.id]);
    expect(score.score).toBe(9);
    // The customer's session ended.
    expect(errorCodes(await self.request(`{ myPurchases { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    // Both actions are in the audit trail, without personal values.
    const actions = await server.app.dataSource.query(
      `SELECT action FROM audit_event WHERE object_id = $1 AND action IN ('customer.export', 'customer.anonymize')`,
      [c.id],
    );
    expect(actions.map((a: { action: string }) => a.action).sort()).toEqual(['customer.anonymize', 'customer.export']);
    // Again is harmless.
    expect(
      errorCodes(await admin.client.request(`mutation ($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: c.id })),
    ).toEqual([]);
  });
});
