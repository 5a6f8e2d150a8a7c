import type { MetricPoint } from '@aftercare/core';
import { errorCodes, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskServer, testClock } from './helpers.js';

/**
 * A hand-made fixture of eight cases over two ISO weeks (W1 = 2–8 Nov 2026, W2 = 9–15 Nov), with the
 * expected value of each metric worked out by hand in the comments.
 */
const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let X: string;
let Y: string;
const ids: Record<string, string> = {};
const from = new Date('2026-11-02T00:00:00Z');
const to = new Date('2026-11-16T00:00:00Z');
const W1 = '2026-11-02T00:00:00.000Z';
const W2 = '2026-11-09T00:00:00.000Z';
// Purchases by label; their ids are known once beforeAll has recorded them.
const [P1, P2, P3, P4] = ['P1', 'P2', 'P3', 'P4'];
const purchaseIds: Record<string, string> = {};

interface Fixture {
  customer: () => string;
  kind: string;
  channel: string;
  severity: string;
  status: string;
  purchase?: string;
  created: string;
  firstResolved?: string;
  resolved?: string;
  replies: number;
  minutes?: number;
  rootCause?: string;
  outcome?: string;
  reopenedAt?: string;
  sla?: [string, string, string];
}

const FIXTURE: Record<string, Fixture> = {
  // FCR yes (one reply, never reopened); repeat-call anchor for P1.
  c1: {
    customer: () => X,
    kind: 'complaint',
    channel: 'email',
    severity: 'minor',
    status: 'resolved',
    purchase: P1,
    created: '2026-11-02T10:00Z',
    firstResolved: '2026-11-03T10:00Z',
    resolved: '2026-11-03T10:00Z',
    replies: 1,
    minutes: 480,
    rootCause: 'manufacturing_defect',
    outcome: 'resolved',
    sla: ['met', 'not_applicable', 'met'],
  },
  // FCR no (two replies).
  c2: {
    customer: () => Y,
    kind: 'claim',
    channel: 'phone',
    severity: 'moderate',
    status: 'closed',
    created: '2026-11-03T10:00Z',
    firstResolved: '2026-11-04T10:00Z',
    resolved: '2026-11-04T10:00Z',
    replies: 2,
    minutes: 120,
    rootCause: 'shipping_damage',
    outcome: 'resolved',
    sla: ['met', 'met', 'breached'],
  },
  // FCR no (reopened 3 days after its first resolution); finally resolved in W2.
  c3: {
    customer: () => X,
    kind: 'complaint',
    channel: 'email',
    severity: 'minor',
    status: 'resolved',
    purchase: P2,
    created: '2026-11-04T10:00Z',
    firstResolved: '2026-11-05T10:00Z',
    resolved: '2026-11-10T10:00Z',
    replies: 1,
    minutes: 600,
    rootCause: 'manufacturing_defect',
    outcome: 'resolved',
    reopenedAt: '2026-11-08T10:00Z',
    sla: ['breached', 'not_applicable', 'met'],
  },
  // FCR yes (reopened 9 days later, outside the 7-day window); finally resolved in W2.
  c4: {
    customer: () => Y,
    kind: 'inquiry',
    channel: 'portal',
    severity: 'general',
    status: 'resolved',
    created: '2026-11-05T10:00Z',
    firstResolved: '2026-11-05T12:00Z',
    resolved: '2026-11-15T10:00Z',
    replies: 1,
    minutes: 60,
    rootCause: 'documentation_gap',
    outcome: 'resolved',
    reopenedAt: '2026-11-14T10:00Z',
    sla: ['met', 'not_applicable', 'met'],
  },
  // Repeat call: same customer and purchase as c1, 7 days after c1 was resolved.
  c5: {
    customer: () => X,
    kind: 'complaint',
    channel: 'email',
    severity: 'minor',
    status: 'open',
    purchase: P1,
    created: '2026-11-10T09:00Z',
    replies: 0,
  },
  // Would be a repeat call (P2), but merged duplicates count nowhere.
  c6: {
    customer: () => X,
    kind: 'claim',
    channel: 'email',
    severity: 'moderate',
    status: 'merged',
    purchase: P2,
    created: '2026-11-11T09:00Z',
    replies: 0,
  },
  // General, closed without action: not in FCR, but its resolution time counts.
  c7: {
    customer: () => Y,
    kind: 'inquiry',
    channel: 'chat',
    severity: 'general',
    status: 'resolved',
    created: '2026-11-12T09:00Z',
    firstResolved: '2026-11-12T09:30Z',
    resolved: '2026-11-12T09:30Z',
    replies: 0,
    minutes: 30,
    outcome: 'no_action',
    sla: ['not_applicable', 'not_applicable', 'met'],
  },
  // New purchase: not a repeat.
  c8: {
    customer: () => Y,
    kind: 'complaint',
    channel: 'phone',
    severity: 'serious',
    status: 'open',
    purchase: P3,
    created: '2026-11-13T09:00Z',
    replies: 0,
  },
  // Repeat call by model: X's other kettle of model M1, 11 days after c1 (P1, M1) was resolved.
  c9: {
    customer: () => X,
    kind: 'complaint',
    channel: 'phone',
    severity: 'minor',
    status: 'open',
    purchase: P4,
    created: '2026-11-14T09:00Z',
    replies: 0,
  },
};

