import { createTestServer, errorCodes, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestServer;
let agent: TestSession;
let supervisor: TestSession;
let analyst: TestSession;

const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id name email emails phones { number label } addresses { line1 city country } locale timeZone
    birthday tags companyName vatId tier version marketingConsent { granted at source } surveyConsent { granted source } }
}`;

async function createCustomer(input: Record<string, unknown>, as: TestSession = agent) {
  return (await as.client.data(CREATE_CUSTOMER, { input })).createCustomer;
}

async function createModel(sku: string, productName = `Product ${sku}`) {
  const product = (
    await supervisor.client.data(`mutation ($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
      i: { name: productName, category: 'Dishwashers', attributes: { brand: 'Aqua' } },
    })
  ).createProduct;
  return (
    await supervisor.client.data(`mutation ($i: CreateProductModelInput!) { createProductModel(input: $i) { id sku warrantyMonths } }`, {
      i: { productId: product.id, sku, name: `Model ${sku}`, warrantyMonths: 24, returnWindowDays: 14 },
    })
  ).createProductModel;
}

async function createPurchase(customerId: string, modelId: string, serialNumber: string | null, purchasedAt = '2026-03-01T10:00:00Z') {
  return agent.client.request(`mutation ($i: CreatePurchaseInput!) { createPurchase(input: $i) { id serialNumber priceMinor currency } }`, {
    i: { customerId, modelId, serialNumber, purchasedAt, channel: 'online', priceMinor: 49900, currency: 'EUR', orderReference: 'A-1' },
  });
}

beforeAll(async () => {
  server = await createTestServer();
  agent = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  analyst = await server.signInStaff(['Analyst']);
});
afterAll(() => server?.stop());

