import { createTestServer, errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestServer;
let supervisor: TestSession;

const IMPORT = `mutation ($k: ImportKind!, $csv: String!) { importCsv(kind: $k, csv: $csv) { kind totalRows acceptedRows rejectedRows rejected { line reasons } } }`;
const run = async (k: string, csv: string) => (await supervisor.client.data(IMPORT, { k, csv })).importCsv;
const count = async (table: string) => (await server.app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

beforeAll(async () => {
  server = await createTestServer();
  supervisor = await server.signInStaff(['Supervisor']);
});
afterAll(() => server?.stop());

describe('CSV import', () => {
  it('imports customers row by row, reporting rejected rows by line with reasons', async () => {
    const csv = [
      'name,email,phones,locale,time_zone,tags,marketing_consent,address_line1,city,country',
      'Ana García,ana@import.example,+34 600 111 222,es,Europe/Madrid,vip;press,yes,Calle Sol 3,Málaga,ES',
      'No Email,,,,,,,,,',
      '"Smith, John",john@import.example,,en,Mars/Base,,maybe,,,',
      'Ana Again,ANA@import.example,,,,,,,,',
      'Bob Phone,bob@import.example,12345,,,,,,,',
      '',
      'Carla Ok,carla@import.example,,en-GB,,,no,,,',
    ].join('\n');
    const report = await run('CUSTOMERS', csv);
    expect(report).toMatchObject({ kind: 'CUSTOMERS', totalRows: 6, acceptedRows: 2, rejectedRows: 4 });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    expect(report.rejected[0].reasons).toEqual([expect.stringMatching(/^email: /)]);
    expect(report.rejected[1].reasons).toEqual([expect.stringMatching(/^time_zone: /), expect.stringMatching(/^marketing_consent: /)]);
    expect(report.rejected[2].reasons[0]).toMatch(/already exists/);
    expect(report.rejected[3].reasons[0]).toMatch(/phones: '12345' must be in international format/);
    const [ana] = await server.app.dataSource.query(
      `SELECT tags, phones, addresses, marketing_consent, marketing_consent_source FROM customer WHERE email = 'ana@import.example'`,
    );
    expect(ana).toMatchObject({
      tags: ['vip', 'press'],
      marketing_consent: true,
      marketing_consent_source: 'import',
      addresses: [{ city: 'Málaga', country: 'ES' }],
    });
    const events = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM event_outbox WHERE type = 'core.customer.created'`);
    expect(events[0].n).toBe(2);
  });

  it('imports products with models, then purchases; a rejected row leaves nothing half-written', async () => {
    const products = await run(
      'PRODUCTS',
      [
        'product_name,category,sku,model_name,warranty_months,return_window_days,attributes',
        'Aqua 500,Dishwashers,AQ-500-W,Aqua 500 white,24,14,"{""color"":""white""}"',
        'Aqua 500,Dishwashers,AQ-500-S,Aqua 500 steel,36,14,',
        'Aqua 500,Dishwashers,aq-500-w,Duplicate,24,14,',
        'Broken,Ovens,BR-1,Broken,400,14,',
        'Half Made,Ovens,HM-1,Half,12,14,[1]',
      ].join('\n'),
    );
    expect(products).toMatchObject({ totalRows: 5, acceptedRows: 2, rejectedRows: 3 });
    expect(products.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    // The last row's product would be created before its model fails: the savepoint undoes both.
    expect(await server.app.dataSource.query(`SELECT name FROM product WHERE name = 'Half Made'`)).toEqual([]);
    expect(await count('product')).toBe(1);

    const purchasesBefore = await count('purchase');
    const purchases = await run(
      'PURCHASES',
      [
        'customer_email,sku,serial_number,purchased_at,delivered_at,channel,order_reference,price_minor,currency',
        'ana@import.example,AQ-500-W,SN-1,2025-05-01,2025-05-03,online,W-100,49900,EUR',
        'ANA@import.example,aq-500-s,SN-1,2025-05-01T10:00:00Z,,store,,59900,EUR',
        'ana@import.example,AQ-500-W,SN-1,2025-06-01,,online,,49900,EUR',
        'nobody@import.example,NOPE,,2025-06-01,,online,,100,EUR',
        'carla@import.example,AQ-500-W,,yesterday,,shop,,4.99,EURO',
      ].join('\n'),
    );
    expect(purchases).toMatchObject({ totalRows: 5, acceptedRows: 2, rejectedRows: 3 });
    expect(purchases.rejected[0]).toEqual({ line: 4, reasons: [expect.stringMatching(/SN-1 is already recorded/)] });
    expect(purchases.rejected[1].reasons).toEqual(['customer_email: no customer has this e-mail', 'sku: no model has this SKU']);
    expect(purchases.rejected[2].reasons).toHaveLength(4);
    expect(await count('purchase')).toBe(purchasesBefore + 2);
    const events = await server.app.dataSource.query(`SELECT payload FROM event_outbox WHERE type = 'core.purchase.created'`);
    expect(events.map((e: { payload: { sku: string } }) => e.payload.sku).sort()).toEqual(['AQ-500-S', 'AQ-500-W']);
    const [audit] = await server.app.dataSource.query(
      `SELECT metadata FROM audit_event WHERE action = 'import.run' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(audit.metadata).toEqual({ kind: 'purchases', totalRows: 5, acceptedRows: 2, rejectedRows: 3 });
  });

  it('refuses a file with missing or unknown columns, malformed CSV and files over the size cap', async () => {
    const missing = await supervisor.client.request(IMPORT, { k: 'CUSTOMERS', csv: 'name,mail\nA,a@b.example' });
    expect(errorCodes(missing)).toEqual(['VALIDATION_FAILED']);
    expect(missing.errors![0]!.message).toMatch(/misses the required column\(s\) email.*unknown column\(s\) mail/);
    const malformed = await supervisor.client.request(IMPORT, { k: 'CUSTOMERS', csv: 'name,email\n"Open quote,a@b.example' });
    expect(errorCodes(malformed)).toEqual(['VALIDATION_FAILED']);
    const big = 'name,email\n' + 'x'.repeat(600 * 1024);
    const tooBig = await supervisor.client.request(IMPORT, { k: 'CUSTOMERS', csv: big });
    expect(errorCodes(tooBig)).toEqual(['VALIDATION_FAILED']);
    expect(tooBig.errors![0]!.message).toMatch(/at most 512 KB.*pnpm aftercare import/);
    const agent = await server.signInStaff(['Agent']);
    expect(errorCodes(await agent.client.request(IMPORT, { k: 'CUSTOMERS', csv: 'name,email\n' }))).toEqual(['FORBIDDEN']);
  });
});
