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
let agent: TestSession;
let supervisor: TestSession;
let model: { modelId: string; productId: string };

beforeAll(async () => {
  server = await warrantyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  agent = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  model = await createModel(server, 12);
});
afterAll(async () => {
  await server?.stop();
});

const SUBMIT = `mutation($i: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $i) { ${CLAIM_FIELDS} abuseSignals { kind count } } }`;
const DECIDE = `mutation($i: DecideWarrantyClaimInput!) { decideWarrantyClaim(input: $i) { ${CLAIM_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $s: WarrantyClaimStatus!) { transitionWarrantyClaim(id: $id, status: $s) { ${CLAIM_FIELDS} } }`;

describe('coverage', () => {
  it('registers a purchase automatically and covers until the last local day, not the day after', async () => {
    const customerId = await createCustomer(server, 'US', 'America/Los_Angeles');
    // 13:00 in Los Angeles on 15 March 2025; the model has 12 months from purchase; no US legal guarantee configured.
    const p = await createPurchase(server, { customerId, modelId: model.modelId, purchasedAt: '2025-03-15T20:00:00Z' });
    const reg = await waitForRegistration(admin.client, p.serialNumber);
    expect(reg).toMatchObject({ source: 'PURCHASE', months: 12, endsAt: '2026-03-15T07:00:00.000Z' });

    // 06:30 UTC on 15 March is still 14 March in Los Angeles: covered.
    const dayBefore = (await agent.client.data(COVERAGE, { s: p.serialNumber.toLowerCase(), at: '2026-03-15T06:30:00Z' })).warrantyCoverage;
    expect(dayBefore).toMatchObject({
      covered: true,
      basis: 'COMMERCIAL_WARRANTY',
      lastCoveredDay: '2026-03-14',
      timeZone: 'America/Los_Angeles',
      jurisdiction: null,
    });
    const dayAfter = (await agent.client.data(COVERAGE, { s: p.serialNumber, at: '2026-03-15T07:30:00Z' })).warrantyCoverage;
    expect(dayAfter).toMatchObject({ covered: false, reason: 'EXPIRED', basis: null });
  });

  it('honours the EU legal guarantee (24 months from delivery) after the commercial warranty lapsed', async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const p = await createPurchase(server, {
      customerId,
      modelId: model.modelId,
      purchasedAt: '2025-01-10T10:00:00Z',
      deliveredAt: '2025-01-20T10:00:00Z',
    });
    await waitForRegistration(admin.client, p.serialNumber);
    const c = (await agent.client.data(COVERAGE, { p: p.id, at: '2026-06-01T10:00:00Z' })).warrantyCoverage;
    expect(c).toMatchObject({ covered: true, basis: 'LEGAL_GUARANTEE', jurisdiction: 'EU', lastCoveredDay: '2027-01-19' });
    expect(c.layers).toEqual([
      { basis: 'COMMERCIAL_WARRANTY', covered: false, reason: 'EXPIRED', lastDay: '2026-01-09' },
      { basis: 'LEGAL_GUARANTEE', covered: true, reason: null, lastDay: '2027-01-19' },
    ]);
    const excluded = (await agent.client.data(COVERAGE, { p: p.id, at: '2025-06-01T10:00:00Z', d: 'accidental_damage' })).warrantyCoverage;
    expect(excluded).toMatchObject({ covered: false, reason: 'EXCLUDED' });
  });

  it('answers unregistered for an unknown serial and registers items bought elsewhere with proof', async () => {
    const none = (await agent.client.data(COVERAGE, { s: 'NOPE-1' })).warrantyCoverage;
    expect(none).toMatchObject({ covered: false, reason: 'UNREGISTERED' });
    const customerId = await createCustomer(server, 'FR', 'Europe/Paris');
    const REG = `mutation($i: RegisterWarrantyInput!) { registerWarranty(input: $i) { id source serialNumber seller months } }`;
    const missing = await agent.client.request(REG, {
      i: { customerId, modelId: model.modelId, serialNumber: 'ext-1', purchasedAt: '2026-10-01T10:00:00Z' },
    });
    expect(errorCodes(missing)).toEqual(['VALIDATION_FAILED']);
    expect(missing.errors![0]!.extensions!.fields).toEqual([{ field: 'proofOfPurchaseRef', message: expect.stringContaining('required') }]);
    const r = await agent.client.data(REG, {
      i: {
        customerId,
        modelId: model.modelId,
        serialNumber: 'ext-1',
        purchasedAt: '2026-10-01T10:00:00Z',
        seller: 'Other Shop',
        proofOfPurchaseRef: 'receipt 123',
      },
    });
    expect(r.registerWarranty).toMatchObject({ source: 'STAFF', serialNumber: 'EXT-1', seller: 'Other Shop', months: 12 });
    expect((await agent.client.data(COVERAGE, { s: 'EXT-1' })).warrantyCoverage).toMatchObject({
      covered: true,
      basis: 'COMMERCIAL_WARRANTY',
    });
    expect(
      errorCodes(
        await agent.client.request(REG, {
          i: { customerId, modelId: model.modelId, serialNumber: 'EXT-1', purchasedAt: '2026-10-01T10:00:00Z', proofOfPurchaseRef: 'x' },
        }),
      ),
    ).toEqual(['CONFLICT']);
  });

  it('sells an extended warranty once per idempotency key that covers after the commercial end', async () => {
    const customerId = await createCustomer(server, 'US', 'America/New_York');
    const p = await createPurchase(server, { customerId, modelId: model.modelId, purchasedAt: '2026-01-10T15:00:00Z' });
    const reg = await waitForRegistration(admin.client, p.serialNumber);
    const SELL = `mutation($i: SellExtendedWarrantyInput!) { sellExtendedWarranty(input: $i) { id startsAt endsAt termMonths } }`;
    const i = {
      registrationId: reg.id,
      priceMinor: 9900,
      currency: 'USD',
      termMonths: 24,
      claimCapMinor: 60000,
      deductibleMinor: 2500,
      idempotencyKey: 'sale-0001-abc',
    };
    const a = (await agent.client.data(SELL, { i })).sellExtendedWarranty;
    const b = (await agent.client.data(SELL, { i })).sellExtendedWarranty;
    expect(b.id).toBe(a.id);
    expect(a.startsAt).toBe(reg.endsAt);
    const c = (await agent.client.data(COVERAGE, { s: p.serialNumber, at: '2027-06-01T12:00:00Z' })).warrantyCoverage;
    expect(c).toMatchObject({ covered: true, basis: 'EXTENDED_WARRANTY', contractId: a.id });
  });
});

