import '@aftercare/testing/global-setup';
import {
  createTestClock,
  createTestServer,
  errorCodes,
  eventually,
  schemaDrift,
  type TestServer,
  type TestSession,
} from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnMachine, RETURN_STATUSES } from '../src/domain.js';
import plugin from '../src/index.js';

const LINE = `id purchaseId legalBasis basisExplanation deadlineAt version serialMatches conditionGrade diminishedValueMinor`;
const REQ = `id reference status version withdrawal keepItem sendBackBy refundDueAt allowedTransitions
  lines { ${LINE} } refunds { id status amountMinor method breakdown { totalMinor deliveryRefundMinor returnShippingMinor lines { restockingFeeMinor diminishedValueMinor amountMinor } } }
  abuseSignals { code value }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { ${REQ} } }`;
const APPROVE = `mutation($id: ID!) { approveReturn(id: $id) { ${REQ} } }`;
const RECEIVE = `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { ${REQ} } }`;
const INSPECT = `mutation($i: InspectReturnLineInput!) { inspectReturnLine(input: $i) { ${LINE} } }`;
const RESOLVE = `mutation($i: ResolveReturnInput!) { resolveReturn(input: $i) { ${REQ} } }`;
const APPROVE_REFUND = `mutation($id: ID!) { approveReturnRefund(refundId: $id) { ${REQ} } }`;
const RESULT = `mutation($i: RecordRefundResultInput!) { recordRefundResult(input: $i) { id status } }`;
const GET = `query($id: ID!) { returnRequest(id: $id) { ${REQ} } }`;
const POLICY = `mutation($i: SaveReturnPolicyInput!) { saveReturnPolicy(input: $i) { id name } }`;
const REASONS = `{ returnReasons { id code nonConformity parentId } }`;
const MY_ELIG = `query($p: ID!) { myReturnEligibility(purchaseId: $p) { eligible legalBasis withdrawalPossible withdrawalDeadlineAt deadlineAt explanation } }`;
const ELIG = `query($p: ID!) { returnEligibility(purchaseId: $p) { eligible legalBasis withdrawalPossible withdrawalDeadlineAt deadlineAt explanation } }`;
const MY = `id reference status withdrawal withdrawalAcknowledgement lines { purchaseId legalBasis }`;
const WITHDRAW = `mutation($i: WithdrawFromContractInput!) { withdrawFromContract(input: $i) { ${MY} } }`;
const REQUEST_MY = `mutation($i: RequestMyReturnInput!) { requestMyReturn(input: $i) { ${MY} } }`;
const MY_RETURNS = `{ myReturns { totalCount items { id } } }`;
const MY_RETURN = `query($id: ID!) { myReturn(id: $id) { ${MY} } }`;
const CANCEL_MY = `mutation($id: ID!) { cancelMyReturn(id: $id) { id status } }`;

// Withdrawal function exists from 19 June 2026; the suite runs in July 2026.
const clock = createTestClock('2026-07-01T10:00:00Z');
let server: TestServer;
let agent: TestSession;
let supervisor: TestSession;
let supervisor2: TestSession;
let reasons: Array<{ id: string; code: string; nonConformity: boolean }>;
const reason = (code: string) => reasons.find((r) => r.code === code)!.id;

beforeAll(async () => {
  server = await createTestServer({ plugins: [plugin], clock });
  agent = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  supervisor2 = await server.signInStaff(['Supervisor']);
  reasons = (await agent.client.data(REASONS)).returnReasons;
});
afterAll(async () => {
  await server?.stop();
});

/** A purchase made two days before its delivery (or on 2026-06-01 when not delivered). */
function buy(input: Record<string, unknown> & { deliveredAt?: string }) {
  const purchasedAt = input.deliveredAt
    ? new Date(new Date(input.deliveredAt).getTime() - 2 * 86_400_000).toISOString()
    : '2026-06-01T10:00:00Z';
  return server.fixtures.purchase({ purchasedAt, ...input } as never);
}

async function customerIn(timeZone: string) {
  return server.fixtures.customer({ timeZone });
}

