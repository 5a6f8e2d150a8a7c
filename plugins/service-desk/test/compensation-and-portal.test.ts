import { errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskAttachmentStorage } from '../src/index.js';
import { createCase, deskServer, testClock, waitForMail } from './helpers.js';

const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let storageDir: string;
let agent: TestSession;
let colleague: TestSession;
let supervisor: TestSession;
let customer: TestSession;

const PROPOSE = `mutation($input: ProposeCompensationInput!) { proposeCompensation(input: $input) { id status valueMinor currency proposedById } }`;
const DECIDE = `mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) { id status decidedById decisionReason } }`;

let keySeq = 0;
const proposal = (caseId: string, valueMinor: number, extra: Record<string, unknown> = {}) => ({
  input: {
    caseId,
    type: 'REFUND',
    valueMinor,
    currency: 'EUR',
    description: 'Refund of the kettle',
    idempotencyKey: `key-${++keySeq}-abcdef`,
    ...extra,
  },
});

beforeAll(async () => {
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-attachments-'));
  server = await deskServer(clock, { storage: new DiskAttachmentStorage(storageDir) });
  agent = await server.signInStaff(['Agent']);
  colleague = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  customer = await server.signInCustomer();
});
afterAll(async () => {
  await server?.stop();
  await fs.rm(storageDir, { recursive: true, force: true });
});