describe('customers', () => {
  it('creates a customer with contacts, consents and company, publishes core.customer.created and audits it', async () => {
    const c = await createCustomer({
      name: 'Lucía Fernández',
      email: 'Lucia.Fernandez@Example.com',
      emails: ['lucia@work.example'],
      phones: [{ number: '+34 600 123 456', label: 'mobile' }],
      addresses: [{ line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'es' }],
      locale: 'es',
      timeZone: 'Europe/Madrid',
      birthday: '1985-04-12',
      tags: ['VIP', 'press'],
      companyName: 'Fernández SL',
      vatId: 'ESB12345678',
      tier: 'business',
      marketingConsent: true,
      surveyConsent: false,
      consentSource: 'checkout',
    });
    expect(c).toMatchObject({
      email: 'lucia.fernandez@example.com',
      emails: ['lucia@work.example'],
      addresses: [{ country: 'ES', city: 'Madrid' }],
      tags: ['vip', 'press'],
      tier: 'business',
      version: 1,
      marketingConsent: { granted: true, source: 'checkout' },
      surveyConsent: { granted: false, source: 'checkout' },
    });
    const [event] = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE type = 'core.customer.created' AND aggregate_id = $1`,
      [c.id],
    );
    expect(event.payload).toEqual({ customerId: c.id, source: 'staff' });
    const [entry] = await server.app.dataSource.query(
      `SELECT actor_id, changes FROM audit_event WHERE action = 'customer.create' AND object_id = $1`,
      [c.id],
    );
    expect(entry.actor_id).toBe(agent.id);
    expect(JSON.stringify(entry.changes)).not.toContain('Fernández');
  });

  it('rejects invalid input field by field and writes nothing', async () => {
    const before = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM customer`);
    const res = await agent.client.request(CREATE_CUSTOMER, {
      input: { name: 'Bad', email: 'not-an-email', phones: [{ number: '12' }], timeZone: 'Mars/Olympus', birthday: '2999-01-01' },
    });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    const fields = (res.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'timeZone']));
    const future = await agent.client.request(CREATE_CUSTOMER, {
      input: { name: 'Future', email: 'future@example.com', birthday: '2999-01-01' },
    });
    expect(errorCodes(future)).toEqual(['VALIDATION_FAILED']);
    const after = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM customer`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a second customer with the same primary e-mail, whatever the case', async () => {
    await createCustomer({ name: 'Dup One', email: 'dup@example.com' });
    const res = await agent.client.request(CREATE_CUSTOMER, { input: { name: 'Dup Two', email: 'DUP@example.com' } });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });

  it('updates with optimistic concurrency: a stale expectedVersion is a CONFLICT and changes nothing', async () => {
    const c = await createCustomer({ name: 'Versioned', email: 'versioned@example.com' });
    const UPDATE = `mutation ($id: ID!, $input: UpdateCustomerInput!, $v: Int) { updateCustomer(id: $id, input: $input, expectedVersion: $v) { name tier version } }`;
    const first = await agent.client.data(UPDATE, { id: c.id, input: { tier: 'gold' }, v: 1 });
    expect(first.updateCustomer).toEqual({ name: 'Versioned', tier: 'gold', version: 2 });
    const stale = await supervisor.client.request(UPDATE, { id: c.id, input: { name: 'Overwritten' }, v: 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.message).toMatch(/version 2, you had 1/);
    const now = await agent.client.data(`query ($id: ID!) { customer(id: $id) { name tier version } }`, { id: c.id });
    expect(now.customer).toEqual({ name: 'Versioned', tier: 'gold', version: 2 });
  });

  it('does not lose concurrent updates of different fields', async () => {
    const c = await createCustomer({ name: 'Racer', email: 'racer@example.com' });
    const UPDATE = `mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { version } }`;
    await Promise.all([
      agent.client.data(UPDATE, { id: c.id, input: { tier: 'gold' } }),
      supervisor.client.data(UPDATE, { id: c.id, input: { tags: ['fast'] } }),
    ]);
    const now = await agent.client.data(`query ($id: ID!) { customer(id: $id) { tier tags version } }`, { id: c.id });
    expect(now.customer).toEqual({ tier: 'gold', tags: ['fast'], version: 3 });
  });

  it('records consents with time and source, and keeps their history', async () => {
    const c = await createCustomer({ name: 'Consenting', email: 'consent@example.com' });
    expect(c.marketingConsent).toEqual({ granted: false, at: null, source: null });
    const SET = `mutation ($id: ID!, $g: Boolean!) { setCustomerConsent(customerId: $id, kind: MARKETING, granted: $g, source: "phone") { marketingConsent { granted at source } } }`;
    const given = (await agent.client.data(SET, { id: c.id, g: true })).setCustomerConsent.marketingConsent;
    expect(given.granted).toBe(true);
    expect(given.source).toBe('phone');
    expect(Date.now() - new Date(given.at).getTime()).toBeLessThan(60_000);
    await agent.client.data(SET, { id: c.id, g: false });
    const history = await server.app.dataSource.query(`SELECT granted FROM customer_consent_event WHERE customer_id = $1 ORDER BY at`, [
      c.id,
    ]);
    expect(history.map((h: { granted: boolean }) => h.granted)).toEqual([true, false]);
  });

  it('lets a signed-in customer change only their own consent, recorded as from the portal', async () => {
    const me = await server.signInCustomer('self-consent@example.com');
    const other = await createCustomer({ name: 'Other', email: 'other-consent@example.com' });
    const SET = `mutation ($id: ID!) { setCustomerConsent(customerId: $id, kind: SURVEY, granted: true, source: "staff") { surveyConsent { granted source } } }`;
    expect((await me.client.data(SET, { id: me.id })).setCustomerConsent.surveyConsent).toEqual({ granted: true, source: 'portal' });
    expect(errorCodes(await me.client.request(SET, { id: other.id }))).toEqual(['NOT_FOUND']);
  });

  it('finds customers by part of the name, e-mail or phone number and by tag', async () => {
    const a = await createCustomer({
      name: 'Gonzalo Search',
      email: 'gonzalo.s@findme.example',
      phones: [{ number: '+34 611 222 333' }],
      tags: ['findme'],
    });
    const b = await createCustomer({ name: 'Beatriz Search', email: 'bea@elsewhere.example', tags: ['findme'] });
    const FIND = `query ($s: String, $t: String) { customers(search: $s, tag: $t) { totalCount items { id } } }`;
    const ids = async (s: string | null, t: string | null = null) =>
      (await agent.client.data(FIND, { s, t })).customers.items.map((i: { id: string }) => i.id);
    expect(await ids('gonzalo')).toEqual([a.id]);
    expect(await ids('FINDME.EXAMPLE')).toEqual([a.id]);
    expect(await ids('611 22')).toEqual([a.id]);
    expect(await ids('+34611222333')).toEqual([a.id]);
    expect(await ids('search')).toEqual([b.id, a.id]);
    expect(await ids(null, 'findme')).toEqual([b.id, a.id]);
    expect(await ids('100%_')).toEqual([]);
    const plan = await server.app.dataSource.query(`EXPLAIN SELECT id FROM customer WHERE search_text LIKE '%gonzalo%'`);
    // With few rows the planner may prefer a scan; the index must at least exist and be usable.
    const [index] = await server.app.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_customer_search_trgm'`);
    expect(index.indexdef).toContain('gin_trgm_ops');
    expect(plan.length).toBeGreaterThan(0);
  });

  it('audits staff reads of personal data: one customer, and every listed customer', async () => {
    const c = await createCustomer({ name: 'Audited Read', email: 'audited-read@example.com' });
    await analyst.client.data(`query ($id: ID!) { customer(id: $id) { name } }`, { id: c.id });
    const [single] = await server.app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'customer.read' AND object_id = $1 AND actor_id = $2`,
      [c.id, analyst.id],
    );
    expect(single.n).toBe(1);
    await analyst.client.data(`{ customers(search: "audited read") { totalCount } }`);
    const [list] = await server.app.dataSource.query(
      `SELECT metadata FROM audit_event WHERE action IN ('customer.list', 'customer.read') AND actor_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [analyst.id],
    );
    expect(JSON.stringify(list.metadata)).toContain(c.id);
  });

  it('lists customers with purchases, models and products in a fixed number of SQL statements', async () => {
    const model = await createModel('QC-1');
    const tag = 'querycount';
    const QUERY = `query ($t: String, $n: Int) { customers(tag: $t, take: $n) { totalCount items { id purchases { id model { sku product { name } } customer { id } } } } }`;
    const counts: number[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await createCustomer({ name: `Count ${i}`, email: `count${i}@example.com`, tags: [tag] });
      expect(errorCodes(await createPurchase(c.id, model.id, `QC-SN-${i}`))).toEqual([]);
      if (i === 0 || i === 5) {
        const res = await supervisor.client.request(QUERY, { t: tag, n: 50 });
        expect(errorCodes(res)).toEqual([]);
        expect(res.data!.customers.items).toHaveLength(i + 1);
        counts.push(Number(res.headers.get('x-sql-count')));
      }
    }
    expect(counts[1]).toBe(counts[0]);
    // list + count + audit, one query per relation (purchases, models, products, customers + their audit), transactions.
    expect(counts[0]).toBeLessThanOrEqual(13);
  });
});