async function compute(name: string, groupBy?: string): Promise<MetricPoint[]> {
  const metric = server.app.registries.metrics.get(name);
  if (!metric) throw new Error(`metric ${name} not registered`);
  return metric.compute({ manager: server.app.dataSource.manager, from, to, interval: 'week', timeZone: 'UTC', groupBy });
}

const values = (points: MetricPoint[]) => points.map((p) => [p.bucket.toISOString(), p.group, p.value, p.sampleSize]);

beforeAll(async () => {
  server = await deskServer(clock);
  const ds = server.app.dataSource;
  ({ id: X } = await server.fixtures.customer({ name: 'Xavier' }));
  ({ id: Y } = await server.fixtures.customer({ name: 'Yolanda' }));
  const [{ id: policyId }] = await ds.query(`SELECT id FROM sla_policy WHERE is_default`);
  // P1, P3 and P4 are the same model (M1), P2 another (M2); P3 belongs to Y, so it repeats nothing of X's.
  const M1 = await server.fixtures.productModel({ sku: 'M1', name: 'M1', category: 'Kitchen', productName: 'Kettle' });
  const M2 = await server.fixtures.productModel({ sku: 'M2', name: 'M2', productId: M1.productId });
  for (const [label, customerId, modelId] of [
    [P1, X, M1.id],
    [P2, X, M2.id],
    [P3, Y, M1.id],
    [P4, X, M1.id],
  ] as const) {
    purchaseIds[label] = (await server.fixtures.purchase({ customerId, modelId, purchasedAt: '2026-10-01T00:00:00Z' })).id;
  }
  for (const [key, f] of Object.entries(FIXTURE)) {
    const [{ id }] = await ds.query(
      `INSERT INTO service_desk_case (kind, channel, severity, status, subject, description, customer_id, purchase_id, staff_reply_count,
         first_resolved_at, resolved_at, resolution_business_minutes, root_cause, outcome, reopen_count, created_by, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'Fixture', $6, $7, $8, $9, $10, $11, $12, $13, $14, 'system', 1, $15, $15) RETURNING id`,
      [
        f.kind,
        f.channel,
        f.severity,
        f.status,
        `Case ${key}`,
        f.customer(),
        f.purchase ? purchaseIds[f.purchase] : null,
        f.replies,
        f.firstResolved ?? null,
        f.resolved ?? null,
        f.minutes ?? null,
        f.rootCause ?? null,
        f.outcome ?? null,
        f.reopenedAt ? 1 : 0,
        f.created,
      ],
    );
    ids[key] = id;
    if (f.reopenedAt) {
      await ds.query(
        `INSERT INTO status_history (subject_type, subject_id, from_status, to_status, actor_kind, at) VALUES ('service-desk.case', $1, 'resolved', 'open', 'system', $2)`,
        [id, f.reopenedAt],
      );
    }
    if (f.sla) {
      await ds.query(
        `INSERT INTO sla_clock (owner, subject_type, subject_id, policy_id, first_response_status, next_response_status, resolution_status, closed, version)
         VALUES ('service-desk', 'service-desk.case', $1, $2, $3, $4, $5, true, 1)`,
        [id, policyId, ...f.sla],
      );
    }
  }
});
afterAll(() => server?.stop());