describe('four-eyes compensation', () => {
  let claim: { id: string };
  beforeAll(async () => {
    claim = await createCase(agent.client, { customerId: customer.id, kind: 'CLAIM', subject: 'Broken on arrival' });
  });

  it('refuses the proposer approving their own proposal', async () => {
    const p = (await agent.client.data(PROPOSE, proposal(claim.id, 2500))).proposeCompensation;
    expect(p).toMatchObject({ status: 'PROPOSED', proposedById: agent.id });
    const self = await agent.client.request(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'fine' } });
    expect(errorCodes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors![0]!.extensions!.rule).toBe('separationOfDuties');
    const ok = await colleague.client.data(DECIDE, {
      input: { compensationId: p.id, decision: 'APPROVE', reason: 'Arrived broken, photo attached' },
    });
    expect(ok.decideCompensation).toMatchObject({ status: 'APPROVED', decidedById: colleague.id });
    const [event] = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE type = 'service-desk.compensation.approved' AND aggregate_id = $1`,
      [p.id],
    );
    expect(event.payload).toMatchObject({
      caseId: claim.id,
      customerId: customer.id,
      valueMinor: 2500,
      currency: 'EUR',
      approvedBy: colleague.id,
    });
    const audit = await server.app.dataSource.query(`SELECT action, actor_id FROM audit_event WHERE object_id = $1 ORDER BY occurred_at`, [
      p.id,
    ]);
    expect(audit).toEqual([
      { action: 'compensation.propose', actor_id: agent.id },
      { action: 'compensation.approve', actor_id: colleague.id },
    ]);
  });

  it('needs a supervisor above the threshold', async () => {
    const p = (await agent.client.data(PROPOSE, proposal(claim.id, 15000))).proposeCompensation;
    const agentTry = await colleague.client.request(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'ok' } });
    expect(errorCodes(agentTry)).toEqual(['FORBIDDEN']);
    expect(agentTry.errors![0]!.extensions!.permission).toBe('service-desk.compensation.approve-high');
    const boss = await supervisor.client.data(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'Loyal customer' } });
    expect(boss.decideCompensation.status).toBe('APPROVED');
    // Rejecting needs no threshold authority, still four eyes.
    const q = (await agent.client.data(PROPOSE, proposal(claim.id, 50000))).proposeCompensation;
    const rejected = await colleague.client.data(DECIDE, { input: { compensationId: q.id, decision: 'REJECT', reason: 'Out of policy' } });
    expect(rejected.decideCompensation).toMatchObject({ status: 'REJECTED', decisionReason: 'Out of policy' });
  });

  it('needs a supervisor for a value in another currency than the threshold', async () => {
    const p = (await agent.client.data(PROPOSE, proposal(claim.id, 500, { currency: 'USD' }))).proposeCompensation;
    const agentTry = await colleague.client.request(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'ok' } });
    expect(errorCodes(agentTry)).toEqual(['FORBIDDEN']);
    expect(agentTry.errors![0]!.extensions!.rule).toBe('approvalThreshold');
    // Once the threshold is kept in dollars, the same small value is within an agent's authority.
    await supervisor.client.data(`mutation { updateServiceDeskSettings(input: { compensationCurrency: "USD" }) { compensationCurrency } }`);
    try {
      const ok = await colleague.client.data(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'ok' } });
      expect(ok.decideCompensation.status).toBe('APPROVED');
    } finally {
      await supervisor.client.data(
        `mutation { updateServiceDeskSettings(input: { compensationCurrency: "EUR" }) { compensationCurrency } }`,
      );
    }
  });

  it('lets only one of two concurrent approvals win', async () => {
    const p = (await agent.client.data(PROPOSE, proposal(claim.id, 3000))).proposeCompensation;
    const results = await Promise.all(
      [colleague, supervisor].map((s) => s.client.request(DECIDE, { input: { compensationId: p.id, decision: 'APPROVE', reason: 'ok' } })),
    );
    const codes = results.map(errorCodes);
    expect(codes.filter((c) => c.length === 0)).toHaveLength(1);
    expect(codes.flat()).toEqual(['CONFLICT']);
    const events = await server.app.dataSource.query(
      `SELECT 1 FROM event_outbox WHERE type = 'service-desk.compensation.approved' AND aggregate_id = $1`,
      [p.id],
    );
    expect(events).toHaveLength(1);
  });

  it('is idempotent by key, and refuses reusing a key for another proposal', async () => {
    const input = proposal(claim.id, 1000);
    const [a, b] = await Promise.all([agent.client.data(PROPOSE, input), agent.client.data(PROPOSE, input)]);
    expect(a.proposeCompensation.id).toBe(b.proposeCompensation.id);
    const again = await agent.client.data(PROPOSE, input);
    expect(again.proposeCompensation.id).toBe(a.proposeCompensation.id);
    const reused = await agent.client.request(PROPOSE, { input: { ...input.input, valueMinor: 999 } });
    expect(errorCodes(reused)).toEqual(['CONFLICT']);
    const rows = await server.app.dataSource.query(`SELECT 1 FROM service_desk_compensation WHERE idempotency_key = $1`, [
      input.input.idempotencyKey,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('applies only to claims, and refuses bad amounts before writing', async () => {
    const complaint = await createCase(agent.client, { customerId: customer.id });
    expect(errorCodes(await agent.client.request(PROPOSE, proposal(complaint.id, 100)))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await agent.client.request(PROPOSE, proposal(claim.id, -5)))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await agent.client.request(PROPOSE, proposal(claim.id, 5, { currency: 'euro' })))).toEqual(['VALIDATION_FAILED']);
    const analyst = await server.signInStaff(['Analyst']);
    expect(errorCodes(await analyst.client.request(PROPOSE, proposal(claim.id, 100)))).toEqual(['FORBIDDEN']);
  });
});

describe('customer portal', () => {
  let alice: TestSession;
  let bob: TestSession;
  let aliceCase: { id: string; reference: string };
  let bobCase: { id: string; reference: string };

  beforeAll(async () => {
    alice = await server.signInCustomer();
    bob = await server.signInCustomer();
    const submit = `mutation($input: SubmitCaseInput!) { submitCase(input: $input) { id reference status kind } }`;
    aliceCase = (
      await alice.client.data(submit, { input: { kind: 'INQUIRY', subject: 'Warranty length', description: 'How long is it?' } })
    ).submitCase;
    bobCase = (await bob.client.data(submit, { input: { kind: 'CLAIM', subject: 'Dented box', description: 'Refund please' } })).submitCase;
    await agent.client.data(`mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`, {
      input: { caseId: aliceCase.id, body: 'INTERNAL: customer called twice' },
    });
  });

  it('lists only your own cases, without internal notes', async () => {
    const mine = await alice.client.data(`{ myCases { totalCount items { id reference messages { body } } } }`);
    expect(mine.myCases.totalCount).toBe(1);
    expect(mine.myCases.items[0].id).toBe(aliceCase.id);
    expect(JSON.stringify(mine)).not.toContain('INTERNAL');
    const ack = await waitForMail(server, alice.email, /received your request/);
    expect(ack.subject).toContain(aliceCase.reference);
  });

  it("never reaches another customer's case, whichever id is swapped in", async () => {
    const read = await alice.client.request(`query($id: ID!) { myCase(id: $id) { id subject } }`, { id: bobCase.id });
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    const reply = await alice.client.request(`mutation($input: ReplyToMyCaseInput!) { replyToMyCase(input: $input) { id } }`, {
      input: { caseId: bobCase.id, body: 'mine now' },
    });
    expect(errorCodes(reply)).toEqual(['NOT_FOUND']);
    const bobMessages = await agent.client.data(`query($id: ID!) { case(id: $id) { messages { body } } }`, { id: bobCase.id });
    expect(bobMessages.case.messages).toEqual([]);
    // Staff operations are closed to customers.
    expect(errorCodes(await alice.client.request(`query($id: ID!) { case(id: $id) { id } }`, { id: aliceCase.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await alice.client.request(`{ cases { totalCount } }`))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.client.request(`{ myCases { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await agent.client.request(`{ myCases { totalCount } }`))).toEqual(['FORBIDDEN']);
  });

  it('lets the customer answer; a waiting case opens again', async () => {
    await agent.client.data(`mutation($id: ID!) { changeCaseStatus(id: $id, status: WAITING_ON_CUSTOMER) { status } }`, {
      id: aliceCase.id,
    });
    const status = await waitForMail(server, alice.email, /is now waiting for your answer/);
    expect(status.subject).toContain(aliceCase.reference);
    await alice.client.data(`mutation($input: ReplyToMyCaseInput!) { replyToMyCase(input: $input) { fromSupport body } }`, {
      input: { caseId: aliceCase.id, body: 'Any news?' },
    });
    const mine = await alice.client.data(`query($id: ID!) { myCase(id: $id) { status messages { fromSupport body } } }`, {
      id: aliceCase.id,
    });
    expect(mine.myCase).toEqual({ status: 'OPEN', messages: [{ fromSupport: false, body: 'Any news?' }] });
  });

  it('answers in the customer’s language', async () => {
    const row = await server.fixtures.customer({ name: 'Lucía', email: 'lucia@example.com', locale: 'es-ES' });
    await createCase(agent.client, { customerId: row.id });
    const ack = await waitForMail(server, 'lucia@example.com', /SD-/);
    expect(ack.subject).toMatch(/^Hemos recibido su solicitud SD-\d+$/);
  });

  it('lets customers close and reopen only their own requests, and shows decided compensations and the status history', async () => {
    const submit = `mutation($input: SubmitCaseInput!) { submitCase(input: $input) { id description } }`;
    const described = (
      await alice.client.data(submit, {
        input: { kind: 'INQUIRY', subject: 'Hours', description: 'When are you open?', productDescription: 'Old radio bought at a fair' },
      })
    ).submitCase;
    expect(described.description).toBe('When are you open?\n\nProduct: Old radio bought at a fair');

    const CLOSE = `mutation($id: ID!) { closeMyCase(id: $id) { status statusHistory { status } } }`;
    const REOPEN = `mutation($id: ID!) { reopenMyCase(id: $id) { status reopenableUntil } }`;
    expect(errorCodes(await bob.client.request(CLOSE, { id: described.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await bob.client.request(REOPEN, { id: described.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await agent.client.request(CLOSE, { id: described.id }))).toEqual(['FORBIDDEN']);

    // A resolved request can be reopened by its customer within the window, then closed for good
    // (the clock moves between steps, so the history has an order).
    clock.advanceMinutes(5);
    await agent.client.data(`mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { status } }`, {
      input: { caseId: described.id, outcome: 'NO_ACTION', note: 'Answered by phone.' },
    });
    const resolved = (await alice.client.data(`query($id: ID!) { myCase(id: $id) { status reopenableUntil } }`, { id: described.id }))
      .myCase;
    expect(resolved.status).toBe('RESOLVED');
    expect(new Date(resolved.reopenableUntil).getTime()).toBeGreaterThan(clock.now().getTime());
    clock.advanceMinutes(5);
    const reopened = (await alice.client.data(REOPEN, { id: described.id })).reopenMyCase;
    expect(reopened).toEqual({ status: 'OPEN', reopenableUntil: null });
    clock.advanceMinutes(5);
    const closed = (await alice.client.data(CLOSE, { id: described.id })).closeMyCase;
    expect(closed.status).toBe('CLOSED');
    expect(closed.statusHistory.map((h: { status: string }) => h.status)).toEqual(['NEW', 'RESOLVED', 'OPEN', 'RESOLVED', 'CLOSED']);
    expect(errorCodes(await alice.client.request(CLOSE, { id: described.id }))).toEqual(['CONFLICT']);
    expect(errorCodes(await alice.client.request(REOPEN, { id: described.id }))).toEqual(['INVALID_TRANSITION']);
    const reply = await alice.client.request(`mutation($input: ReplyToMyCaseInput!) { replyToMyCase(input: $input) { id } }`, {
      input: { caseId: described.id, body: 'One more thing' },
    });
    expect(errorCodes(reply)).toEqual(['CONFLICT']);

    // Only decided compensations reach the customer.
    const proposed = (await agent.client.data(PROPOSE, proposal(bobCase.id, 1500))).proposeCompensation;
    const MINE = `query($id: ID!) { myCase(id: $id) { compensations { status valueMinor currency decisionReason } } }`;
    expect((await bob.client.data(MINE, { id: bobCase.id })).myCase.compensations).toEqual([]);
    await supervisor.client.data(DECIDE, { input: { compensationId: proposed.id, decision: 'APPROVE', reason: 'Dented on delivery' } });
    expect((await bob.client.data(MINE, { id: bobCase.id })).myCase.compensations).toEqual([
      { status: 'APPROVED', valueMinor: 1500, currency: 'EUR', decisionReason: 'Dented on delivery' },
    ]);
    expect(errorCodes(await alice.client.request(MINE, { id: bobCase.id }))).toEqual(['NOT_FOUND']);
  });
});

describe('attachments', () => {
  const ADD = `mutation($input: AddCaseAttachmentInput!) { addCaseAttachment(input: $input) { id fileName sizeBytes contentType } }`;

  it('stores files on disk within the size and type limits', async () => {
    const c = await createCase(agent.client, { customerId: customer.id });
    const bytes = Buffer.from('%PDF-1.4 receipt');
    const added = (
      await agent.client.data(ADD, {
        input: { caseId: c.id, fileName: '../../receipt.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') },
      })
    ).addCaseAttachment;
    expect(added).toMatchObject({ fileName: 'receipt.pdf', sizeBytes: bytes.length });
    const back = await agent.client.data(`query($id: ID!) { caseAttachmentContent(id: $id) { contentBase64 } }`, { id: added.id });
    expect(Buffer.from(back.caseAttachmentContent.contentBase64, 'base64').equals(bytes)).toBe(true);
    const files = await fs.readdir(path.join(storageDir, 'cases', c.id));
    expect(files).toHaveLength(1);

    const exe = await agent.client.request(ADD, {
      input: { caseId: c.id, fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: bytes.toString('base64') },
    });
    expect(errorCodes(exe)).toEqual(['VALIDATION_FAILED']);
    // The type is judged by the bytes, not the claim: an executable declared as a PDF or an image is refused.
    const windowsExe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
    for (const [contentType, bytes2] of [
      ['application/pdf', windowsExe],
      ['image/png', Buffer.from('%PDF-1.4 not an image')],
      ['text/plain', Buffer.from([0x00, 0xff, 0xfe, 0x00])],
    ] as const) {
      const disguised = await agent.client.request(ADD, {
        input: { caseId: c.id, fileName: 'disguised', contentType, contentBase64: bytes2.toString('base64') },
      });
      expect(errorCodes(disguised), contentType).toEqual(['VALIDATION_FAILED']);
      expect(disguised.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'contentBase64' })]);
    }
    await supervisor.client.data(`mutation { updateServiceDeskSettings(input: { attachmentMaxBytes: 10 }) { attachmentMaxBytes } }`);
    const big = await agent.client.request(ADD, {
      input: { caseId: c.id, fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') },
    });
    expect(errorCodes(big)).toEqual(['VALIDATION_FAILED']);
    expect(big.errors![0]!.message).toContain('at most 10');
    expect(await fs.readdir(path.join(storageDir, 'cases', c.id))).toHaveLength(1);
    await supervisor.client.data(`mutation { updateServiceDeskSettings(input: { attachmentMaxBytes: 700000 }) { attachmentMaxBytes } }`);
  });

  it("lets customers attach to and read only their own cases' public files", async () => {
    const own = await createCase(agent.client, { customerId: customer.id });
    const stranger = await server.signInCustomer();
    // A real 1×1 PNG: the type is checked against the bytes.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const addMine = `mutation($input: AddMyCaseAttachmentInput!) { addMyCaseAttachment(input: $input) { id public } }`;
    const mine = await customer.client.data(addMine, {
      input: { caseId: own.id, fileName: 'photo.png', contentType: 'image/png', contentBase64: png },
    });
    expect(mine.addMyCaseAttachment.public).toBe(true);
    const intruder = await stranger.client.request(addMine, {
      input: { caseId: own.id, fileName: 'x.png', contentType: 'image/png', contentBase64: png },
    });
    expect(errorCodes(intruder)).toEqual(['NOT_FOUND']);
    const internal = (
      await agent.client.data(ADD, {
        input: {
          caseId: own.id,
          fileName: 'memo.txt',
          contentType: 'text/plain',
          contentBase64: Buffer.from('internal').toString('base64'),
          public: false,
        },
      })
    ).addCaseAttachment;
    const read = `query($id: ID!) { myCaseAttachmentContent(id: $id) { attachment { fileName } } }`;
    expect(errorCodes(await customer.client.request(read, { id: mine.addMyCaseAttachment.id }))).toEqual([]);
    expect(errorCodes(await customer.client.request(read, { id: internal.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stranger.client.request(read, { id: mine.addMyCaseAttachment.id }))).toEqual(['NOT_FOUND']);
  });
});