/** Request → approve → receive → inspect every line; returns the request. */
async function toInspected(customerId: string, purchaseIds: string[], reasonCode = 'changed_mind', inspect: Record<string, unknown> = {}) {
  const req = (
    await agent.client.data(REQUEST, {
      i: { customerId, lines: purchaseIds.map((purchaseId) => ({ purchaseId, reasonId: reason(reasonCode) })) },
    })
  ).requestReturn;
  await agent.client.data(APPROVE, { id: req.id });
  const received = (
    await agent.client.data(RECEIVE, {
      i: { id: req.id, lines: req.lines.map((l: { id: string }) => ({ lineId: l.id, quantityReceived: 1 })) },
    })
  ).receiveReturn;
  for (const l of received.lines) {
    await agent.client.data(INSPECT, { i: { lineId: l.id, conditionGrade: 'LIKE_NEW', disposition: 'RESTOCK', ...inspect } });
  }
  return (await agent.client.data(GET, { id: req.id })).returnRequest;
}

describe('Returns', () => {
  it('the migrations create exactly what the entities describe', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('the state machine table: terminal states go nowhere, receipt only to inspection', () => {
    for (const s of ['declined', 'closed', 'cancelled'] as const) expect(returnMachine.allowed(s)).toEqual([]);
    expect(returnMachine.allowed('received')).toEqual(['inspected']);
    expect(RETURN_STATUSES.filter((s) => returnMachine.allowed(s).includes('cancelled'))).toEqual([
      'requested',
      'approved',
      'awaiting_item',
    ]);
  });

  it('withdrawal window: last day and the day after in the customer’s time zone', async () => {
    const madrid = await customerIn('Europe/Madrid');
    const utc = await customerIn('UTC');
    // 23:30 UTC on 16 June is 01:30 on 17 June in Madrid: possession day 17 June, last day 1 July (today).
    const lastDay = await server.fixtures.purchase({
      customerId: madrid.id,
      deliveredAt: '2026-06-16T23:30:00Z',
      purchasedAt: '2026-06-10T10:00:00Z',
    });
    const e1 = (await agent.client.data(ELIG, { p: lastDay.id })).returnEligibility;
    expect(e1).toMatchObject({ withdrawalPossible: true, legalBasis: 'WITHDRAWAL', withdrawalDeadlineAt: '2026-07-01T22:00:00.000Z' });
    // The same moment for a customer in UTC: possession 16 June, last day 30 June: over.
    const utcPurchase = await server.fixtures.purchase({
      customerId: utc.id,
      deliveredAt: '2026-06-16T23:30:00Z',
      purchasedAt: '2026-06-10T10:00:00Z',
    });
    const e2 = (await agent.client.data(ELIG, { p: utcPurchase.id })).returnEligibility;
    expect(e2.withdrawalPossible).toBe(false);
    expect(e2.legalBasis).toBe('COMMERCIAL'); // the default 30-day policy still takes it
    // Madrid, one day earlier: the day after the last day.
    const dayAfter = await server.fixtures.purchase({
      customerId: madrid.id,
      deliveredAt: '2026-06-15T23:30:00Z',
      purchasedAt: '2026-06-10T10:00:00Z',
    });
    expect((await agent.client.data(ELIG, { p: dayAfter.id })).returnEligibility.withdrawalPossible).toBe(false);
    // A store sale has no right of withdrawal.
    const store = await buy({ customerId: madrid.id, channel: 'store', deliveredAt: '2026-06-30T10:00:00Z' });
    expect((await agent.client.data(ELIG, { p: store.id })).returnEligibility.withdrawalPossible).toBe(false);
  });

  it('split delivery counts from the last item of the order', async () => {
    const c = await customerIn('UTC');
    const first = await buy({ customerId: c.id, orderReference: 'ORD-SPLIT-1', deliveredAt: '2026-06-01T10:00:00Z' });
    await buy({ customerId: c.id, orderReference: 'ORD-SPLIT-1', deliveredAt: '2026-06-25T10:00:00Z' });
    const e = (await agent.client.data(ELIG, { p: first.id })).returnEligibility;
    expect(e).toMatchObject({ withdrawalPossible: true, withdrawalDeadlineAt: '2026-07-10T00:00:00.000Z' });
  });

  it('the 12-month extension when the customer was not informed', async () => {
    const model = await server.fixtures.productModel({ category: 'Uninformed' });
    await supervisor.client.data(POLICY, {
      i: { name: 'Uninformed sales', priority: 5, categories: ['Uninformed'], withdrawalInformed: false, windowDays: 14 },
    });
    const c = await customerIn('UTC');
    const p = await server.fixtures.purchase({
      customerId: c.id,
      modelId: model.id,
      deliveredAt: '2026-03-01T10:00:00Z',
      purchasedAt: '2026-02-27T10:00:00Z',
    });
    const e = (await agent.client.data(ELIG, { p: p.id })).returnEligibility;
    expect(e).toMatchObject({ withdrawalPossible: true, legalBasis: 'WITHDRAWAL', withdrawalDeadlineAt: '2027-03-16T00:00:00.000Z' });
    expect(e.explanation).toContain('12 months');
  });

  it('a customer withdraws through the withdrawal function: acknowledgement mail, no restocking fee, only the justified deduction, delivery refunded', async () => {
    const session = await server.signInCustomer();
    const customerId = session.id;
    const p = await buy({ customerId, deliveredAt: '2026-06-28T10:00:00Z', priceMinor: 10000 });
    // A policy with a restocking fee for everything: it must not touch a withdrawal.
    const unconfirmed = await session.client.request(WITHDRAW, { i: { purchaseIds: [p.id], details: 'Order 991', confirmed: false } });
    expect(errorCodes(unconfirmed)).toEqual(['VALIDATION_FAILED']);
    const w = (await session.client.data(WITHDRAW, { i: { purchaseIds: [p.id], details: 'Order 991', confirmed: true } }))
      .withdrawFromContract;
    expect(w).toMatchObject({ withdrawal: true, status: 'REQUESTED', lines: [{ purchaseId: p.id, legalBasis: 'WITHDRAWAL' }] });
    expect(w.withdrawalAcknowledgement).toContain('Order 991');
    const mail = await server.waitForMessage(session.email);
    expect(mail.subject).toContain('withdrawal');
    expect(mail.text).toContain(w.reference);

    const inspected = await toInspectedExisting(w.id, {
      diminishedValueMinor: 500,
      diminishedValueReason: 'Scratches from use beyond testing',
    });
    expect(inspected.status).toBe('INSPECTED');
    const resolved = (
      await agent.client.data(RESOLVE, { i: { id: w.id, method: 'ORIGINAL', idempotencyKey: 'wd-1', deliveryCostMinor: 499 } })
    ).resolveReturn;
    expect(resolved.status).toBe('REFUNDED');
    // The customer hears of each step, in their language: approved (with the send-back date), received, refund issued.
    await eventually(() => server.messages.find((m) => m.to === session.email && m.subject.startsWith('Refund of 99.99 EUR')));
    const subjects = server.messages.filter((m) => m.to === session.email).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([`Your return ${w.reference} is approved`, `We received the item of return ${w.reference}`]),
    );
    expect(resolved.refunds[0].breakdown).toMatchObject({
      deliveryRefundMinor: 499,
      returnShippingMinor: 0,
      totalMinor: 10000 - 500 + 499,
      lines: [{ restockingFeeMinor: 0, diminishedValueMinor: 500, amountMinor: 9500 }],
    });
    // Same key, same parameters: the same refund, nothing new.
    const again = (
      await agent.client.data(RESOLVE, { i: { id: w.id, method: 'ORIGINAL', idempotencyKey: 'wd-1', deliveryCostMinor: 499 } })
    ).resolveReturn;
    expect(again.refunds).toHaveLength(1);
    // Same key, another amount: a coded error naming the key.
    const other = await agent.client.request(RESOLVE, {
      i: { id: w.id, method: 'ORIGINAL', idempotencyKey: 'wd-1', deliveryCostMinor: 999 },
    });
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    const paid = (await agent.client.data(RESULT, { i: { refundId: resolved.refunds[0].id, paid: true, paymentReference: 'PAY-1' } }))
      .recordRefundResult;
    expect(paid.status).toBe('PAID');
    expect((await agent.client.data(GET, { id: w.id })).returnRequest.status).toBe('CLOSED');
    const events: Array<{ type: string }> = await server.app.dataSource.query(`SELECT type FROM event_outbox WHERE aggregate_id = $1`, [
      w.id,
    ]);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['returns.return.requested', 'returns.return.refunded', 'returns.return.closed']),
    );
  });

  it('a commercial return pays the restocking fee and flat return shipping; a deduction for diminished value is refused on it', async () => {
    const model = await server.fixtures.productModel({ category: 'Furniture' });
    await supervisor.client.data(POLICY, {
      i: {
        name: 'Furniture',
        priority: 10,
        categories: ['Furniture'],
        windowDays: 30,
        restockingFeePercent: 10,
        restockingFeeMinMinor: 1000,
        returnShipping: 'FLAT_FEE',
        returnShippingFeeMinor: 300,
        refundMethods: ['ORIGINAL', 'STORE_CREDIT'],
      },
    });
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, modelId: model.id, channel: 'store', priceMinor: 20000, deliveredAt: '2026-06-25T10:00:00Z' });
    const req = (
      await agent.client.data(REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind') }] } })
    ).requestReturn;
    expect(req.lines[0].legalBasis).toBe('COMMERCIAL');
    await agent.client.data(APPROVE, { id: req.id });
    const rec = (await agent.client.data(RECEIVE, { i: { id: req.id, lines: [{ lineId: req.lines[0].id, quantityReceived: 1 }] } }))
      .receiveReturn;
    const refused = await agent.client.request(INSPECT, {
      i: {
        lineId: rec.lines[0].id,
        conditionGrade: 'USED',
        disposition: 'REFURBISH',
        diminishedValueMinor: 100,
        diminishedValueReason: 'x',
      },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    await agent.client.data(INSPECT, { i: { lineId: rec.lines[0].id, conditionGrade: 'USED', disposition: 'REFURBISH' } });
    const exchange = await agent.client.request(RESOLVE, {
      i: { id: req.id, method: 'EXCHANGE', idempotencyKey: 'c-0', exchangeModelId: model.id },
    });
    expect(errorCodes(exchange)).toEqual(['VALIDATION_FAILED']); // the policy offers no exchange
    const done = (await agent.client.data(RESOLVE, { i: { id: req.id, method: 'ORIGINAL', idempotencyKey: 'c-1' } })).resolveReturn;
    expect(done.refunds[0].breakdown).toMatchObject({
      totalMinor: 20000 - 2000 - 300,
      returnShippingMinor: 300,
      lines: [{ restockingFeeMinor: 2000, diminishedValueMinor: 0 }],
    });
  });

  it('refuses every illegal move with INVALID_TRANSITION and changes nothing', async () => {
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const req = (
      await agent.client.data(REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind') }] } })
    ).requestReturn;
    expect(req.allowedTransitions).toEqual(['APPROVED', 'DECLINED', 'CANCELLED']);
    const receive = await agent.client.request(RECEIVE, { i: { id: req.id, lines: [{ lineId: req.lines[0].id, quantityReceived: 1 }] } });
    expect(errorCodes(receive)).toEqual(['INVALID_TRANSITION']);
    const resolve = await agent.client.request(RESOLVE, { i: { id: req.id, method: 'ORIGINAL', idempotencyKey: 'ill-1' } });
    expect(errorCodes(resolve)).toEqual(['INVALID_TRANSITION']);
    const close = await agent.client.request(`mutation($id: ID!) { closeReturn(id: $id) { id } }`, { id: req.id });
    expect(errorCodes(close)).toEqual(['INVALID_TRANSITION']);
    await agent.client.data(`mutation($i: DeclineReturnInput!) { declineReturn(input: $i) { id status } }`, {
      i: { id: req.id, reason: 'OTHER', note: 'Not ours' },
    });
    const approve = await agent.client.request(APPROVE, { id: req.id });
    expect(errorCodes(approve)).toEqual(['INVALID_TRANSITION']);
    const cancel = await agent.client.request(`mutation($id: ID!) { cancelReturn(id: $id) { id } }`, { id: req.id });
    expect(errorCodes(cancel)).toEqual(['INVALID_TRANSITION']);
    expect((await agent.client.data(GET, { id: req.id })).returnRequest.status).toBe('DECLINED');
    // Received items cannot be cancelled any more.
    const d = await buy({ customerId: c.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const r2 = await toInspected(c.id, [d.id]);
    const late = await agent.client.request(`mutation($id: ID!) { cancelReturn(id: $id) { id } }`, { id: r2.id });
    expect(errorCodes(late)).toEqual(['INVALID_TRANSITION']);
  });

  it('the return slip is a PDF with the reference, for the customer’s own return only', async () => {
    const a = await server.signInCustomer();
    const b = await server.signInCustomer();
    const p = await buy({ customerId: a.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const mine = (await a.client.data(REQUEST_MY, { i: { lines: [{ purchaseId: p.id, reasonId: reason('wrong_size') }] } }))
      .requestMyReturn;
    const SLIP = `query($id: ID!) { myReturnSlip(id: $id) { fileName contentType contentBase64 } }`;
    expect(errorCodes(await a.client.request(SLIP, { id: mine.id }))).toEqual(['CONFLICT']); // not approved yet
    await agent.client.data(APPROVE, { id: mine.id });
    const slip = (await a.client.data(SLIP, { id: mine.id })).myReturnSlip;
    expect(slip).toMatchObject({ contentType: 'application/pdf', fileName: `return-slip-${mine.reference}.pdf` });
    const pdf = Buffer.from(slip.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(`Return slip ${mine.reference}`);
    expect(errorCodes(await b.client.request(SLIP, { id: mine.id }))).toEqual(['NOT_FOUND']);
  });

  it('keep-the-item below the threshold skips the shipping states; store credit emits the event loyalty acts on', async () => {
    const model = await server.fixtures.productModel({ category: 'Accessories' });
    await supervisor.client.data(POLICY, {
      i: {
        name: 'Cheap accessories',
        priority: 20,
        categories: ['Accessories'],
        keepItemBelowMinor: 1000,
        refundMethods: ['ORIGINAL', 'STORE_CREDIT'],
      },
    });
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, modelId: model.id, channel: 'store', priceMinor: 799, deliveredAt: '2026-06-28T10:00:00Z' });
    const req = (
      await agent.client.data(REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind') }] } })
    ).requestReturn;
    expect(req.keepItem).toBe(true);
    const approved = (await agent.client.data(APPROVE, { id: req.id })).approveReturn;
    expect(approved).toMatchObject({ status: 'APPROVED', sendBackBy: null });
    const credited = (await agent.client.data(RESOLVE, { i: { id: req.id, method: 'STORE_CREDIT', idempotencyKey: 'keep-1' } }))
      .resolveReturn;
    expect(credited.status).toBe('CREDITED');
    expect(credited.refunds[0]).toMatchObject({ method: 'STORE_CREDIT', amountMinor: 799, status: 'ISSUED' });
    const closed = (await agent.client.data(`mutation($id: ID!) { closeReturn(id: $id) { status } }`, { id: req.id })).closeReturn;
    expect(closed.status).toBe('CLOSED');
    const [refunded] = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE aggregate_id = $1 AND type = 'returns.return.refunded'`,
      [req.id],
    );
    expect(refunded.payload).toMatchObject({
      method: 'store-credit',
      amountMinor: 799,
      currency: 'EUR',
      customerId: c.id,
      purchaseId: p.id,
    });
  });

  it('privacy: the export holds the customer’s returns, anonymisation removes what they wrote; the timeline shows the return', async () => {
    const admin = await server.signInStaff(['Administrator']);
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const req = (
      await agent.client.data(REQUEST, {
        i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('wrong_size'), comment: 'Too small for Juan Pérez' }] },
      })
    ).requestReturn;
    const timeline = await admin.client.data(`query($id: ID!) { customerTimeline(customerId: $id) { items { kind title } } }`, {
      id: c.id,
    });
    expect(JSON.stringify(timeline)).toContain(req.reference);
    const exported = (await admin.client.data(`query($id: ID!) { exportCustomerData(customerId: $id) }`, { id: c.id })).exportCustomerData;
    expect(exported.plugins['returns.returns'].returns[0]).toMatchObject({
      reference: req.reference,
      lines: [{ comment: 'Too small for Juan Pérez' }],
    });
    await admin.client.data(`mutation($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: c.id });
    const [line] = await server.app.dataSource.query(`SELECT comment, legal_basis, price_minor FROM returns_line WHERE request_id = $1`, [
      req.id,
    ]);
    expect(line).toMatchObject({ comment: null, legal_basis: 'withdrawal' });
  });

  it('four-eyes: a refund above the threshold waits for a second person', async () => {
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, priceMinor: 80000, deliveredAt: '2026-06-28T10:00:00Z' });
    const req = await toInspected(c.id, [p.id]);
    const proposed = (await supervisor.client.data(RESOLVE, { i: { id: req.id, method: 'ORIGINAL', idempotencyKey: 'big-1' } }))
      .resolveReturn;
    expect(proposed.status).toBe('INSPECTED');
    expect(proposed.refunds[0]).toMatchObject({ status: 'PENDING_APPROVAL', amountMinor: 80000 });
    const refundId = proposed.refunds[0].id;
    expect(errorCodes(await agent.client.request(APPROVE_REFUND, { id: refundId }))).toEqual(['FORBIDDEN']); // no permission
    expect(errorCodes(await supervisor.client.request(APPROVE_REFUND, { id: refundId }))).toEqual(['FORBIDDEN']); // own proposal
    const approved = (await supervisor2.client.data(APPROVE_REFUND, { id: refundId })).approveReturnRefund;
    expect(approved.status).toBe('REFUNDED');
    expect(approved.refunds[0].status).toBe('ISSUED');
  });

  it('concurrent inspection of one line: one wins, the other gets CONFLICT', async () => {
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const req = (
      await agent.client.data(REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind') }] } })
    ).requestReturn;
    await agent.client.data(APPROVE, { id: req.id });
    const rec = (
      await agent.client.data(RECEIVE, {
        i: { id: req.id, lines: [{ lineId: req.lines[0].id, quantityReceived: 1, returnedSerial: 'OTHER-SERIAL' }] },
      })
    ).receiveReturn;
    const line = rec.lines[0];
    expect(line.serialMatches).toBe(false);
    const [a, b] = await Promise.all([
      agent.client.request(INSPECT, {
        i: { lineId: line.id, expectedVersion: line.version, conditionGrade: 'NEW', disposition: 'RESTOCK' },
      }),
      supervisor.client.request(INSPECT, {
        i: { lineId: line.id, expectedVersion: line.version, conditionGrade: 'DAMAGED', disposition: 'SCRAP' },
      }),
    ]);
    expect([...errorCodes(a), ...errorCodes(b)]).toEqual(['CONFLICT']);
    const after = (await agent.client.data(GET, { id: req.id })).returnRequest;
    expect(after.lines[0].version).toBe(line.version + 1);
    expect(after.abuseSignals.map((s: { code: string }) => s.code)).toContain('serial_mismatch');
  });

  it('a defect reason makes the line a non-conformity and reports it for the warranty plugin', async () => {
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, channel: 'store', deliveredAt: '2026-01-10T10:00:00Z' });
    const req = (await agent.client.data(REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('defect') }] } }))
      .requestReturn;
    expect(req.lines[0].legalBasis).toBe('NON_CONFORMITY');
    const events: Array<{ type: string; payload: Record<string, unknown> }> = await server.app.dataSource.query(
      `SELECT type, payload FROM event_outbox WHERE aggregate_id = $1 AND type = 'returns.line.nonconformity-reported'`,
      [req.id],
    );
    expect(events[0]!.payload).toMatchObject({
      returnId: req.id,
      returnLineId: req.lines[0].id,
      purchaseId: p.id,
      customerId: c.id,
      reason: 'defect',
    });
    // Staff may change the basis, with a note.
    const changed = (
      await agent.client.data(
        `mutation($i: ChangeReturnLineBasisInput!) { changeReturnLineBasis(input: $i) { legalBasis basisExplanation } }`,
        {
          i: { lineId: req.lines[0].id, legalBasis: 'COMMERCIAL', note: 'Customer damaged it; goodwill' },
        },
      )
    ).changeReturnLineBasis;
    expect(changed).toMatchObject({ legalBasis: 'COMMERCIAL' });
    expect(changed.basisExplanation).toContain('goodwill');
  });

  it('customer isolation on every customer operation', async () => {
    const a = await server.signInCustomer();
    const b = await server.signInCustomer();
    const [aId, bId] = [a.id, b.id];
    const pa = await buy({ customerId: aId, deliveredAt: '2026-06-28T10:00:00Z' });
    const pb = await buy({ customerId: bId, deliveredAt: '2026-06-28T10:00:00Z' });
    const mine = (await a.client.data(REQUEST_MY, { i: { lines: [{ purchaseId: pa.id, reasonId: reason('wrong_size') }] } }))
      .requestMyReturn;
    expect(mine.lines[0].purchaseId).toBe(pa.id);
    expect(errorCodes(await b.client.request(MY_RETURN, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await b.client.request(CANCEL_MY, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await b.client.request(MY_ELIG, { p: pa.id }))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await b.client.request(REQUEST_MY, { i: { lines: [{ purchaseId: pa.id, reasonId: reason('wrong_size') }] } })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await b.client.request(WITHDRAW, { i: { purchaseIds: [pa.id], confirmed: true } }))).toEqual(['NOT_FOUND']);
    expect((await b.client.data(MY_RETURNS)).myReturns.totalCount).toBe(0);
    expect((await b.client.data(MY_ELIG, { p: pb.id })).myReturnEligibility.eligible).toBe(true);
    // Customers never reach staff operations.
    expect(errorCodes(await b.client.request(`{ returnRequests { totalCount } }`))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await b.client.request(GET, { id: mine.id }))).toEqual(['FORBIDDEN']);
    // The owner can cancel before receipt.
    expect((await a.client.data(CANCEL_MY, { id: mine.id })).cancelMyReturn.status).toBe('CANCELLED');
    expect((await a.client.data(MY_RETURNS)).myReturns.totalCount).toBe(1);
  });

  it('hostile input gets coded errors naming the field, never INTERNAL', async () => {
    const c = await customerIn('UTC');
    const p = await buy({ customerId: c.id, deliveredAt: '2026-06-28T10:00:00Z' });
    const cases: Array<[string, Record<string, unknown>]> = [
      [REQUEST, { i: { customerId: c.id, lines: [] } }],
      [REQUEST, { i: { customerId: 'not-a-uuid', lines: [{ purchaseId: p.id, reasonId: reason('changed_mind') }] } }],
      [REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: 'nope', reasonId: reason('changed_mind') }] } }],
      [REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: 'x\u0000y' }] } }],
      [REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind'), quantity: 2147483647 }] } }],
      [REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: reason('changed_mind'), comment: 'x'.repeat(5000) }] } }],
      [REQUEST, { i: { customerId: c.id, lines: [{ purchaseId: p.id }] } }],
      [POLICY, { i: { name: 'Bad', restockingFeePercent: 1000 } }],
      [POLICY, { i: { name: '   ' } }],
      [POLICY, { i: { name: 'Bad', windowDays: -5 } }],
      [RESOLVE, { i: { id: 'nope', method: 'ORIGINAL', idempotencyKey: '' } }],
      [RESOLVE, { i: { id: p.id, method: 'ORIGINAL', idempotencyKey: 'k', deliveryCostMinor: -1 } }],
      [INSPECT, { i: { lineId: 'nope', conditionGrade: 'NEW', disposition: 'RESTOCK', diminishedValueMinor: 1e15 } }],
      [RESULT, { i: { refundId: '00000000-0000-0000-0000-000000000000', paid: true } }],
      [GET, { id: 12345 }],
    ];
    for (const [query, variables] of cases) {
      const codes = errorCodes(await supervisor.client.request(query, variables));
      expect(codes.length, JSON.stringify(variables).slice(0, 120)).toBeGreaterThan(0);
      expect(codes).not.toContain('INTERNAL');
    }
    expect(
      (await agent.client.data(`query($c: ID) { returnRequests(customerId: $c) { totalCount } }`, { c: c.id })).returnRequests.totalCount,
    ).toBe(0);
  });

  it('metrics against hand-computed fixtures', async () => {
    const res = await supervisor.client.data(
      `query($f: DateTimeISO!, $t: DateTimeISO!) { metrics(names: ["returns.exchange_share", "returns.withdrawal_refund_on_time"], from: $f, to: $t, interval: month) { metric { name } points { value sampleSize } } }`,
      { f: '2026-07-01T00:00:00Z', t: '2026-08-01T00:00:00Z' },
    );
    const by = Object.fromEntries(res.metrics.map((s: { metric: { name: string }; points: unknown[] }) => [s.metric.name, s.points]));
    // Resolutions so far: the withdrawal, the furniture refund and the four-eyes refund (original), the kept accessory (store credit): no exchange.
    expect(by['returns.exchange_share']).toEqual([{ value: 0, sampleSize: 4 }]);
    // One withdrawal refund paid, on its first day: 100 % on time.
    expect(by['returns.withdrawal_refund_on_time']).toEqual([{ value: 100, sampleSize: 1 }]);
  });

  it('the withdrawal refund deadline runs as an SLA clock that warns, then breaches', async () => {
    const session = await server.signInCustomer();
    const p = await buy({ customerId: session.id, deliveredAt: '2026-06-30T10:00:00Z' });
    const w = (await session.client.data(WITHDRAW, { i: { purchaseIds: [p.id], confirmed: true } })).withdrawFromContract;
    const clockOf = async () =>
      (await agent.client.data(`query($id: ID!) { returnRequest(id: $id) { refundDueAt refundDeadline { policyName } } }`, { id: w.id }))
        .returnRequest;
    expect((await clockOf()).refundDeadline.policyName).toContain('14 days');
    const alerts = async () =>
      (
        await server.app.dataSource.query(
          `SELECT type FROM event_outbox WHERE type IN ('core.sla.warning', 'core.sla.breached') AND payload->>'subjectId' = $1 ORDER BY occurred_at`,
          [w.id],
        )
      ).map((e: { type: string }) => e.type);
    await server.advanceClock(11.5 * 86_400_000); // 72 h warning lead before day 14
    await eventually(
      async () => {
        expect(await alerts()).toEqual(['core.sla.warning']);
        return true;
      },
      { timeoutMs: 20_000 },
    );
    await server.advanceClock(3 * 86_400_000);
    await eventually(
      async () => {
        expect(await alerts()).toEqual(['core.sla.warning', 'core.sla.breached']);
        return true;
      },
      { timeoutMs: 20_000 },
    );
    const overdue = await agent.client.data(`{ returnRequests(view: "overdue_refund") { items { id } } }`);
    expect(overdue.returnRequests.items.map((i: { id: string }) => i.id)).toContain(w.id);
  });
});

async function toInspectedExisting(id: string, inspect: Record<string, unknown>) {
  await agent.client.data(APPROVE, { id });
  const req = (await agent.client.data(GET, { id })).returnRequest;
  const rec = (
    await agent.client.data(RECEIVE, { i: { id, lines: req.lines.map((l: { id: string }) => ({ lineId: l.id, quantityReceived: 1 })) } })
  ).receiveReturn;
  for (const l of rec.lines)
    await agent.client.data(INSPECT, { i: { lineId: l.id, conditionGrade: 'USED', disposition: 'RESTOCK', ...inspect } });
  return (await agent.client.data(GET, { id })).returnRequest;
}
