import '@aftercare/testing/global-setup';
import { errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_FIELDS,
  COVERAGE,
  createCustomer,
  createModel,
  createPurchase,
  testClock,
  waitForRegistration,
  warrantyServer,
} from './helpers.js';

const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let admin: TestSession;
let supervisor: TestSession;
let tech: TestSession;
let tech2: TestSession;
let model: { modelId: string };

const SUBMIT = `mutation($i: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $i) { ${CLAIM_FIELDS} } }`;
const DECIDE = `mutation($i: DecideWarrantyClaimInput!) { decideWarrantyClaim(input: $i) { ${CLAIM_FIELDS} } }`;
const CREATE = `mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id reference status paid claimId customerId } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateRepairOrderInput!) { updateRepairOrder(id: $id, input: $i) { id status outcome replacementSerial labourMinutes } }`;
const PARTS = `mutation($id: ID!, $p: [PartUsedInput!]!) { recordPartsUsed(repairOrderId: $id, parts: $p) { id status partsCostMinor parts { sku quantity } } }`;
const SAVE_PART = `mutation($i: SparePartInput!) { saveSparePart(input: $i) { id sku stockQuantity } }`;

beforeAll(async () => {
  server = await warrantyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  supervisor = await server.signInStaff(['Supervisor']);
  tech = await server.signInStaff(['Technician']);
  tech2 = await server.signInStaff(['Technician']);
  model = await createModel(server, 12);
});
afterAll(async () => {
  await server?.stop();
});

async function approvedClaim(customerId: string, purchasedAt: string, deliveredAt: string, consumerRemedy?: string) {
  const p = await createPurchase(server, { customerId, modelId: model.modelId, purchasedAt, deliveredAt });
  await waitForRegistration(admin.client, p.serialNumber);
  const claim = (
    await supervisor.client.data(SUBMIT, {
      i: { purchaseId: p.id, description: 'Does not spin', ...(consumerRemedy ? { consumerRemedy } : {}) },
    })
  ).submitWarrantyClaim;
  await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'APPROVE' } });
  return { purchase: p, claim };
}

describe('repairs from claims', () => {
  it('extends the EU legal guarantee by 12 months after a repair the consumer chose', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    // Commercial (12 months from purchase) has lapsed; the legal guarantee runs to 2026-12-04.
    const { purchase, claim } = await approvedClaim(customerId, '2024-12-01T10:00:00Z', '2024-12-05T10:00:00Z', 'REPAIR');
    expect(claim).toMatchObject({ entitled: true, legalBasis: 'LEGAL_GUARANTEE' });
    const order = (await tech.client.data(CREATE, { i: { claimId: claim.id } })).createRepairOrder;
    expect(order).toMatchObject({ status: 'OPEN', paid: false, claimId: claim.id, reference: expect.stringMatching(/^RO-\d+$/) });
    const done = (
      await tech.client.data(UPDATE, {
        id: order.id,
        i: { diagnosis: 'Worn belt', faultCodes: ['E21'], labourMinutes: 45, outcome: 'REPAIRED' },
      })
    ).updateRepairOrder;
    expect(done).toMatchObject({ status: 'COMPLETED', outcome: 'REPAIRED', labourMinutes: 45 });
    const c = (await supervisor.client.data(`query($id: ID!) { warrantyClaim(id: $id) { ${CLAIM_FIELDS} } }`, { id: claim.id }))
      .warrantyClaim;
    expect(c).toMatchObject({ status: 'RESOLVED', outcome: 'REPAIRED', allowedTransitions: ['CLOSED'] });
    const later = (await supervisor.client.data(COVERAGE, { p: purchase.id, at: '2027-03-01T10:00:00Z' })).warrantyCoverage;
    expect(later).toMatchObject({ covered: true, basis: 'LEGAL_GUARANTEE', lastCoveredDay: '2027-12-04' });
    expect((await supervisor.client.data(COVERAGE, { p: purchase.id, at: '2027-12-05T10:00:00Z' })).warrantyCoverage).toMatchObject({
      covered: false,
      reason: 'EXPIRED',
    });
  });

  it('records a replacement with its new serial in the service history, which the customer sees too', async () => {
    const customer = await server.signInCustomer();
    const { purchase, claim } = await approvedClaim(customer.id, '2026-05-01T10:00:00Z', '2026-05-03T10:00:00Z');
    const order = (await tech.client.data(CREATE, { i: { claimId: claim.id } })).createRepairOrder;
    const part = (
      await admin.client.data(SAVE_PART, { i: { sku: 'BELT-1', name: 'Drive belt', stockQuantity: 5, costMinor: 1200, currency: 'EUR' } })
    ).saveSparePart;
    const withParts = (await tech.client.data(PARTS, { id: order.id, p: [{ partId: part.id, quantity: 2 }] })).recordPartsUsed;
    expect(withParts).toMatchObject({ status: 'IN_PROGRESS', partsCostMinor: 2400, parts: [{ sku: 'BELT-1', quantity: 2 }] });
    const noSerial = await tech.client.request(UPDATE, { id: order.id, i: { outcome: 'REPLACED' } });
    expect(errorCodes(noSerial)).toEqual(['VALIDATION_FAILED']);
    await tech.client.data(UPDATE, { id: order.id, i: { outcome: 'REPLACED', replacementSerial: 'new-777' } });
    const HISTORY = `query($s: String!) { serviceHistory(serialNumber: $s) { serialNumber replacedBy claims { reference status outcome } repairOrders { reference outcome parts { sku quantity } } } }`;
    const h = (await customer.client.data(HISTORY, { s: purchase.serialNumber })).serviceHistory;
    expect(h).toMatchObject({
      replacedBy: ['NEW-777'],
      claims: [{ status: 'RESOLVED', outcome: 'REPLACED' }],
      repairOrders: [{ outcome: 'REPLACED', parts: [{ sku: 'BELT-1', quantity: 2 }] }],
    });
    const stranger = await server.signInCustomer();
    expect((await stranger.client.data(HISTORY, { s: purchase.serialNumber })).serviceHistory).toMatchObject({
      claims: [],
      repairOrders: [],
    });
  });
});