describe('products and models', () => {
  it('creates products and models, with SKUs unique and terms plugins read', async () => {
    const m = await createModel('dw-500', 'Aqua 500');
    expect(m).toMatchObject({ sku: 'DW-500', warrantyMonths: 24 });
    const dup = await supervisor.client.request(`mutation ($i: CreateProductModelInput!) { createProductModel(input: $i) { id } }`, {
      i: {
        productId: (await supervisor.client.data(`{ products(search: "Aqua 500") { items { id } } }`)).products.items[0].id,
        sku: 'dw-500',
        name: 'x',
        warrantyMonths: 1,
        returnWindowDays: 1,
      },
    });
    expect(errorCodes(dup)).toEqual(['CONFLICT']);
    const list = await analyst.client.data(
      `{ products(search: "aqua 5") { totalCount items { name category attributes models { sku returnWindowDays } } } }`,
    );
    expect(list.products.items).toEqual([
      { name: 'Aqua 500', category: 'Dishwashers', attributes: { brand: 'Aqua' }, models: [{ sku: 'DW-500', returnWindowDays: 14 }] },
    ]);
    const models = await analyst.client.data(`{ productModels(search: "dw-5") { items { sku product { name } } } }`);
    expect(models.productModels.items).toEqual([{ sku: 'DW-500', product: { name: 'Aqua 500' } }]);
    const upd = await supervisor.client.data(
      `mutation ($id: ID!) { updateProductModel(id: $id, input: { warrantyMonths: 36 }) { warrantyMonths } }`,
      {
        id: m.id,
      },
    );
    expect(upd.updateProductModel.warrantyMonths).toBe(36);
    expect(errorCodes(await agent.client.request(`mutation { createProduct(input: { name: "No", category: "x" }) { id } }`))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('purchases', () => {
  it('records a purchase, publishes core.purchase.created and keeps serial numbers unique per model', async () => {
    const c = await createCustomer({ name: 'Buyer', email: 'buyer@example.com' });
    const m1 = await createModel('P-1');
    const m2 = await createModel('P-2');
    const res = await createPurchase(c.id, m1.id, ' sn-0001 ');
    expect(errorCodes(res)).toEqual([]);
    const p = res.data!.createPurchase;
    expect(p).toMatchObject({ serialNumber: 'SN-0001', priceMinor: 49900, currency: 'EUR' });
    const [event] = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE type = 'core.purchase.created' AND aggregate_id = $1`,
      [p.id],
    );
    expect(event.payload).toMatchObject({
      purchaseId: p.id,
      customerId: c.id,
      modelId: m1.id,
      sku: 'P-1',
      serialNumber: 'SN-0001',
      channel: 'online',
    });
    expect(errorCodes(await createPurchase(c.id, m1.id, 'SN-0001'))).toEqual(['CONFLICT']);
    expect(errorCodes(await createPurchase(c.id, m2.id, 'SN-0001'))).toEqual([]);
    expect(errorCodes(await createPurchase(c.id, m1.id, null))).toEqual([]);
    expect(errorCodes(await createPurchase(c.id, m1.id, null))).toEqual([]);
    const bySerial = await agent.client.data(`{ purchasesBySerial(serialNumber: "sn-0001") { model { sku } customer { name } } }`);
    expect(bySerial.purchasesBySerial.map((x: { model: { sku: string } }) => x.model.sku).sort()).toEqual(['P-1', 'P-2']);
    const filtered = await agent.client.data(
      `query ($c: ID!) { purchases(filter: { customerId: $c, channel: "online" }) { totalCount } }`,
      { c: c.id },
    );
    expect(filtered.purchases.totalCount).toBe(4);
  });

  it('rejects a purchase for an unknown customer or a delivery before the purchase', async () => {
    const m = await createModel('P-3');
    const res = await agent.client.request(`mutation ($i: CreatePurchaseInput!) { createPurchase(input: $i) { id } }`, {
      i: {
        customerId: '00000000-0000-4000-8000-000000000001',
        modelId: m.id,
        purchasedAt: '2026-03-01T10:00:00Z',
        deliveredAt: '2026-02-01T10:00:00Z',
        channel: 'online',
        priceMinor: 100,
        currency: 'EUR',
      },
    });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(
      errorCodes(
        await agent.client.request(
          `mutation { createPurchase(input: { customerId: "00000000-0000-4000-8000-000000000001", modelId: "00000000-0000-4000-8000-000000000001", purchasedAt: "2026-01-01T00:00:00Z", channel: "telepathy", priceMinor: -1, currency: "EURO" }) { id } }`,
        ),
      ),
    ).toEqual(['VALIDATION_FAILED']);
  });

  it('shows customers only their own purchases, whatever id they send', async () => {
    const m = await createModel('P-4');
    const alice = await server.signInCustomer('alice-own@example.com');
    const bob = await server.signInCustomer('bob-own@example.com');
    const pa = (await createPurchase(alice.id, m.id, 'ALICE-1')).data!.createPurchase;
    const pb = (await createPurchase(bob.id, m.id, 'BOB-1')).data!.createPurchase;
    const mine = await alice.client.data(`{ myPurchases { totalCount items { id serialNumber model { sku } } } }`);
    expect(mine.myPurchases.items.map((p: { id: string }) => p.id)).toEqual([pa.id]);
    const P = `query ($id: ID!) { purchase(id: $id) { id } }`;
    expect((await alice.client.data(P, { id: pa.id })).purchase.id).toBe(pa.id);
    expect(errorCodes(await alice.client.request(P, { id: pb.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await bob.client.request(P, { id: pa.id }))).toEqual(['NOT_FOUND']);
    const C = `query ($id: ID!) { customer(id: $id) { id purchases { id } } }`;
    expect((await alice.client.data(C, { id: alice.id })).customer.purchases.map((p: { id: string }) => p.id)).toEqual([pa.id]);
    expect(errorCodes(await alice.client.request(C, { id: bob.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await alice.client.request(`{ purchases { totalCount } }`))).toEqual(['FORBIDDEN']);
  });

  it('has no schema drift: the committed migrations match the entities', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });
});
