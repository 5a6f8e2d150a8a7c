import type { DeliverableMessage } from '@aftercare/core';
import { errorCodes, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOf, createMailbox, mailServer, smtpSend, waitForSent } from './mail-helpers.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const SUPPORT = 'support@acme.example';

let server: TestServer;
let sent: DeliverableMessage[];
let admin: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ server, sent } = await mailServer({ mailSenderLimitPerHour: 4, mailMaxBytes: 200_000 }));
  admin = await server.signInStaff();
  const team = await admin.client.data(`mutation { saveServiceDeskTeam(input: { name: "Mail desk", autoAssign: MANUAL }) { id } }`);
  teamId = team.saveServiceDeskTeam.id;
  await createMailbox(admin, { address: SUPPORT.toUpperCase(), teamId, kind: 'COMPLAINT' });
});
afterAll(() => server?.stop());

describe('e-mail channel over SMTP', () => {
  it('opens a complaint for a new customer with the attachment, and acknowledges it from the mailbox in the same thread', async () => {
    const info = await smtpSend(server, {
      from: 'Ana Buyer <Ana.Buyer@example.org>',
      to: SUPPORT,
      subject: 'Kettle leaks',
      text: 'My kettle leaks since Monday. Photo attached.',
      attachments: [{ filename: 'leak.png', content: PNG, contentType: 'image/png' }],
    });
    const { customer, cases } = await casesOf(admin, 'ana.buyer@example.org');
    expect(customer).toMatchObject({ email: 'ana.buyer@example.org', tags: ['created-from-email'], emailBouncedAt: null });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ subject: 'Kettle leaks', kind: 'COMPLAINT', channel: 'EMAIL', teamId });
    expect(cases[0]!.messages).toEqual([]);
    expect(cases[0]!.attachments).toEqual([{ fileName: 'leak.png', contentType: 'image/png', sizeBytes: PNG.length }]);

    const ack = await waitForSent(sent, 'ana.buyer@example.org', /We received your request/);
    expect(ack.from).toBe(`"Acme Support" <${SUPPORT}>`);
    expect(ack.inReplyTo).toBe(info.messageId);
    expect(ack.autoSubmitted).toBe(true);
    expect(ack.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.example>$/);
  });

  it("threads the customer's answer to our reply onto the same case, and sends the next answer in that thread", async () => {
    const { cases } = await casesOf(admin, 'ana.buyer@example.org');
    const caseId = cases[0]!.id;
    await admin.client.data(`mutation($id: ID!) { replyToCase(input: { caseId: $id, body: "Is it the lid or the base?" }) { id } }`, {
      id: caseId,
    });
    const reply = await waitForSent(sent, 'ana.buyer@example.org', /New reply/);
    expect(reply.from).toBe(`"Acme Support" <${SUPPORT}>`);
    expect(reply.autoSubmitted).toBe(false);

    // The subject carries no reference: only the In-Reply-To header links it to the case.
    const answer = await smtpSend(server, {
      from: 'ana.buyer@example.org',
      to: SUPPORT,
      subject: 'about my kettle',
      text: 'The base.',
      inReplyTo: reply.messageId,
      references: [reply.messageId!],
    });
    const after = await casesOf(admin, 'ana.buyer@example.org');
    expect(after.cases).toHaveLength(1);
    expect(after.cases[0]!.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['REPLY', 'Is it the lid or the base?'],
      ['CUSTOMER', 'The base.'],
    ]);

    const since = sent.length;
    await admin.client.data(`mutation($id: ID!) { replyToCase(input: { caseId: $id, body: "A new base is on its way." }) { id } }`, {
      id: caseId,
    });
    const next = await waitForSent(sent, 'ana.buyer@example.org', /New reply/, since);
    expect(next.inReplyTo).toBe(answer.messageId);
    expect(next.references).toContain(answer.messageId);
  });

  it('finds the case by its reference in the subject, but only for its own customer', async () => {
    const { cases } = await casesOf(admin, 'ana.buyer@example.org');
    const ref = cases[0]!.reference;
    await smtpSend(server, { from: 'ana.buyer@example.org', to: SUPPORT, subject: `Re: [${ref}] kettle`, text: 'Any news?' });
    await smtpSend(server, { from: 'mallory@example.net', to: SUPPORT, subject: `Re: ${ref}`, text: 'Let me in.' });
    const ana = await casesOf(admin, 'ana.buyer@example.org');
    expect(ana.cases).toHaveLength(1);
    expect(ana.cases[0]!.messages.at(-1).body).toBe('Any news?');
    const mallory = await casesOf(admin, 'mallory@example.net');
    expect(mallory.cases).toHaveLength(1);
    expect(mallory.cases[0]!.id).not.toBe(cases[0]!.id);
  });

  it('processes the same message once when it is delivered twice', async () => {
    const raw = [
      'From: Bo Twice <bo@example.org>',
      `To: ${SUPPORT}`,
      'Subject: Delivered twice',
      'Message-ID: <twice-1@example.org>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello',
    ].join('\r\n');
    await smtpSend(server, { envelope: { from: 'bo@example.org', to: [SUPPORT] }, raw });
    await smtpSend(server, { envelope: { from: 'bo@example.org', to: [SUPPORT] }, raw });
    expect((await casesOf(admin, 'bo@example.org')).cases).toHaveLength(1);
  });

  it('never opens a case or answers automatic replies and bulk mail', async () => {
    const before = sent.length;
    const machine = [
      { 'Auto-Submitted': 'auto-replied' },
      { 'X-Autoreply': 'yes' },
      { 'X-Auto-Response-Suppress': 'All' },
      { Precedence: 'bulk' },
      { 'List-Id': '<news.example.org>' },
    ];
    for (const [i, headers] of machine.entries()) {
      await smtpSend(server, { from: `robot${i}@example.org`, to: SUPPORT, subject: 'Out of office', text: 'I am away.', headers });
    }
    // An out-of-office answer to our own message does not land on the case either.
    const ana = await casesOf(admin, 'ana.buyer@example.org');
    const ourReply = sent.filter((m) => m.to === 'ana.buyer@example.org').at(-1)!;
    await smtpSend(server, {
      from: 'ana.buyer@example.org',
      to: SUPPORT,
      subject: 'Automatic reply: New reply',
      text: 'I am on holiday until Monday.',
      inReplyTo: ourReply.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    for (let i = 0; i < machine.length; i++) expect((await casesOf(admin, `robot${i}@example.org`)).customer).toBeNull();
    const after = await casesOf(admin, 'ana.buyer@example.org');
    expect(after.cases[0]!.messages).toHaveLength(ana.cases[0]!.messages.length);
    // Nothing was queued for them: no acknowledgement can ever go out.
    const [queued] = await server.app.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient LIKE 'robot%'`);
    expect(queued.n).toBe(0);
    // A personal message after them is still answered, so the outbox worked meanwhile.
    await smtpSend(server, { from: 'cy@example.org', to: SUPPORT, subject: 'Question', text: 'Hello?' });
    await waitForSent(sent, 'cy@example.org', /We received your request/, before);
    expect(sent.slice(before).filter((m) => m.to.startsWith('robot') || m.to === 'ana.buyer@example.org')).toEqual([]);
  });

  it('marks the address of a bounce, and sends nothing more to it until it writes again', async () => {
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>',
      `To: ${SUPPORT}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.acme.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.acme.example',
      '',
      'Final-Recipient: rfc822; cy@example.org',
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--b1--',
      '',
    ].join('\r\n');
    await smtpSend(server, { envelope: { from: '', to: [SUPPORT] }, raw: dsn });
    const cy = await casesOf(admin, 'cy@example.org');
    expect(cy.customer.emailBouncedAt).not.toBeNull();
    expect(cy.cases).toHaveLength(1);
    expect((await casesOf(admin, 'mailer-daemon@mx.acme.example')).customer).toBeNull();

    await smtpSend(server, { from: 'cy@example.org', to: SUPPORT, subject: 'Me again', text: 'Did you get my mail?' });
    expect((await casesOf(admin, 'cy@example.org')).customer.emailBouncedAt).toBeNull();
  });

  it('quarantines a sender over the hourly limit; staff release it into a case', async () => {
    for (let i = 1; i <= 5; i++) await smtpSend(server, { from: 'flood@example.org', to: SUPPORT, subject: `Flood ${i}`, text: 'again' });
    expect((await casesOf(admin, 'flood@example.org')).cases).toHaveLength(4);
    const agent = await server.signInStaff(['Agent']);
    expect(errorCodes(await agent.client.request(`{ quarantinedMails { totalCount } }`))).toEqual(['FORBIDDEN']);

    const { quarantinedMails } = await admin.client.data(
      `{ quarantinedMails { totalCount items { id sender subject reason mailboxAddress } } }`,
    );
    const held = quarantinedMails.items.find((q: { subject: string }) => q.subject === 'Flood 5');
    expect(held).toMatchObject({ sender: 'flood@example.org', reason: 'rate_limited', mailboxAddress: SUPPORT });
    const released = await admin.client.data(`mutation($id: ID!) { releaseQuarantinedMail(id: $id) { outcome } }`, { id: held.id });
    expect(released.releaseQuarantinedMail.outcome).toBe('processed');
    const flood = await casesOf(admin, 'flood@example.org');
    expect(flood.cases.map((c) => c.subject)).toContain('Flood 5');
    const again = await admin.client.data(`{ quarantinedMails { items { id } } }`);
    expect(again.quarantinedMails.items.map((q: { id: string }) => q.id)).not.toContain(held.id);
  });

  it("exports a customer's held mail and removes it when the customer is anonymised", async () => {
    await smtpSend(server, { from: 'flood@example.org', to: SUPPORT, subject: 'Flood 6', text: 'still here' });
    const { customer } = await casesOf(admin, 'flood@example.org');
    const exported = (await admin.client.data(`query ($id: ID!) { exportCustomerData(customerId: $id) }`, { id: customer.id }))
      .exportCustomerData;
    expect(exported.heldMail).toEqual([expect.objectContaining({ subject: 'Flood 6', reason: 'rate_limited' })]);
    await admin.client.data(`mutation ($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: customer.id });
    const { quarantinedMails } = await admin.client.data(`{ quarantinedMails(take: 100) { items { sender } } }`);
    expect(quarantinedMails.items.map((q: { sender: string }) => q.sender)).not.toContain('flood@example.org');
  });

  it('refuses a message over the size limit at the SMTP level', async () => {
    const big = { filename: 'log.txt', content: 'x'.repeat(250_000), contentType: 'text/plain' };
    await expect(
      smtpSend(server, { from: 'big@example.org', to: SUPPORT, subject: 'Huge', text: 'see file', attachments: [big] }),
    ).rejects.toThrow(/552/);
    expect((await casesOf(admin, 'big@example.org')).customer).toBeNull();
  });

  it('refuses mail for addresses that are not mailboxes', async () => {
    await expect(smtpSend(server, { from: 'ana.buyer@example.org', to: 'nobody@acme.example', subject: 'x', text: 'y' })).rejects.toThrow(
      /550/,
    );
  });
});

describe('mailboxes', () => {
  it('rejects invalid input with the fields named, and never returns the IMAP password', async () => {
    const res = await admin.client.request(`mutation($input: ServiceDeskMailboxInput!) { saveServiceDeskMailbox(input: $input) { id } }`, {
      input: { address: 'not-an-address', senderName: 'Desk <x>', inbound: 'IMAP', kind: 'INQUIRY', imapPort: 70000 },
    });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    const fields = (res.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['imapPort']));

    const res2 = await admin.client.request(`mutation($input: ServiceDeskMailboxInput!) { saveServiceDeskMailbox(input: $input) { id } }`, {
      input: { address: 'not-an-address', senderName: 'Desk <x>', inbound: 'IMAP', kind: 'INQUIRY' },
    });
    const fields2 = (res2.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields2).toEqual(['address', 'imapHost', 'imapPassword', 'imapPort', 'imapUser', 'senderName']);

    const dup = await admin.client.request(`mutation($input: ServiceDeskMailboxInput!) { saveServiceDeskMailbox(input: $input) { id } }`, {
      input: { address: SUPPORT, senderName: 'Again', inbound: 'SMTP', kind: 'INQUIRY' },
    });
    expect(dup.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'address' })]);

    const imap = await createMailbox(admin, {
      address: 'imap-box@acme.example',
      inbound: 'IMAP',
      imapHost: 'imap.acme.example',
      imapPort: 993,
      imapUser: 'desk',
      imapPassword: 'hunter2-very-secret',
    });
    expect(imap).toMatchObject({ inbound: 'IMAP', imapPasswordSet: true });
    const [row] = await server.app.dataSource.query(`SELECT imap_password_sealed FROM service_desk_mailbox WHERE id = $1`, [imap.id]);
    expect(row.imap_password_sealed).not.toContain('hunter2');
    const agent = await server.signInStaff(['Agent']);
    expect(errorCodes(await agent.client.request(`{ serviceDeskMailboxes { id } }`))).toEqual(['FORBIDDEN']);
  });

  it('keeps the schema in step with the migrations', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });
});