describe('repair orders of a customer and as SLA subjects', () => {
  it("lists only the customer's repair orders, and names claims and repairs in the SLA views with links", async () => {
    const mine = await createCustomer(server, 'ES', 'Europe/Madrid');
    const other = await createCustomer(server, 'ES', 'Europe/Madrid');
    const a = await approvedClaim(mine, '2026-06-01T10:00:00Z', '2026-06-02T10:00:00Z');
    const b = await approvedClaim(other, '2026-06-01T10:00:00Z', '2026-06-02T10:00:00Z');
    const orderA = (await tech.client.data(CREATE, { i: { claimId: a.claim.id } })).createRepairOrder;
    await tech.client.data(CREATE, { i: { claimId: b.claim.id } });

    const LIST = `query($c: ID) { repairOrders(customerId: $c) { totalCount items { id customerId } } }`;
    const list = (await supervisor.client.data(LIST, { c: mine })).repairOrders;
    expect(list).toMatchObject({ totalCount: 1, items: [{ id: orderA.id, customerId: mine }] });
    expect(errorCodes(await supervisor.client.request(LIST, { c: 'not-an-id' }))).toEqual(['NOT_FOUND']);

    const due = (
      await admin.client.data(`{ slaClocksDueSoon(take: 100) { subjectType subjectId subjectReference subjectLabel adminPath } }`)
    ).slaClocksDueSoon as Array<Record<string, string>>;
    const claimRow = due.find((d) => d.subjectId === a.claim.id);
    expect(claimRow).toMatchObject({
      subjectType: 'warranty.claim',
      subjectReference: a.claim.reference,
      subjectLabel: 'Washer 8kg: Does not spin',
      adminPath: `/warranty/claims/${a.claim.id}`,
    });
    const repairRow = due.find((d) => d.subjectId === orderA.id);
    expect(repairRow).toMatchObject({
      subjectType: 'warranty.repair',
      subjectReference: orderA.reference,
      subjectLabel: `Washer 8kg · ${a.purchase.serialNumber}`,
      adminPath: `/warranty/repairs/${orderA.id}`,
    });

    const open = (await admin.client.data(`{ openSlaRequests { subjectType label listPath open } }`)).openSlaRequests;
    expect(open).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectType: 'warranty.claim', label: 'Warranty claims', listPath: '/warranty/claims' }),
        expect.objectContaining({ subjectType: 'warranty.repair', label: 'Repair orders', listPath: '/warranty/repairs' }),
      ]),
    );
  });
});

