import '@aftercare/testing/global-setup';
import { errorCodes, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createModel, createPurchase, testClock, waitForRegistration, warrantyServer } from './helpers.js';

const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let admin: TestSession;
let supervisor: TestSession;
let tech: TestSession;
let tech2: TestSession;
let agent: TestSession;
let model: { modelId: string };

const SAVE_PART = `mutation($i: SparePartInput!) { saveSparePart(input: $i) { id sku name stockQuantity reorderLevel lowStock modelIds models { id } } }`;
const ADJUST = `mutation($i: AdjustSparePartStockInput!) { adjustSparePartStock(input: $i) { id stockQuantity lowStock } }`;
const PARTS = `query($search: String, $modelId: ID, $low: Boolean) {
  spareParts(search: $search, modelId: $modelId, lowStock: $low, take: 100) { totalCount items { sku stockQuantity lowStock models { id sku } } }
}`;
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

beforeAll(async () => {
  server = await warrantyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  supervisor = await server.signInStaff(['Supervisor']);
  tech = await server.signInStaff(['Technician']);
  tech2 = await server.signInStaff(['Technician']);
  agent = await server.signInStaff(['Agent']);
  model = await createModel(server, 12);
});
afterAll(async () => {
  await server?.stop();
});

it('has migrations matching the entities', async () => {
  expect(await schemaDrift(server)).toEqual([]);
});

