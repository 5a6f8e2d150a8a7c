import type { DeliverableMessage } from '@aftercare/core';
import { createTestServer, type TestServer, type TestSession } from '@aftercare/testing';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { createServiceDeskPlugin } from '../src/index.js';

/** A server with the service desk and the SMTP listener, keeping every outgoing message with its headers. */
export async function mailServer(config: { mailSenderLimitPerHour?: number; mailMaxBytes?: number } = {}) {
  const sent: DeliverableMessage[] = [];
  const server = await createTestServer({
    plugins: [createServiceDeskPlugin()],
    config: { jobPollSeconds: 0.5, mailListenPort: 0, mailPoll: false, ...config },
    mailTransport: async (m) => void sent.push(m),
  });
  return { server, sent };
}

/** Wait for an outgoing message to `to` whose subject matches, among those sent from index `since` on (the outbox sends after commit, from a job). */
export async function waitForSent(sent: DeliverableMessage[], to: string, subject: RegExp, since = 0, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sent
      .slice(since)
      .filter((m) => m.to === to.toLowerCase() && subject.test(m.subject))
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No message to ${to} matching ${subject} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Send a message into the server's SMTP listener, as the company's mail server relaying it would. */
export async function smtpSend(server: TestServer, message: Mail.Options) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.app.smtpPort!, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/** Create an SMTP (or IMAP) mailbox through the API. */
export async function createMailbox(admin: TestSession, input: Record<string, unknown>) {
  const data = await admin.client.data(
    `mutation($input: ServiceDeskMailboxInput!) { saveServiceDeskMailbox(input: $input) { id address inbound imapPasswordSet kind } }`,
    { input: { senderName: 'Acme Support', inbound: 'SMTP', kind: 'INQUIRY', ...input } },
  );
  return data.saveServiceDeskMailbox as { id: string; address: string };
}

/** The customer with this e-mail and their cases with messages and attachments. */
export async function casesOf(admin: TestSession, email: string) {
  const { customers } = await admin.client.data(`query($s: String!) { customers(search: $s) { items { id email tags emailBouncedAt } } }`, {
    s: email,
  });
  const customer = customers.items.find((c: { email: string }) => c.email === email) ?? null;
  if (!customer) return { customer: null, cases: [] };
  const { cases } = await admin.client.data(
    `query($f: CaseFilter) { cases(filter: $f, take: 100) { items { id reference subject kind channel status teamId
       messages { kind body authorKind } attachments { fileName contentType sizeBytes } } } }`,
    { f: { customerId: customer.id } },
  );
  return { customer, cases: cases.items as Array<Record<string, any>> };
}