describe('metrics against hand-computed values', () => {
  it('first contact resolution: W1 c1 and c4 of c1–c4 = 50 %; W2 only c7, which is left out', async () => {
    expect(values(await compute('service-desk.first_contact_resolution'))).toEqual([
      [W1, null, 50, 4],
      [W2, null, null, 0],
    ]);
  });

  it('average and median resolution time in business minutes', async () => {
    // W1: c1 480, c2 120 → mean 300, median 300. W2: c3 600, c4 60, c7 30 → mean 230, median 60.
    expect(values(await compute('service-desk.resolution_time_average'))).toEqual([
      [W1, null, 300, 2],
      [W2, null, 230, 3],
    ]);
    expect(values(await compute('service-desk.resolution_time_median'))).toEqual([
      [W1, null, 300, 2],
      [W2, null, 60, 3],
    ]);
  });

  it('repeat service calls: W1 none of 4; W2 c5 (same purchase) and c9 (same model) of c5, c7, c8, c9 = 50 %', async () => {
    expect(values(await compute('service-desk.repeat_service_calls'))).toEqual([
      [W1, null, 0, 4],
      [W2, null, 50, 4],
    ]);
  });

  it('SLA compliance overall and per target', async () => {
    // W1: c1 FR met, RES met; c2 FR met, NR met, RES breached → 4/5. W2: c3 FR breached, RES met; c4 FR, RES met; c7 RES met → 4/5.
    expect(values(await compute('service-desk.sla_compliance'))).toEqual([
      [W1, null, 80, 5],
      [W2, null, 80, 5],
    ]);
    expect(values(await compute('service-desk.sla_compliance', 'target'))).toEqual([
      [W1, 'firstResponse', 100, 2],
      [W1, 'nextResponse', 100, 1],
      [W1, 'resolution', 50, 2],
      [W2, 'firstResponse', 50, 2],
      [W2, 'nextResponse', null, 0],
      [W2, 'resolution', 100, 3],
    ]);
  });

  it('volume by kind, merged duplicates left out', async () => {
    expect(values(await compute('service-desk.case_volume'))).toEqual([
      [W1, null, 4, 4],
      [W2, null, 4, 4],
    ]);
    expect(values(await compute('service-desk.case_volume', 'kind'))).toEqual([
      [W1, 'claim', 1, 1],
      [W1, 'complaint', 2, 2],
      [W1, 'inquiry', 1, 1],
      [W2, 'claim', 0, 0],
      [W2, 'complaint', 3, 3],
      [W2, 'inquiry', 1, 1],
    ]);
  });

  it('root causes as a Pareto: manufacturing defect 2 of 4, then the ties by name', async () => {
    const analyst = await server.signInStaff(['Analyst']);
    const data = await analyst.client.data(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { serviceDeskRootCauses(from: $from, to: $to) { rootCause count share cumulativeShare } }`,
      { from: from.toISOString(), to: to.toISOString() },
    );
    expect(data.serviceDeskRootCauses).toEqual([
      { rootCause: 'manufacturing_defect', count: 2, share: 50, cumulativeShare: 50 },
      { rootCause: 'documentation_gap', count: 1, share: 25, cumulativeShare: 75 },
      { rootCause: 'shipping_damage', count: 1, share: 25, cumulativeShare: 100 },
    ]);
    const agent = await server.signInStaff(['Agent']);
    expect(
      errorCodes(
        await agent.client.request(
          `query($from: DateTimeISO!, $to: DateTimeISO!) { serviceDeskRootCauses(from: $from, to: $to) { count } }`,
          {
            from: from.toISOString(),
            to: to.toISOString(),
          },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(values(await compute('service-desk.root_causes', 'rootCause')).filter((p) => p[2] !== 0)).toEqual([
      [W1, 'manufacturing_defect', 1, 1],
      [W1, 'shipping_damage', 1, 1],
      [W2, 'documentation_gap', 1, 1],
      [W2, 'manufacturing_defect', 1, 1],
    ]);
  });

  it("answers through core's metrics query, for those allowed to read them", async () => {
    const q = `query($from: DateTimeISO!, $to: DateTimeISO!) {
      metrics(names: ["service-desk.case_volume", "service-desk.first_contact_resolution"], from: $from, to: $to, interval: week) {
        metric { name unit } points { bucket value sampleSize } } }`;
    const analyst = await server.signInStaff(['Analyst']);
    const data = await analyst.client.data(q, { from: from.toISOString(), to: to.toISOString() });
    const byName = Object.fromEntries(data.metrics.map((s: { metric: { name: string }; points: unknown[] }) => [s.metric.name, s.points]));
    expect(byName['service-desk.case_volume']).toEqual([
      { bucket: W1, value: 4, sampleSize: 4 },
      { bucket: W2, value: 4, sampleSize: 4 },
    ]);
    expect(byName['service-desk.first_contact_resolution'][0]).toEqual({ bucket: W1, value: 50, sampleSize: 4 });
    const agent = await server.signInStaff(['Agent']);
    expect(errorCodes(await agent.client.request(q, { from: from.toISOString(), to: to.toISOString() }))).toEqual(['FORBIDDEN']);
  });

  it('refuses an unknown grouping', async () => {
    await expect(compute('service-desk.case_volume', 'colour')).rejects.toMatchObject({ extensions: { code: 'VALIDATION_FAILED' } });
  });
});

describe('timeline and privacy contributions', () => {
  it("lists a customer's cases newest first, pages with before", async () => {
    const source = server.app.registries.timeline.get('service-desk.cases')!;
    const all = await source.load({ manager: server.app.dataSource.manager, customerId: X, limit: 10 });
    // X: c1 opened+resolved, c3 opened+resolved, c5 and c9 opened (c6 merged: not shown).
    expect(all.map((e) => [e.kind, e.at.toISOString()])).toEqual([
      ['service-desk.case.opened', '2026-11-14T09:00:00.000Z'],
      ['service-desk.case.resolved', '2026-11-10T10:00:00.000Z'],
      ['service-desk.case.opened', '2026-11-10T09:00:00.000Z'],
      ['service-desk.case.opened', '2026-11-04T10:00:00.000Z'],
      ['service-desk.case.resolved', '2026-11-03T10:00:00.000Z'],
      ['service-desk.case.opened', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(all[0]!.title).toMatch(/^Complaint SD-\d+ (opened|resolved)/);
    const older = await source.load({
      manager: server.app.dataSource.manager,
      customerId: X,
      before: new Date('2026-11-04T10:00:00Z'),
      limit: 1,
    });
    expect(older.map((e) => e.kind)).toEqual(['service-desk.case.resolved']);
    expect(older[0]!.objectId).toBe(ids.c1);
  });

  it("appears in core's customerTimeline, exportCustomerData and anonymizeCustomer", async () => {
    const admin = await server.signInStaff(['Administrator']);
    const timeline = await admin.client.data(
      `query($id: ID!) { customerTimeline(customerId: $id, take: 50) { items { kind title objectId } } }`,
      { id: Y },
    );
    const mine = timeline.customerTimeline.items.filter((e: { kind: string }) => e.kind.startsWith('service-desk.'));
    expect(mine.map((e: { objectId: string }) => e.objectId)).toEqual(expect.arrayContaining([ids.c2, ids.c4, ids.c7, ids.c8]));
    const exported = await admin.client.data(`query($id: ID!) { exportCustomerData(customerId: $id) }`, { id: Y });
    expect(JSON.stringify(exported)).toContain('Case c2');
    await admin.client.data(`mutation($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: Y });
    const [row] = await server.app.dataSource.query(
      `SELECT subject, root_cause, resolution_business_minutes FROM service_desk_case WHERE id = $1`,
      [ids.c2],
    );
    expect(row).toEqual({ subject: '[removed on request]', root_cause: 'shipping_damage', resolution_business_minutes: 120 });
  });

  it('exports what it holds and anonymises free text but keeps statistics', async () => {
    const privacy = server.app.registries.privacy.get('service-desk.cases')!;
    const manager = server.app.dataSource.manager;
    await manager.query(
      `INSERT INTO service_desk_message (case_id, kind, body, author_kind, author_id) VALUES ($1, 'customer', 'My address is 1 Main St', 'customer', $2)`,
      [ids.c1, X],
    );
    await manager.query(`INSERT INTO service_desk_message (case_id, kind, body, author_kind) VALUES ($1, 'note', 'internal', 'staff')`, [
      ids.c1,
    ]);
    const exported = (await privacy.export({ manager, customerId: X })) as Array<{ subject: string; messages: Array<{ body: string }> }>;
    expect(exported).toHaveLength(5);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const c1 = exported.find((c) => c.subject === 'Case c1')!;
    expect(c1.messages).toEqual([expect.objectContaining({ from: 'customer', body: 'My address is 1 Main St' })]);
    await manager.transaction((m) => privacy.anonymize({ manager: m, customerId: X }));
    const after = (await privacy.export({ manager, customerId: X })) as Array<{ subject: string; messages: Array<{ body: string }> }>;
    expect(JSON.stringify(after)).not.toContain('Main St');
    expect(after.every((c) => c.subject === '[removed on request]')).toBe(true);
    // Statistics survive: the metrics give the same values.
    expect(values(await compute('service-desk.resolution_time_average'))[0]).toEqual([W1, null, 300, 2]);
  });
});