describe('parts catalogue', () => {
  it('keeps the models a part fits and flags parts at their reorder level', async () => {
    const sku = `DRUM-${unique()}`;
    const part = (
      await supervisor.client.data(SAVE_PART, {
        i: { sku, name: 'Drum bearing', stockQuantity: 3, reorderLevel: 2, costMinor: 1250, currency: 'EUR', modelIds: [model.modelId] },
      })
    ).saveSparePart;
    expect(part).toMatchObject({ stockQuantity: 3, reorderLevel: 2, lowStock: false, models: [{ id: model.modelId }] });

    const byModel = (await tech.client.data(PARTS, { modelId: model.modelId })).spareParts;
    expect(byModel.items.map((p: { sku: string }) => p.sku)).toEqual([sku]);
    expect((await tech.client.data(PARTS, { search: sku.slice(2).toLowerCase() })).spareParts.totalCount).toBe(1);

    const after = (await supervisor.client.data(ADJUST, { i: { partId: part.id, delta: -1, reason: 'Damaged in storage' } }))
      .adjustSparePartStock;
    expect(after).toMatchObject({ stockQuantity: 2, lowStock: true });
    const low = (await tech.client.data(PARTS, { low: true })).spareParts.items.map((p: { sku: string }) => p.sku);
    expect(low).toContain(sku);
  });

  it('edits name and cost without overwriting stock, and needs opening stock for a new part', async () => {
    const sku = `PUMP-${unique()}`;
    const missing = await supervisor.client.request(SAVE_PART, { i: { sku, name: 'Pump', costMinor: 900, currency: 'EUR' } });
    expect(errorCodes(missing)).toEqual(['VALIDATION_FAILED']);
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([{ field: 'stockQuantity', message: expect.any(String) }]);

    await supervisor.client.data(SAVE_PART, { i: { sku, name: 'Pump', stockQuantity: 5, costMinor: 900, currency: 'EUR' } });
    const edited = (await supervisor.client.data(SAVE_PART, { i: { sku, name: 'Drain pump', costMinor: 950, currency: 'EUR' } }))
      .saveSparePart;
    expect(edited).toMatchObject({ name: 'Drain pump', stockQuantity: 5 });

    const badModel = await supervisor.client.request(SAVE_PART, {
      i: { sku, name: 'Drain pump', costMinor: 950, currency: 'EUR', modelIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(errorCodes(badModel)).toEqual(['VALIDATION_FAILED']);
    expect(badModel.errors?.[0]?.extensions?.fields).toEqual([{ field: 'modelIds', message: expect.any(String) }]);
  });

  it('never takes stock below zero, keeps the reason in the audit log and lets only parts managers adjust', async () => {
    const part = (
      await supervisor.client.data(SAVE_PART, {
        i: { sku: `SEAL-${unique()}`, name: 'Door seal', stockQuantity: 2, costMinor: 300, currency: 'EUR' },
      })
    ).saveSparePart;
    const tooMany = await supervisor.client.request(ADJUST, { i: { partId: part.id, delta: -3, reason: 'Count correction' } });
    expect(errorCodes(tooMany)).toEqual(['CONFLICT']);
    expect(errorCodes(await supervisor.client.request(ADJUST, { i: { partId: part.id, delta: 0, reason: 'x' } }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(errorCodes(await supervisor.client.request(ADJUST, { i: { partId: part.id, delta: 4, reason: '' } }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(errorCodes(await tech.client.request(ADJUST, { i: { partId: part.id, delta: 4, reason: 'Received' } }))).toEqual(['FORBIDDEN']);

    // Two write-offs of the last two units at once: exactly one wins.
    const both = await Promise.all([
      supervisor.client.request(ADJUST, { i: { partId: part.id, delta: -2, reason: 'Lost' } }),
      admin.client.request(ADJUST, { i: { partId: part.id, delta: -2, reason: 'Lost' } }),
    ]);
    expect(both.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(
      (await supervisor.client.data(ADJUST, { i: { partId: part.id, delta: 10, reason: 'Delivery 4711' } })).adjustSparePartStock,
    ).toMatchObject({ stockQuantity: 10 });

    const audit = await admin.client.data(
      `query($id: String) { auditEvents(filter: { action: "sparePart.adjustStock", objectId: $id }) { items { metadata changes } } }`,
      { id: part.id },
    );
    expect(audit.auditEvents.items.map((e: { metadata: { reason: string; delta: number } }) => e.metadata)).toEqual([
      { delta: 10, reason: 'Delivery 4711' },
      { delta: -2, reason: 'Lost' },
    ]);
  });
});

describe('registrations list', () => {
  it('filters by status and source and shows model and customer', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const p = await createPurchase(server, { customerId, modelId: model.modelId, purchasedAt: '2026-10-01T10:00:00Z' });
    await waitForRegistration(admin.client, p.serialNumber);
    const other = await agent.client.data(`mutation($i: RegisterWarrantyInput!) { registerWarranty(input: $i) { id source } }`, {
      i: {
        customerId,
        modelId: model.modelId,
        serialNumber: `EXT-${unique()}`,
        purchasedAt: '2026-09-01T10:00:00Z',
        seller: 'Another shop',
        proofOfPurchaseRef: 'receipt 88',
      },
    });
    expect(other.registerWarranty.source).toBe('STAFF');
    // 12 months from 1 September in Madrid: the last covered day is 31 August of the next year.
    const last = await agent.client.data(`query($id: ID!) { warrantyRegistration(id: $id) { firstDay lastDay } }`, {
      id: other.registerWarranty.id,
    });
    expect(last.warrantyRegistration).toEqual({ firstDay: '2026-09-01', lastDay: '2027-08-31' });
    const Q = `query($c: ID, $status: WarrantyRegistrationStatus, $source: WarrantyRegistrationSource) {
      warrantyRegistrations(customerId: $c, status: $status, source: $source) { totalCount items { id source model { id } customer { name } } }
    }`;
    const staff = (await agent.client.data(Q, { c: customerId, source: 'STAFF' })).warrantyRegistrations;
    expect(staff.items).toEqual([
      { id: other.registerWarranty.id, source: 'STAFF', model: { id: model.modelId }, customer: { name: 'Ana Test' } },
    ]);
    expect((await agent.client.data(Q, { c: customerId, source: 'PURCHASE' })).warrantyRegistrations.totalCount).toBe(1);
    expect((await agent.client.data(Q, { c: customerId, status: 'EXPIRED' })).warrantyRegistrations.totalCount).toBe(0);
    expect((await agent.client.data(Q, { c: customerId, status: 'ACTIVE' })).warrantyRegistrations.totalCount).toBe(2);
  });
});

describe('technician schedule', () => {
  const VISITS = `query($from: DateTimeISO!, $to: DateTimeISO!, $t: ID) {
    warrantyVisits(from: $from, to: $to, technicianId: $t) { id startsAt technician { id name } repairOrder { id reference serialNumber } }
  }`;

  it('lists the visits of a week with their repair order and technician, in a constant number of statements', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const create = async () => {
      const p = await createPurchase(server, { customerId, modelId: model.modelId, purchasedAt: '2026-10-01T10:00:00Z' });
      return (
        await tech.client.data(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id reference } }`, {
          i: { purchaseId: p.id },
        })
      ).createRepairOrder as { id: string; reference: string };
    };
    const VISIT = `mutation($i: ScheduleVisitInput!) { scheduleVisit(input: $i) { id } }`;
    const orders = [await create(), await create(), await create()];
    await tech.client.data(VISIT, { i: { repairOrderId: orders[0]!.id, technicianId: tech.id, startsAt: '2026-11-23T08:00:00Z' } });
    await tech.client.data(VISIT, { i: { repairOrderId: orders[1]!.id, technicianId: tech2.id, startsAt: '2026-11-25T14:00:00Z' } });
    // The next week: outside the range asked below.
    await tech.client.data(VISIT, { i: { repairOrderId: orders[2]!.id, technicianId: tech.id, startsAt: '2026-11-30T08:00:00Z' } });

    const week = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };
    const all = await agent.client.request(VISITS, week);
    expect(errorCodes(all)).toEqual([]);
    expect(all.data!.warrantyVisits.map((v: { repairOrder: { reference: string } }) => v.repairOrder.reference)).toEqual([
      orders[0]!.reference,
      orders[1]!.reference,
    ]);
    expect(all.data!.warrantyVisits[1].technician.id).toBe(tech2.id);
    const one = await agent.client.request(VISITS, { ...week, t: tech.id });
    expect(one.data!.warrantyVisits.map((v: { startsAt: string }) => v.startsAt)).toEqual(['2026-11-23T08:00:00.000Z']);
    // Session, visits, one batch of repair orders, one of technicians: the same for one visit or many.
    expect(Number(all.headers.get('x-sql-count'))).toBe(Number(one.headers.get('x-sql-count')));
  });

  it('refuses reversed or overlong ranges and readers without repair access', async () => {
    expect(errorCodes(await agent.client.request(VISITS, { from: '2026-11-30T00:00:00Z', to: '2026-11-23T00:00:00Z' }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(errorCodes(await agent.client.request(VISITS, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }))).toEqual([
      'VALIDATION_FAILED',
    ]);
    const analyst = await server.signInStaff(['Analyst']);
    expect(errorCodes(await analyst.client.request(VISITS, { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('offers as technicians the active staff who may work on repairs', async () => {
    const names = (await agent.client.data(`{ warrantyTechnicians { id name } }`)).warrantyTechnicians.map((t: { id: string }) => t.id);
    expect(names).toEqual(expect.arrayContaining([tech.id, tech2.id, supervisor.id, admin.id]));
    expect(names).not.toContain(agent.id);
  });
});

describe('registering a serial as a customer', () => {
  it('tells nobody whose item a serial is: another customer and the owner get the same answer', async () => {
    const owner = await server.signInCustomer();
    const stranger = await server.signInCustomer();
    const REGISTER = `mutation($i: RegisterWarrantyInput!) { registerWarranty(input: $i) { id } }`;
    const item = (customerId: string) => ({
      customerId,
      modelId: model.modelId,
      serialNumber: `OWN-${unique()}`,
      purchasedAt: '2026-09-01T10:00:00Z',
      seller: 'A shop',
      proofOfPurchaseRef: 'receipt 1',
    });
    const first = item(owner.id);
    await owner.client.data(REGISTER, { i: first });
    const byStranger = await stranger.client.request(REGISTER, { i: { ...first, customerId: stranger.id } });
    const byOwner = await owner.client.request(REGISTER, { i: first });
    expect(errorCodes(byStranger)).toEqual(['CONFLICT']);
    expect(byStranger.errors![0]!.message).toBe(byOwner.errors![0]!.message);
    expect(byStranger.errors![0]!.extensions).toEqual(byOwner.errors![0]!.extensions);
    expect(byStranger.errors![0]!.message).not.toMatch(/already registered|another|owner/i);
  });
});
