import '@aftercare/testing/global-setup';
import { type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import warrantyPlugin from '../src/index.js';
import { createCustomer, createModel, createPurchase, testClock, waitForRegistration, warrantyServer } from './helpers.js';

const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let admin: TestSession;
let analyst: TestSession;

beforeAll(async () => {
  server = await warrantyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  analyst = await server.signInStaff(['Analyst']);
});
afterAll(async () => {
  await server?.stop();
});

const SERIES = `query ($names: [String!]!, $from: DateTimeISO!, $to: DateTimeISO!, $groupBy: String) {
  metrics(names: $names, from: $from, to: $to, interval: month, timeZone: "UTC", groupBy: $groupBy) {
    metric { name } points { bucket group value sampleSize }
  }
}`;

describe('metrics on a fixture set', () => {
  it('computes claim rate, turnaround, first-time fix and warranty cost per model', async () => {
    const { modelId } = await createModel(server, 24);
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const q = (sql: string, params: unknown[] = []) => server.app.dataSource.query(sql, params);
    // Four items in the field, bought in January.
    for (const serial of ['M-1', 'M-2', 'M-3', 'M-4']) {
      await q(
        `INSERT INTO warranty_registration (customer_id, model_id, serial_number, purchased_at, source, policy_name, months, start_from, coverage_types, legal_basis, starts_at, ends_at, created_by)
         VALUES ($1, $2, $3, '2026-01-05T10:00:00Z', 'staff', 'Fixture', 24, 'purchase', '{parts,labour}', 'commercial_warranty', '2026-01-05', '2028-01-05', 'system')`,
        [customerId, modelId, serial],
      );
    }
    // Two claims in February: 2 of 4 items → 50 %.
    for (const serial of ['M-1', 'M-2']) {
      await q(
        `INSERT INTO warranty_claim (customer_id, model_id, serial_number, status, description, entitled, entitlement, created_by, version, created_at)
         VALUES ($1, $2, $3, 'resolved', 'x', true, '{}', 'system', 1, '2026-02-01T09:00:00Z')`,
        [customerId, modelId, serial],
      );
    }
    const order = async (serial: string, created: string, completed: string | null, labour: number) =>
      (
        await q(
          `INSERT INTO warranty_repair_order (paid, customer_id, model_id, serial_number, status, labour_minutes, outcome, completed_at, created_by, version, created_at)
           VALUES (false, $1, $2, $3, $4, $5, $6, $7, 'system', 1, $8) RETURNING id`,
          [customerId, modelId, serial, completed ? 'completed' : 'open', labour, completed ? 'repaired' : null, completed, created],
        )
      )[0].id as string;
    const first = await order('M-1', '2026-02-01T10:00:00Z', '2026-02-01T12:00:00Z', 60); // 120 min, comes back
    await order('M-2', '2026-02-10T10:00:00Z', '2026-02-10T14:00:00Z', 30); // 240 min, fixed first time
    await order('M-1', '2026-02-15T10:00:00Z', null, 0); // repeat repair within 30 days
    const [part] = await q(
      `INSERT INTO warranty_spare_part (sku, name, stock_quantity, cost_minor, currency) VALUES ('FX-1', 'Fixture part', 0, 1000, 'EUR') RETURNING id`,
    );
    await q(
      `INSERT INTO warranty_repair_part (repair_order_id, part_id, sku, quantity, unit_cost_minor) VALUES ($1, $2, 'FX-1', 2, 1000)`,
      [first, part.id],
    );

    const names = ['warranty.claim_rate', 'warranty.repair_turnaround', 'warranty.first_time_fix_rate', 'warranty.cost_per_model'];
    const data = await analyst.client.data(SERIES, { names, from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', groupBy: 'model' });
    const value = (name: string) => data.metrics.find((s: { metric: { name: string } }) => s.metric.name === name).points;
    const feb = { bucket: '2026-02-01T00:00:00.000Z', group: modelId };
    expect(value('warranty.claim_rate')).toEqual([{ ...feb, value: 50, sampleSize: 4 }]);
    expect(value('warranty.repair_turnaround')).toEqual([{ ...feb, value: 180, sampleSize: 2 }]);
    expect(value('warranty.first_time_fix_rate')).toEqual([{ ...feb, value: 50, sampleSize: 2 }]);
    // Parts 2 × 10.00 + labour 90 min at 45.00/h = 20.00 + 67.50 = 87.50
    expect(value('warranty.cost_per_model')).toEqual([{ ...feb, value: 8750, sampleSize: 2 }]);
  });
});

describe('daily expiry job', () => {
  it('expires lapsed registrations once with an event, and offers an extension before the end', async () => {
    const { modelId } = await createModel(server, 12);
    const customer = await server.signInCustomer();
    const lapsed = await createPurchase(server, { customerId: customer.id, modelId, purchasedAt: '2025-11-20T10:00:00Z' });
    const ending = await createPurchase(server, { customerId: customer.id, modelId, purchasedAt: '2025-12-01T10:00:00Z' });
    const a = await waitForRegistration(admin.client, lapsed.serialNumber);
    const b = await waitForRegistration(admin.client, ending.serialNumber);
    clock.set('2026-11-21T03:00:00Z');
    const first = await server.app.servicesOf(warrantyPlugin).registrations.runDaily();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const again = await server.app.servicesOf(warrantyPlugin).registrations.runDaily();
    expect(again).toEqual({ expired: 0, reminded: 0 });
    const events = await server.app.dataSource.query(
      `SELECT type, aggregate_id FROM event_outbox WHERE type IN ('warranty.registration.expired', 'warranty.registration.expiring') AND aggregate_id = ANY($1) ORDER BY type`,
      [[a.id, b.id]],
    );
    expect(events).toEqual([
      { type: 'warranty.registration.expired', aggregate_id: a.id },
      { type: 'warranty.registration.expiring', aggregate_id: b.id },
    ]);
    const MINE = `{ myWarranties { items { id status } } }`;
    const mine = (await customer.client.data(MINE)).myWarranties.items;
    expect(mine.find((r: { id: string }) => r.id === a.id).status).toBe('EXPIRED');
    expect(mine.find((r: { id: string }) => r.id === b.id).status).toBe('ACTIVE');
    clock.set('2026-11-16T09:00:00Z');
  });
});

describe('timeline, privacy and demo data', () => {
  it('shows registrations and claims in the customer history and erases what the customer wrote', async () => {
    const { modelId } = await createModel(server, 12);
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const p = await createPurchase(server, { customerId, modelId, purchasedAt: '2026-10-01T10:00:00Z' });
    await waitForRegistration(admin.client, p.serialNumber);
    await admin.client.data(`mutation($i: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $i) { id } }`, {
      i: { purchaseId: p.id, description: 'My neighbour Juan Pérez saw it smoke' },
    });
    const tl = (
      await admin.client.data(`query($id: ID!) { customerTimeline(customerId: $id, take: 50) { items { kind source } } }`, {
        id: customerId,
      })
    ).customerTimeline.items;
    expect(tl).toEqual(
      expect.arrayContaining([
        { kind: 'warranty.claim.submitted', source: 'warranty.warranty' },
        { kind: 'warranty.registration', source: 'warranty.warranty' },
      ]),
    );
    const exported = (await admin.client.data(`query($id: ID!) { exportCustomerData(customerId: $id) }`, { id: customerId }))
      .exportCustomerData;
    expect(exported.plugins['warranty.warranty'].claims[0].description).toContain('Juan Pérez');
    await admin.client.data(`mutation($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: customerId });
    const [row] = await server.app.dataSource.query(`SELECT description FROM warranty_claim WHERE customer_id = $1`, [customerId]);
    expect(row.description).toBe('[removed]');
  });

  it('seeds demo registrations, claims, repairs and a parts catalogue', async () => {
    const demo = await warrantyServer(clock);
    try {
      await demo.app.seedDemoData({ now: new Date('2026-11-16T09:00:00Z') });
      const [counts] = await demo.app.dataSource.query(
        `SELECT (SELECT count(*)::int FROM warranty_registration) AS regs, (SELECT count(*)::int FROM warranty_claim) AS claims,
                (SELECT count(*)::int FROM warranty_repair_order) AS repairs, (SELECT count(*)::int FROM warranty_spare_part) AS parts`,
      );
      expect(counts.regs).toBeGreaterThan(100);
      expect(counts.claims).toBeGreaterThan(10);
      expect(counts.repairs).toBeGreaterThan(3);
      expect(counts.parts).toBe(6);
      // One number for open claims: the dashboard's open requests and the claims list agree.
      const staff = await demo.signInStaff(['Administrator']);
      const dashboard = await staff.client.data(`query { openSlaRequests { subjectType open paused } }`);
      const claimsRow = (
        dashboard as { openSlaRequests: Array<{ subjectType: string; open: number; paused: number }> }
      ).openSlaRequests.find((r) => r.subjectType === 'warranty.claim');
      const list = (await staff.client.data(
        `query { warrantyClaims(status: [SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED]) { totalCount } }`,
      )) as { warrantyClaims: { totalCount: number } };
      const waiting = (await staff.client.data(`query { warrantyClaims(status: [INFO_REQUESTED]) { totalCount } }`)) as {
        warrantyClaims: { totalCount: number };
      };
      expect(list.warrantyClaims.totalCount).toBeGreaterThan(0);
      expect(claimsRow?.open).toBe(list.warrantyClaims.totalCount);
      expect(claimsRow?.paused).toBe(waiting.warrantyClaims.totalCount);
    } finally {
      await demo.stop();
    }
  });
});