describe('claims', () => {
  let serial: string;
  let purchaseId: string;
  beforeAll(async () => {
    const customerId = await createCustomer(server, 'ES', 'Europe/Madrid');
    const p = await createPurchase(server, {
      customerId,
      modelId: model.modelId,
      purchasedAt: '2026-06-01T10:00:00Z',
      deliveredAt: '2026-06-03T10:00:00Z',
    });
    serial = p.serialNumber;
    purchaseId = p.id;
    await waitForRegistration(admin.client, serial);
  });

  it('rejects only with a configured reason, and every illegal move names the allowed states', async () => {
    const claim = (await agent.client.data(SUBMIT, { i: { serialNumber: serial, description: 'Drum does not turn' } })).submitWarrantyClaim;
    expect(claim).toMatchObject({
      status: 'SUBMITTED',
      entitled: true,
      legalBasis: 'COMMERCIAL_WARRANTY',
      reference: expect.stringMatching(/^WC-\d+$/),
    });
    const noReason = await supervisor.client.request(DECIDE, { i: { claimId: claim.id, decision: 'REJECT' } });
    expect(errorCodes(noReason)).toEqual(['VALIDATION_FAILED']);
    expect(noReason.errors![0]!.message).toContain('outside_coverage');
    expect(
      errorCodes(await supervisor.client.request(DECIDE, { i: { claimId: claim.id, decision: 'REJECT', reason: 'because' } })),
    ).toEqual(['VALIDATION_FAILED']);
    expect((await agent.client.data(`query($id: ID!) { warrantyClaim(id: $id) { status } }`, { id: claim.id })).warrantyClaim.status).toBe(
      'SUBMITTED',
    );

    const skip = await agent.client.request(MOVE, { id: claim.id, s: 'RECEIVED' });
    expect(errorCodes(skip)).toEqual(['INVALID_TRANSITION']);
    expect(skip.errors![0]!.extensions).toMatchObject({ from: 'submitted', to: 'received', allowed: ['in_review', 'cancelled'] });

    const rejected = (await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'REJECT', reason: 'no_fault_found' } }))
      .decideWarrantyClaim;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'no_fault_found', allowedTransitions: ['CLOSED'] });
    const again = await agent.client.request(MOVE, { id: claim.id, s: 'CANCELLED' });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    // The review start and the rejection share one transaction (one timestamp), so compare as a set.
    const audit = await server.app.dataSource.query(`SELECT action FROM audit_event WHERE object_id = $1`, [claim.id]);
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'warrantyClaim.reject',
      'warrantyClaim.submit',
      'warrantyClaim.transition',
    ]);
    const [event] = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE type = 'warranty.claim.decided' AND aggregate_id = $1`,
      [claim.id],
    );
    expect(event.payload).toMatchObject({ decision: 'rejected', reason: 'no_fault_found', overridden: false });
  });

  it('needs the override permission and a note to approve a claim that is not covered', async () => {
    const claim = (await agent.client.data(SUBMIT, { i: { purchaseId, description: 'Dropped it', damageType: 'accidental_damage' } }))
      .submitWarrantyClaim;
    expect(claim).toMatchObject({ entitled: false, legalBasis: null });
    // A reviewer who may decide but not override.
    const role = await admin.client.data(`mutation($i: CreateRoleInput!) { createRole(input: $i) { name } }`, {
      i: { name: 'Claim reviewer', permissions: ['warranty.claim.decide', 'warranty.claim.read'] },
    });
    const reviewer = await server.signInStaff([role.createRole.name]);
    const forbidden = await reviewer.client.request(DECIDE, {
      i: { claimId: claim.id, decision: 'APPROVE', overrideNote: 'Loyal customer' },
    });
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const noNote = await supervisor.client.request(DECIDE, { i: { claimId: claim.id, decision: 'APPROVE' } });
    expect(errorCodes(noNote)).toEqual(['VALIDATION_FAILED']);
    const ok = (
      await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'APPROVE', overrideNote: 'Goodwill: first incident' } })
    ).decideWarrantyClaim;
    expect(ok).toMatchObject({ status: 'APPROVED', legalBasis: 'GOODWILL', overrideNote: 'Goodwill: first incident' });
  });

  it('shows abuse signals to the reviewer without deciding', async () => {
    const third = (await agent.client.data(SUBMIT, { i: { serialNumber: serial, description: 'Leaks water' } })).submitWarrantyClaim;
    expect(third.status).toBe('SUBMITTED');
    expect(third.abuseSignals).toEqual(
      expect.arrayContaining([
        { kind: 'repeat_serial', count: 2 },
        { kind: 'customer_velocity', count: 3 },
      ]),
    );
  });

  it('walks an approved claim through info request, shipping and cancellation rules', async () => {
    const claim = (await agent.client.data(SUBMIT, { i: { serialNumber: serial, description: 'Noise' } })).submitWarrantyClaim;
    const info = (await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'REQUEST_INFO', note: 'Please send a video' } }))
      .decideWarrantyClaim;
    expect(info).toMatchObject({ status: 'INFO_REQUESTED', allowedTransitions: ['IN_REVIEW', 'CANCELLED'] });
    await agent.client.data(MOVE, { id: claim.id, s: 'IN_REVIEW' });
    await supervisor.client.data(DECIDE, { i: { claimId: claim.id, decision: 'APPROVE' } });
    await agent.client.data(MOVE, { id: claim.id, s: 'AWAITING_ITEM' });
    const received = (await agent.client.data(MOVE, { id: claim.id, s: 'RECEIVED' })).transitionWarrantyClaim;
    expect(received.allowedTransitions).toEqual(['IN_REPAIR']);
    const cancel = await agent.client.request(MOVE, { id: claim.id, s: 'CANCELLED' });
    expect(errorCodes(cancel)).toEqual(['INVALID_TRANSITION']);
    expect(cancel.errors![0]!.message).toBe(
      "Warranty claim cannot go from 'received' to 'cancelled'. From 'received' it can go to: in_repair.",
    );
  });
});

describe('customer portal isolation', () => {
  let ana: TestSession;
  let bob: TestSession;
  let anaPurchase: { id: string; serialNumber: string };
  let bobPurchase: { id: string; serialNumber: string };
  beforeAll(async () => {
    ana = await server.signInCustomer();
    bob = await server.signInCustomer();
    anaPurchase = await createPurchase(server, { customerId: ana.id, modelId: model.modelId, purchasedAt: '2026-09-01T10:00:00Z' });
    bobPurchase = await createPurchase(server, { customerId: bob.id, modelId: model.modelId, purchasedAt: '2026-09-02T10:00:00Z' });
    await waitForRegistration(admin.client, anaPurchase.serialNumber);
    await waitForRegistration(admin.client, bobPurchase.serialNumber);
  });

  it('shows each customer only their warranties, and refuses claims on the other one’s items', async () => {
    const MINE = `{ myWarranties { totalCount items { id purchaseId coverage { covered basis } } } }`;
    const a = (await ana.client.data(MINE)).myWarranties;
    expect(a.totalCount).toBe(1);
    expect(a.items[0]).toMatchObject({ purchaseId: anaPurchase.id, coverage: { covered: true, basis: 'COMMERCIAL_WARRANTY' } });
    const bobReg = (await bob.client.data(MINE)).myWarranties.items[0];

    const SUBMIT_MINE = `mutation($i: SubmitMyWarrantyClaimInput!) { submitMyWarrantyClaim(input: $i) { id status customerId } }`;
    expect(errorCodes(await ana.client.request(SUBMIT_MINE, { i: { purchaseId: bobPurchase.id, description: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await ana.client.request(SUBMIT_MINE, { i: { registrationId: bobReg.id, description: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await ana.client.request(`query($id: ID!) { warrantyRegistration(id: $id) { id } }`, { id: bobReg.id }))).toEqual([
      'NOT_FOUND',
    ]);

    const mine = (
      await ana.client.data(SUBMIT_MINE, { i: { purchaseId: anaPurchase.id, description: 'Display is dead', consumerRemedy: 'REPAIR' } })
    ).submitMyWarrantyClaim;
    expect(mine).toMatchObject({ status: 'SUBMITTED', customerId: ana.id });
    expect(errorCodes(await bob.client.request(`query($id: ID!) { warrantyClaim(id: $id) { id } }`, { id: mine.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await bob.client.data(`{ myWarrantyClaims { totalCount } }`)).myWarrantyClaims.totalCount).toBe(0);
    expect((await ana.client.data(`query($id: ID!) { warrantyClaim(id: $id) { status } }`, { id: mine.id })).warrantyClaim.status).toBe(
      'SUBMITTED',
    );
    expect(errorCodes(await ana.client.request(`{ warrantyClaims { totalCount } }`))).toEqual(['FORBIDDEN']);
  });

  it('registers an item bought elsewhere with its receipt, for the caller only; the receipt reaches only its owner', async () => {
    const REGISTER = `mutation($i: RegisterMyProductInput!) { registerMyProduct(input: $i) { id customerId source serialNumber proofOfPurchaseRef proofDocuments { id fileName sizeBytes } } }`;
    const receipt = Buffer.from('%PDF-1.4 receipt of the corner shop');
    const input = {
      modelId: model.modelId,
      serialNumber: 'ELSE-0001',
      purchasedAt: '2026-10-01T10:00:00Z',
      seller: 'Corner Shop',
      proof: { fileName: 'receipt.pdf', contentType: 'application/pdf', contentBase64: receipt.toString('base64') },
    };
    const models = (await ana.client.data(`{ registrableModels(search: "") { id } }`)).registrableModels;
    expect(models.map((m: { id: string }) => m.id)).toContain(model.modelId);
    const reg = (await ana.client.data(REGISTER, { i: input })).registerMyProduct;
    expect(reg).toMatchObject({
      customerId: ana.id,
      source: 'CUSTOMER',
      serialNumber: 'ELSE-0001',
      proofOfPurchaseRef: 'file: receipt.pdf',
    });
    expect(reg.proofDocuments).toEqual([{ id: expect.any(String), fileName: 'receipt.pdf', sizeBytes: receipt.length }]);
    const doc = reg.proofDocuments[0].id;
    const PROOF = `query($id: ID!) { warrantyProofDocument(id: $id) { contentBase64 document { fileName } } }`;
    expect(Buffer.from((await ana.client.data(PROOF, { id: doc })).warrantyProofDocument.contentBase64, 'base64').equals(receipt)).toBe(
      true,
    );
    expect(errorCodes(await bob.client.request(PROOF, { id: doc }))).toEqual(['NOT_FOUND']);
    expect((await agent.client.data(PROOF, { id: doc })).warrantyProofDocument.document.fileName).toBe('receipt.pdf');
    expect(
      (await bob.client.data(`{ myWarranties { items { serialNumber } } }`)).myWarranties.items.map(
        (r: { serialNumber: string }) => r.serialNumber,
      ),
    ).not.toContain('ELSE-0001');

    // Bad input names the field and stores nothing.
    const before = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM warranty_registration`);
    const wrongType = await ana.client.request(REGISTER, {
      i: { ...input, serialNumber: 'ELSE-0002', proof: { ...input.proof, contentType: 'application/x-msdownload' } },
    });
    expect(errorCodes(wrongType)).toEqual(['VALIDATION_FAILED']);
    const tooBig = await ana.client.request(REGISTER, {
      i: { ...input, serialNumber: 'ELSE-0003', proof: { ...input.proof, contentBase64: Buffer.alloc(710_000).toString('base64') } },
    });
    expect(errorCodes(tooBig)).toEqual(['VALIDATION_FAILED']);
    const future = await ana.client.request(REGISTER, { i: { ...input, serialNumber: 'ELSE-0004', purchasedAt: '2030-01-01T00:00:00Z' } });
    expect(errorCodes(future)).toEqual(['VALIDATION_FAILED']);
    expect(await server.app.dataSource.query(`SELECT count(*)::int AS n FROM warranty_registration`)).toEqual(before);
    expect(errorCodes(await agent.client.request(REGISTER, { i: input }))).toEqual(['FORBIDDEN']);
  });

  it('lists only the caller’s repairs, with a status history free of staff details', async () => {
    const repair = (
      await admin.client.data(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id } }`, {
        i: { purchaseId: anaPurchase.id, diagnosis: 'Cracked screen' },
      })
    ).createRepairOrder;
    await admin.client.data(`mutation($i: SendRepairEstimateInput!) { sendRepairEstimate(input: $i) { id } }`, {
      i: { repairOrderId: repair.id, amountMinor: 8000, currency: 'EUR' },
    });
    const MINE = `{ myRepairOrders { totalCount items { id status statusHistory { status } } } }`;
    const a = (await ana.client.data(MINE)).myRepairOrders;
    expect(a.items).toEqual([{ id: repair.id, status: 'ESTIMATE_SENT', statusHistory: [{ status: 'OPEN' }, { status: 'ESTIMATE_SENT' }] }]);
    expect((await bob.client.data(MINE)).myRepairOrders.totalCount).toBe(0);
    const RESPOND = `mutation($id: ID!) { respondToRepairEstimate(repairOrderId: $id, accept: true) { status } }`;
    expect(errorCodes(await bob.client.request(RESPOND, { id: repair.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await bob.client.request(`query($id: ID!) { repairOrder(id: $id) { id } }`, { id: repair.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await ana.client.request(`query($id: ID!) { repairOrder(id: $id) { history { actor } } }`, { id: repair.id })),
    ).toEqual(['FORBIDDEN']);
    expect((await ana.client.data(RESPOND, { id: repair.id })).respondToRepairEstimate.status).toBe('IN_PROGRESS');
    expect(errorCodes(await agent.client.request(MINE))).toEqual(['FORBIDDEN']);
  });
});
