import { createTestServer, type TestServer } from '@aftercare/testing';
import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, type DemoSeedArgs } from '../src/index.js';

class DemoFixtureInit1732000000003 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      `CREATE TABLE demofix_case (id serial PRIMARY KEY, customer_id uuid NOT NULL, purchase_id uuid NOT NULL, opened_at timestamptz NOT NULL)`,
    );
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE demofix_case');
  }
}

const control = { fail: false, seen: [] as Array<{ customers: number; purchases: number; calendarId: string; firstRandom: number }> };

const demoPlugin = definePlugin({
  name: 'demofix',
  version: '0.1.0',
  compatibility: '^0.1.0',
  migrations: [DemoFixtureInit1732000000003],
  setup(ctx) {
    ctx.demo.contribute({
      name: 'cases',
      async seed({ manager, random, now, customers, purchases, calendarId }: DemoSeedArgs) {
        control.seen.push({ customers: customers.length, purchases: purchases.length, calendarId, firstRandom: random.next() });
        for (const p of purchases.filter(() => random.chance(0.2))) {
          await manager.query(`INSERT INTO demofix_case (customer_id, purchase_id, opened_at) VALUES ($1, $2, $3)`, [
            p.customerId,
            p.id,
            random.date(p.purchasedAt, now),
          ]);
        }
        if (control.fail) throw new Error('demo contribution failed on purpose');
      },
    });
  },
});

const NOW = new Date('2026-06-15T10:00:00Z');
let a: TestServer;
let b: TestServer;

async function digest(server: TestServer): Promise<string> {
  const q = (sql: string) => server.app.dataSource.query(sql);
  const rows = [
    await q(`SELECT id, name, email, locale, tier, phones, created_at FROM customer ORDER BY id`),
    await q(`SELECT id, customer_id, model_id, serial_number, purchased_at, price_minor FROM purchase ORDER BY id`),
    await q(`SELECT customer_id, purchase_id, opened_at FROM demofix_case ORDER BY customer_id, purchase_id, opened_at`),
  ];
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const count = async (s: TestServer, table: string) =>
  (await s.app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

beforeAll(async () => {
  a = await createTestServer({ plugins: [demoPlugin] });
  b = await createTestServer({ plugins: [demoPlugin] });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

describe('demo data', () => {
  it('seeds a realistic demo company, then each plugin with the customers and purchases', async () => {
    const result = await a.app.seedDemoData({ now: NOW });
    expect(result).toMatchObject({ seeded: true, customers: 300, contributions: ['demofix.cases'] });
    expect(await count(a, 'customer')).toBe(300);
    const locales = await a.app.dataSource.query(`SELECT locale, count(*)::int AS n FROM customer GROUP BY locale ORDER BY locale`);
    expect(locales.map((l: { locale: string }) => l.locale)).toEqual(['en', 'es']);
    expect(locales.every((l: { n: number }) => l.n > 60)).toBe(true);
    const tiers = await a.app.dataSource.query(`SELECT DISTINCT tier FROM customer ORDER BY tier`);
    expect(tiers.map((t: { tier: string }) => t.tier)).toEqual(['business', 'gold', 'standard']);
    const [span] = await a.app.dataSource.query(
      `SELECT min(purchased_at) AS first, max(purchased_at) AS last, count(*)::int AS n, count(DISTINCT serial_number)::int AS serials, count(serial_number)::int AS with_serial FROM purchase`,
    );
    expect(span.n).toBe(result.purchases);
    expect(span.n).toBeGreaterThan(300);
    expect(span.serials).toBe(span.with_serial);
    expect(new Date(span.first).getTime()).toBeGreaterThan(NOW.getTime() - 2.2 * 365 * 86_400_000);
    expect(new Date(span.first).getTime()).toBeLessThan(NOW.getTime() - 365 * 86_400_000);
    expect(new Date(span.last).getTime()).toBeLessThan(NOW.getTime());
    expect(await count(a, 'product')).toBeGreaterThanOrEqual(5);
    const [calendar] = await a.app.dataSource.query(
      `SELECT id, time_zone, jsonb_array_length(holidays) AS holidays FROM business_calendar WHERE name = 'Madrid office'`,
    );
    expect(calendar).toMatchObject({ time_zone: 'Europe/Madrid' });
    expect(calendar.holidays).toBeGreaterThanOrEqual(10);
    const policies = await a.app.dataSource.query(`SELECT name FROM sla_policy WHERE calendar_id = $1 ORDER BY priority`, [calendar.id]);
    expect(policies.map((p: { name: string }) => p.name)).toEqual([
      'Business customers',
      'Gold customers',
      'Complaints and claims',
      'Standard',
    ]);
    expect(control.seen.at(-1)).toMatchObject({ customers: 300, purchases: span.n, calendarId: calendar.id });
    expect(await count(a, 'demofix_case')).toBeGreaterThan(20);
    // Searchable like any customer.
    const [someone] = await a.app.dataSource.query(`SELECT name FROM customer WHERE locale = 'es' ORDER BY id LIMIT 1`);
    const admin = await a.signInStaff();
    const found = await admin.client.data(`query ($s: String) { customers(search: $s) { totalCount } }`, { s: someone.name.split(' ')[1] });
    expect(found.customers.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('is skipped when customers exist, changing nothing', async () => {
    const before = await digest(a);
    const again = await a.app.seedDemoData({ now: NOW });
    expect(again).toMatchObject({ seeded: false, reason: 'the database already has customers' });
    expect(await digest(a)).toBe(before);
  });

  it('runs in one transaction: a failing plugin contribution leaves nothing behind', async () => {
    control.fail = true;
    await expect(b.app.seedDemoData({ now: NOW })).rejects.toThrow(/failed on purpose/);
    control.fail = false;
    expect(await count(b, 'customer')).toBe(0);
    expect(await count(b, 'purchase')).toBe(0);
    expect(await count(b, 'demofix_case')).toBe(0);
    expect(await b.app.dataSource.query(`SELECT id FROM business_calendar WHERE name = 'Madrid office'`)).toEqual([]);
  });

  it('is deterministic: the same seed and moment give the same data on another database', async () => {
    await b.app.seedDemoData({ now: NOW });
    expect(await digest(b)).toBe(await digest(a));
    expect(control.seen.at(-1)!.firstRandom).toBe(control.seen[0]!.firstRandom);
  });
});