describe('spare parts stock', () => {
  it('never goes negative when two technicians take the last part at the same time', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const a = await approvedClaim(customerId, '2026-08-01T10:00:00Z', '2026-08-02T10:00:00Z');
    const b = await approvedClaim(customerId, '2026-08-01T10:00:00Z', '2026-08-02T10:00:00Z');
    const oa = (await tech.client.data(CREATE, { i: { claimId: a.claim.id } })).createRepairOrder;
    const ob = (await tech2.client.data(CREATE, { i: { claimId: b.claim.id } })).createRepairOrder;
    const part = (
      await admin.client.data(SAVE_PART, { i: { sku: 'PUMP-9', name: 'Drain pump', stockQuantity: 1, costMinor: 3900, currency: 'EUR' } })
    ).saveSparePart;
    const results = await Promise.all([
      tech.client.request(PARTS, { id: oa.id, p: [{ partId: part.id, quantity: 1 }] }),
      tech2.client.request(PARTS, { id: ob.id, p: [{ partId: part.id, quantity: 1 }] }),
    ]);
    const codes = results.map((r) => errorCodes(r));
    expect(codes.filter((c) => c.length === 0)).toHaveLength(1);
    expect(codes.filter((c) => c[0] === 'CONFLICT')).toHaveLength(1);
    const loser = results.find((r) => r.errors)!;
    expect(loser.errors![0]!.message).toContain('Only 0 of PUMP-9 in stock');
    const [row] = await server.app.dataSource.query(`SELECT stock_quantity FROM warranty_spare_part WHERE id = $1`, [part.id]);
    expect(row.stock_quantity).toBe(0);
    const [used] = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM warranty_repair_part WHERE part_id = $1`, [part.id]);
    expect(used.n).toBe(1);
  });
});

describe('paid repairs and estimates', () => {
  let customer: TestSession;
  let purchaseId: string;
  const ESTIMATE = `mutation($i: SendRepairEstimateInput!) { sendRepairEstimate(input: $i) { id status estimateMinor currency } }`;
  const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToRepairEstimate(repairOrderId: $id, accept: $a) { id status } }`;
  beforeAll(async () => {
    customer = await server.signInCustomer();
    purchaseId = (await createPurchase(server, { customerId: customer.id, modelId: model.modelId, purchasedAt: '2022-01-01T10:00:00Z' }))
      .id;
  });

  it('starts work only after the customer accepts the estimate', async () => {
    const order = (await tech.client.data(CREATE, { i: { purchaseId } })).createRepairOrder;
    expect(order).toMatchObject({ paid: true, status: 'OPEN', customerId: customer.id });
    expect(errorCodes(await tech.client.request(UPDATE, { id: order.id, i: { labourMinutes: 30 } }))).toEqual(['INVALID_TRANSITION']);
    expect(
      (await tech.client.data(ESTIMATE, { i: { repairOrderId: order.id, amountMinor: 8900, currency: 'EUR' } })).sendRepairEstimate,
    ).toMatchObject({
      status: 'ESTIMATE_SENT',
      estimateMinor: 8900,
    });
    expect(errorCodes(await tech.client.request(UPDATE, { id: order.id, i: { labourMinutes: 30 } }))).toEqual(['CONFLICT']);
    const other = await server.signInCustomer();
    expect(errorCodes(await other.client.request(RESPOND, { id: order.id, a: true }))).toEqual(['NOT_FOUND']);
    expect((await customer.client.data(RESPOND, { id: order.id, a: true })).respondToRepairEstimate.status).toBe('IN_PROGRESS');
    expect((await tech.client.data(UPDATE, { id: order.id, i: { labourMinutes: 30, outcome: 'REPAIRED' } })).updateRepairOrder.status).toBe(
      'COMPLETED',
    );
  });

  it('ends the order when the customer declines, and the answer cannot change', async () => {
    const order = (await tech.client.data(CREATE, { i: { purchaseId } })).createRepairOrder;
    await tech.client.data(ESTIMATE, { i: { repairOrderId: order.id, amountMinor: 25000, currency: 'EUR' } });
    expect((await customer.client.data(RESPOND, { id: order.id, a: false })).respondToRepairEstimate.status).toBe('ESTIMATE_DECLINED');
    const again = await customer.client.request(RESPOND, { id: order.id, a: true });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await tech.client.request(PARTS, { id: order.id, p: [] }))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('visits', () => {
  it('books technicians in slots and refuses double booking', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const { claim } = await approvedClaim(customerId, '2026-10-01T10:00:00Z', '2026-10-02T10:00:00Z');
    const order = (await tech.client.data(CREATE, { i: { claimId: claim.id } })).createRepairOrder;
    const VISIT = `mutation($i: ScheduleVisitInput!) { scheduleVisit(input: $i) { id startsAt endsAt technicianId } }`;
    expect(
      errorCodes(
        await tech.client.request(VISIT, { i: { repairOrderId: order.id, technicianId: tech.id, startsAt: '2026-11-20T09:30:00Z' } }),
      ),
    ).toEqual(['VALIDATION_FAILED']);
    const v = (await tech.client.data(VISIT, { i: { repairOrderId: order.id, technicianId: tech.id, startsAt: '2026-11-20T10:00:00Z' } }))
      .scheduleVisit;
    expect(v).toMatchObject({ startsAt: '2026-11-20T10:00:00.000Z', endsAt: '2026-11-20T12:00:00.000Z' });
    expect(
      errorCodes(
        await tech.client.request(VISIT, { i: { repairOrderId: order.id, technicianId: tech.id, startsAt: '2026-11-20T10:00:00Z' } }),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      (await tech.client.data(VISIT, { i: { repairOrderId: order.id, technicianId: tech2.id, startsAt: '2026-11-20T10:00:00Z' } }))
        .scheduleVisit.technicianId,
    ).toBe(tech2.id);
  });
});
