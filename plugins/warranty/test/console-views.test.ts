import '@aftercare/testing/global-setup';
import { errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createModel, createPurchase, testClock, waitForRegistration, warrantyServer } from './helpers.js';

// What the claims inbox, the claim page, the repair board and the repair page read.
const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let admin: TestSession;
let agent: TestSession;
let supervisor: TestSession;
let tech: TestSession;
let modelA: { modelId: string };
let modelB: { modelId: string };

const SUBMIT = `mutation($i: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $i) { id reference } }`;
const DECIDE = `mutation($i: DecideWarrantyClaimInput!) { decideWarrantyClaim(input: $i) { id status } }`;
const INBOX = `query($sort: WarrantyClaimSort, $model: ID, $status: [WarrantyClaimStatus!]) {
  warrantyClaims(sort: $sort, modelId: $model, status: $status, take: 50) {
    totalCount
    items { id reference slaDueAt slaBreached customer { name email } model { sku name } }
  }
}`;

beforeAll(async () => {
  server = await warrantyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  agent = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  tech = await server.signInStaff(['Technician']);
  modelA = await createModel(server, 24);
  modelB = await createModel(server, 24);
});
afterAll(async () => {
  await server?.stop();
});

async function claimOn(modelId: string, at: string) {
  clock.set(at);
  const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
  const p = await createPurchase(server, { customerId, modelId, purchasedAt: '2026-06-01T10:00:00Z' });
  await waitForRegistration(admin.client, p.serialNumber);
  const claim = (await admin.client.data(SUBMIT, { i: { purchaseId: p.id, description: 'Leaks water' } })).submitWarrantyClaim;
  return { ...claim, serialNumber: p.serialNumber } as { id: string; reference: string; serialNumber: string };
}

describe('claims inbox', () => {
  it('filters by model, sorts newest first or by SLA due date, and shows customer and model', async () => {
    const first = await claimOn(modelA.modelId, '2026-11-16T09:00:00Z');
    const second = await claimOn(modelA.modelId, '2026-11-16T10:00:00Z');
    const other = await claimOn(modelB.modelId, '2026-11-16T11:00:00Z');
    // The first claim is resolved (rejected): its clock closes and it sorts last by SLA due date.
    await supervisor.client.data(DECIDE, { i: { claimId: first.id, decision: 'REJECT', reason: 'misuse' } });

    const byModel = (await agent.client.data(INBOX, { model: modelA.modelId })).warrantyClaims;
    expect(byModel.items.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);

    const newest = (await agent.client.data(INBOX, { sort: 'NEWEST' })).warrantyClaims.items.map((c: { id: string }) => c.id);
    expect(newest.slice(0, 3)).toEqual([other.id, second.id, first.id]);

    const bySla = (await agent.client.data(INBOX, { sort: 'SLA_DUE' })).warrantyClaims.items as Array<{
      id: string;
      slaDueAt: string | null;
    }>;
    expect(bySla.map((c) => c.id)).toEqual([second.id, other.id, first.id]);
    expect(bySla[0]!.slaDueAt).not.toBeNull();
    expect(bySla[2]!.slaDueAt).toBeNull();

    const row = byModel.items[1];
    expect(row.model.sku).toMatch(/^W-/);
    expect(row.customer).toMatchObject({ name: 'Ana Test' });
  });

  it('hides the customer from staff without core.customer.read', async () => {
    const role = await admin.client.data(`mutation($i: CreateRoleInput!) { createRole(input: $i) { id name } }`, {
      i: { name: 'Claims reader', description: 'reads claims only', permissions: ['warranty.claim.read'] },
    });
    const reader = await server.signInStaff([role.createRole.name]);
    const items = (await reader.client.data(INBOX, {})).warrantyClaims.items as Array<{ customer: unknown; model: unknown }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.customer === null && c.model !== null)).toBe(true);
  });
});

describe('claim and repair detail', () => {
  it('shows the decision history, the repair orders of a claim, the technician and the repair history', async () => {
    const claim = await claimOn(modelA.modelId, '2026-11-17T09:00:00Z');
    await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'APPROVE', note: 'Clear defect' } });
    const techId = (await tech.client.data(`{ me { staffUser { id } } }`)).me.staffUser.id as string;
    const techs = (await agent.client.data(`{ warrantyTechnicians { id name } }`)).warrantyTechnicians as Array<{ id: string }>;
    expect(techs.map((t) => t.id)).toContain(techId);

    const order = (
      await tech.client.data(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id reference } }`, {
        i: { claimId: claim.id, technicianId: techId },
      })
    ).createRepairOrder;
    await tech.client.data(`mutation($id: ID!, $i: UpdateRepairOrderInput!) { updateRepairOrder(id: $id, input: $i) { id } }`, {
      id: order.id,
      i: { diagnosis: 'Pump seal worn', faultCodes: ['E21'], labourMinutes: 30 },
    });

    const detail = (
      await supervisor.client.data(
        `query($id: ID!) { warrantyClaim(id: $id) { status repairOrders { id reference } history { fromStatus toStatus actorKind actor } } }`,
        { id: claim.id },
      )
    ).warrantyClaim;
    expect(detail.status).toBe('IN_REPAIR');
    expect(detail.repairOrders).toEqual([{ id: order.id, reference: order.reference }]);
    // Read from the status-history table, oldest first, each move starting where the previous ended.
    expect(detail.history).toEqual([
      { fromStatus: null, toStatus: 'submitted', actorKind: 'staff', actor: 'Test Staff' },
      { fromStatus: 'submitted', toStatus: 'in_review', actorKind: 'staff', actor: 'Test Staff' },
      { fromStatus: 'in_review', toStatus: 'approved', actorKind: 'staff', actor: 'Test Staff' },
      { fromStatus: 'approved', toStatus: 'in_repair', actorKind: 'staff', actor: 'Test Staff' },
    ]);

    const repair = (
      await agent.client.data(
        `query($id: ID!) { repairOrder(id: $id) { claimReference dueAt overdue technician { id name } model { sku } history { fromStatus toStatus } } }`,
        { id: order.id },
      )
    ).repairOrder;
    expect(repair).toMatchObject({ claimReference: claim.reference, overdue: false, technician: { id: techId } });
    expect(repair.history).toEqual([
      { fromStatus: null, toStatus: 'open' },
      { fromStatus: 'open', toStatus: 'in_progress' },
    ]);

    const board = (
      await agent.client.data(`{ repairOrders(status: [IN_PROGRESS], take: 100) { items { id reference technician { name } } } }`)
    ).repairOrders.items as Array<{ id: string; technician: { name: string } | null }>;
    expect(board.find((r) => r.id === order.id)?.technician).not.toBeNull();
  });

  it('gives every staff user the staff-readable settings (rejection reasons, slot length, currency) and nothing else', async () => {
    const s = (await agent.client.data(`{ staffSettings(owner: "warranty") }`)).staffSettings;
    expect(s.rejectionReasons).toContain('misuse');
    expect(s).toMatchObject({ visitSlotMinutes: 120, currency: 'EUR' });
    // Abuse thresholds and labour rates stay with those who manage settings.
    expect(Object.keys(s).sort()).toEqual(['currency', 'rejectionReasons', 'visitSlotMinutes']);
    const customer = await server.signInCustomer();
    expect(errorCodes(await customer.client.request(`{ staffSettings(owner: "warranty") }`))).toEqual(['FORBIDDEN']);
  });
});
