import type { DeliverableMessage } from '@aftercare/core';
import type { TestServer, TestSession } from '@aftercare/testing';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, dovecotBinary, startDovecot } from './dovecot.js';
import { casesOf, createMailbox, mailServer, waitForSent } from './mail-helpers.js';

const binary = dovecotBinary();
if (!binary) {
  console.warn('IMAP polling test skipped: Dovecot is not installed (apt-get install -y dovecot-imapd; .ci/run installs it).');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SUPPORT = 'claims@acme.example';

describe.skipIf(!binary)('e-mail channel over IMAP (a real Dovecot server)', () => {
  let dovecot: Dovecot;
  let server: TestServer;
  let sent: DeliverableMessage[];
  let admin: TestSession;

  /** A signed-in client of the test user. */
  async function imapClient(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    return client;
  }

  /** Put a message into the IMAP inbox, as the company's mail server delivering it would. */
  async function deliver(message: Mail.Options): Promise<string> {
    const raw = await new MailComposer({ to: SUPPORT, ...message }).compile().build();
    const client = await imapClient();
    try {
      await client.append('INBOX', raw);
    } finally {
      await client.logout();
    }
    return /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString())![1]!;
  }

  async function unseen(): Promise<number> {
    const client = await imapClient();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        return ((await client.search({ seen: false }, { uid: true })) || []).length;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  beforeAll(async () => {
    dovecot = await startDovecot(binary!);
    ({ server, sent } = await mailServer({ mailMaxBytes: 100_000 }));
    admin = await server.signInStaff();
    await createMailbox(admin, {
      address: SUPPORT,
      senderName: 'Acme Claims',
      inbound: 'IMAP',
      kind: 'CLAIM',
      imapHost: '127.0.0.1',
      imapPort: dovecot.port,
      imapSecure: false,
      imapUser: dovecot.user,
      imapPassword: dovecot.password,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await dovecot?.stop();
  });

  it('fetches new mail into a claim with its attachment, flags it seen, and threads the answer', async () => {
    const first = await deliver({
      from: 'Dana Doe <dana@example.org>',
      subject: 'Broken blender',
      text: 'The blender stopped. Invoice attached.',
      attachments: [{ filename: 'invoice.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    expect(await server.app.mail.poll()).toEqual({ mailboxes: 1, messages: 1, failed: 0 });
    expect(await unseen()).toBe(0);
    const { customer, cases } = await casesOf(admin, 'dana@example.org');
    expect(customer.tags).toEqual(['created-from-email']);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ subject: 'Broken blender', kind: 'CLAIM', channel: 'EMAIL' });
    expect(cases[0]!.attachments).toEqual([{ fileName: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: PDF.length }]);
    const ack = await waitForSent(sent, 'dana@example.org', /We received your request/);
    expect(ack).toMatchObject({ from: `"Acme Claims" <${SUPPORT}>`, inReplyTo: first });

    const since = sent.length;
    await admin.client.data(`mutation($id: ID!) { replyToCase(input: { caseId: $id, body: "Which model is it?" }) { id } }`, {
      id: cases[0]!.id,
    });
    const reply = await waitForSent(sent, 'dana@example.org', /New reply/, since);
    await deliver({ from: 'dana@example.org', subject: 'Re: your question', text: 'Model B-200.', inReplyTo: reply.messageId });
    await deliver({
      from: 'dana@example.org',
      subject: 'Automatic reply',
      text: 'Out of office.',
      inReplyTo: reply.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await server.app.mail.poll()).toMatchObject({ messages: 2, failed: 0 });
    const after = await casesOf(admin, 'dana@example.org');
    expect(after.cases).toHaveLength(1);
    expect(after.cases[0]!.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['REPLY', 'Which model is it?'],
      ['CUSTOMER', 'Model B-200.'],
    ]);
    expect(await server.app.mail.poll()).toMatchObject({ messages: 0 });
  });

  it('takes a message delivered twice to the mailbox once', async () => {
    const raw = {
      from: 'eli@example.org',
      subject: 'Twice by IMAP',
      text: 'Hello',
      messageId: '<imap-twice@example.org>',
    };
    await deliver(raw);
    await deliver(raw);
    expect(await server.app.mail.poll()).toMatchObject({ messages: 2 });
    expect((await casesOf(admin, 'eli@example.org')).cases).toHaveLength(1);
  });

  it('quarantines a fetched message over the size limit instead of opening a case', async () => {
    await deliver({ from: 'fay@example.org', subject: 'Big scan', text: 'y'.repeat(150_000) });
    expect(await server.app.mail.poll()).toMatchObject({ messages: 1, failed: 0 });
    expect(await unseen()).toBe(0);
    expect((await casesOf(admin, 'fay@example.org')).cases).toEqual([]);
    const { quarantinedMails } = await admin.client.data(`{ quarantinedMails { items { sender subject reason sizeBytes } } }`);
    expect(quarantinedMails.items).toEqual([
      expect.objectContaining({ sender: 'fay@example.org', subject: 'Big scan', reason: 'too_large', sizeBytes: expect.any(Number) }),
    ]);
    expect(quarantinedMails.items[0].sizeBytes).toBeGreaterThan(100_000);
  });

  it('reports a wrong password as a failed mailbox without failing the poll', async () => {
    const { serviceDeskMailboxes } = await admin.client.data(`{ serviceDeskMailboxes { id address } }`);
    const box = serviceDeskMailboxes.find((b: { address: string }) => b.address === SUPPORT);
    await createMailbox(admin, {
      id: box.id,
      address: SUPPORT,
      inbound: 'IMAP',
      kind: 'CLAIM',
      imapHost: '127.0.0.1',
      imapPort: dovecot.port,
      imapSecure: false,
      imapUser: dovecot.user,
      imapPassword: 'wrong',
    });
    expect(await server.app.mail.poll()).toEqual({ mailboxes: 1, messages: 0, failed: 1 });
  });
});
