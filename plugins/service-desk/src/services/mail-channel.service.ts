import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Actor,
  AftercareError,
  ConflictError,
  type InboundMailbox,
  type MailHandler,
  type MailThreading,
  NotFoundError,
  type ReceivedMail,
  ValidationError,
} from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { CASE_KINDS, type CaseKind } from '../domain.js';
import { CaseMailThread } from '../entities/case-mail-thread.entity.js';
import { Case } from '../entities/case.entity.js';
import { Mailbox, type MailboxInbound } from '../entities/mailbox.entity.js';
import { Team } from '../entities/team.entity.js';
import type { ServiceDesk } from '../runtime.js';
import type { QueuedMessage } from './notifications.service.js';

/** A mailbox as staff enter it; `id` changes an existing one. Omitted IMAP password keeps the stored one. */
export interface MailboxInput {
  id?: string | null;
  address: string;
  senderName: string;
  inbound: MailboxInbound;
  imapHost?: string | null;
  imapPort?: number | null;
  imapSecure?: boolean | null;
  imapUser?: string | null;
  imapPassword?: string | null;
  imapFolder?: string | null;
  imapAllowSelfSigned?: boolean | null;
  teamId?: string | null;
  kind: CaseKind;
  enabled?: boolean | null;
}

/** Encrypts the IMAP password with the server's secret key (the plugin context's `secrets`). */
export interface SecretSealer {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\d{1,3}(\.\d{1,3}){3}$/i;
const REFERENCE = /\bSD-(\d{1,9})\b/i;
const THREAD = /^service-desk\.case:([0-9a-f-]{36})$/;
/** Templates about a case that go to its customer, and whether the system sends them on its own. */
const CASE_MAIL: Record<string, { automatic: boolean }> = {
  'service-desk.case.acknowledged': { automatic: true },
  'service-desk.case.status_changed': { automatic: true },
  'service-desk.case.replied': { automatic: false },
};

/** The customer as the actor of what their mail does (`customer:<id>` on rows). */
function customerActor(mail: ReceivedMail): Actor {
  return { kind: 'customer', customerId: mail.customer.id, email: mail.customer.email, sessionId: 'email' };
}

/**
 * The service desk's e-mail channel: the mailboxes staff configure, the handler core's mail intake
 * calls for their mail (a new case, or a customer message on the case it answers, with the
 * attachments), and the sender and threading headers of the answers.
 */
export class MailChannel {
  /** The inbound message a case is being opened from, so its acknowledgement answers it. */
  private readonly inbound = new AsyncLocalStorage<{ mailboxId: string; messageId: string; references: string[] }>();

  constructor(
    private readonly desk: ServiceDesk,
    private readonly secrets: SecretSealer,
    private readonly alerts?: { customerReplied(m: EntityManager, caseId: string): Promise<void> },
  ) {}

  private get d() {
    return this.desk.deps;
  }

  /** Mailboxes by address. */
  list(): Promise<Mailbox[]> {
    return this.d.db.getRepository(Mailbox).find({ order: { address: 'ASC' }, take: 200 });
  }

  /** Create or change a mailbox; every field is checked and errors name the field. */
  async save(input: MailboxInput): Promise<Mailbox> {
    return this.d.db.transaction(async (m) => {
      const repo = m.getRepository(Mailbox);
      const existing = input.id ? await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (input.id && !existing) throw new NotFoundError('Mailbox', input.id);
      const errors: Array<{ field: string; message: string }> = [];
      const address = input.address.trim().toLowerCase();
      if (!EMAIL.test(address) || address.length > 254) errors.push({ field: 'address', message: 'must be an e-mail address' });
      const senderName = input.senderName.trim();
      if (!senderName || senderName.length > 100 || /[\p{Cc}<>"]/u.test(senderName))
        errors.push({ field: 'senderName', message: 'must be 1 to 100 characters, without quotes or angle brackets' });
      if (!['smtp', 'imap'].includes(input.inbound)) errors.push({ field: 'inbound', message: 'must be SMTP or IMAP' });
      if (!CASE_KINDS.includes(input.kind)) errors.push({ field: 'kind', message: `must be one of ${CASE_KINDS.join(', ')}` });
      if (input.teamId && !(await m.getRepository(Team).existsBy({ id: input.teamId })))
        errors.push({ field: 'teamId', message: `no team ${input.teamId}` });
      const imap = {
        imapHost: input.imapHost?.trim() || null,
        imapPort: input.imapPort ?? null,
        imapSecure: input.imapSecure ?? existing?.imapSecure ?? true,
        imapUser: input.imapUser?.trim() || null,
        imapFolder: input.imapFolder?.trim() || existing?.imapFolder || 'INBOX',
        imapAllowSelfSigned: input.imapAllowSelfSigned ?? existing?.imapAllowSelfSigned ?? false,
      };
      const password = input.imapPassword ?? null;
      if (input.inbound === 'imap') {
        if (!imap.imapHost || !HOST.test(imap.imapHost)) errors.push({ field: 'imapHost', message: 'must be a host name or IPv4 address' });
        if (imap.imapPort === null || !Number.isInteger(imap.imapPort) || imap.imapPort < 1 || imap.imapPort > 65535)
          errors.push({ field: 'imapPort', message: 'must be a port between 1 and 65535 (993 for IMAPS)' });
        if (!imap.imapUser || imap.imapUser.length > 254) errors.push({ field: 'imapUser', message: 'must be 1 to 254 characters' });
        if (password !== null && (password.length < 1 || password.length > 500))
          errors.push({ field: 'imapPassword', message: 'must be 1 to 500 characters' });
        if (password === null && !existing?.imapPasswordSealed) errors.push({ field: 'imapPassword', message: 'is required for IMAP' });
        if (imap.imapFolder.length > 200 || /\p{Cc}/u.test(imap.imapFolder))
          errors.push({ field: 'imapFolder', message: 'must be at most 200 characters' });
      }
      if (errors.length) throw new ValidationError(errors);
      const clash = await repo.findOneBy({ address });
      if (clash && clash.id !== existing?.id) throw new ValidationError([{ field: 'address', message: `${address} is already a mailbox` }]);
      const row = existing ?? repo.create();
      Object.assign(row, {
        address,
        senderName,
        inbound: input.inbound,
        ...imap,
        teamId: input.teamId ?? null,
        kind: input.kind,
        enabled: input.enabled ?? existing?.enabled ?? true,
      });
      if (password !== null) row.imapPasswordSealed = this.secrets.seal(password);
      const saved = await repo.save(row);
      await this.d.audit.record(m, {
        action: existing ? 'mailbox.update' : 'mailbox.create',
        objectType: 'Mailbox',
        objectId: saved.id,
        // The password never goes to the audit trail; only whether it changed.
        after: {
          address,
          inbound: row.inbound,
          teamId: row.teamId,
          kind: row.kind,
          enabled: row.enabled,
          passwordChanged: password !== null,
        },
      });
      return saved;
    });
  }

  /** Delete a mailbox; its cases keep their conversation, answers then come from the default sender. */
  async delete(id: string): Promise<boolean> {
    return this.d.db.transaction(async (m) => {
      const row = await m.getRepository(Mailbox).findOneBy({ id });
      if (!row) throw new NotFoundError('Mailbox', id);
      await m.getRepository(Mailbox).delete({ id });
      await this.d.audit.record(m, { action: 'mailbox.delete', objectType: 'Mailbox', objectId: id, before: { address: row.address } });
      return true;
    });
  }

  /** The handler registered with core's mail intake. */
  handler(): MailHandler {
    return {
      name: 'cases',
      mailboxes: async () => (await this.d.db.getRepository(Mailbox).findBy({ enabled: true })).map((b) => this.inboundOf(b)),
      receive: (mail, mailbox) => this.receive(mail, mailbox),
    };
  }

  private inboundOf(b: Mailbox): InboundMailbox {
    return {
      id: b.id,
      address: b.address,
      inbound: b.inbound,
      imap:
        b.inbound === 'imap' && b.imapHost && b.imapPort && b.imapUser && b.imapPasswordSealed
          ? {
              host: b.imapHost,
              port: b.imapPort,
              secure: b.imapSecure,
              user: b.imapUser,
              password: this.secrets.open(b.imapPasswordSealed),
              folder: b.imapFolder,
              allowSelfSigned: b.imapAllowSelfSigned,
            }
          : null,
    };
  }

  /**
   * One message written by a person to a mailbox: added to the case it answers (by our Message-ID,
   * else by the case reference in the subject, both only for the case's own customer), or a new case.
   */
  async receive(mail: ReceivedMail, inbound: InboundMailbox): Promise<void> {
    const mailbox = await this.d.db.getRepository(Mailbox).findOneBy({ id: inbound.id });
    if (!mailbox) throw new NotFoundError('Mailbox', inbound.id);
    const s = await this.d.settings.get();
    const accepted = mail.attachments.filter((a) => s.attachmentTypes.includes(a.contentType) && a.content.length <= s.attachmentMaxBytes);
    const left = mail.attachments.filter((a) => !accepted.includes(a));
    const leftNote = left.length ? `\n\n[Attachments not accepted (type or size): ${left.map((a) => a.fileName).join(', ')}]` : '';
    const text = (mail.text || '(no text)').slice(0, 20000 - leftNote.length) + leftNote;
    const actor = customerActor(mail);

    let c = await this.caseAnswered(mail);
    if (c) {
      try {
        await this.desk.cases.customerReply(actor, mail.customer.id, c.id, text);
      } catch (err) {
        // Closed, or resolved past the reopen window: the customer's mail opens a new case instead.
        if (!(err instanceof ConflictError)) throw err;
        c = null;
      }
      if (c) {
        const id = c.id;
        await this.d.db
          .transaction((m) => this.alerts?.customerReplied(m, id) ?? Promise.resolve())
          .catch((err: Error) => this.d.logger.warn({ caseId: id, err: err.message }, 'notifying staff of a customer message failed'));
      }
    }
    if (!c) {
      const subject = (mail.subject || '(no subject)').slice(0, 200);
      c = await this.inbound.run({ mailboxId: mailbox.id, messageId: mail.messageId, references: mail.references }, () =>
        this.desk.cases.create(actor, {
          customerId: mail.customer.id,
          kind: mailbox.kind,
          channel: 'email',
          subject,
          description: text,
          teamId: mailbox.teamId,
        }),
      );
    }
    await this.d.db.transaction(async (m) => {
      const thread = await m.getRepository(CaseMailThread).findOneBy({ caseId: c.id });
      const references = [...(thread?.references ?? []), ...mail.references.filter((r) => !thread?.references.includes(r)), mail.messageId];
      await m.getRepository(CaseMailThread).save({
        caseId: c.id,
        mailboxId: mailbox.id,
        lastMessageId: mail.messageId,
        references: [...new Set(references)].slice(-20),
      });
    });
    for (const a of accepted) {
      try {
        await this.desk.attachments.add(
          actor,
          { caseId: c.id, fileName: a.fileName, contentType: a.contentType, contentBase64: a.content.toString('base64'), public: true },
          mail.customer.id,
        );
      } catch (err) {
        // A file the limits refuse is left out; the message itself is kept.
        if (!(err instanceof AftercareError)) throw err;
      }
    }
  }

  /** The open-able case this message answers, if it is the case of the sender. */
  private async caseAnswered(mail: ReceivedMail): Promise<Case | null> {
    const repo = this.d.db.getRepository(Case);
    const byThread = THREAD.exec(mail.thread ?? '')?.[1];
    let c = byThread ? await repo.findOneBy({ id: byThread }) : null;
    if (!c) {
      const number = REFERENCE.exec(mail.subject)?.[1];
      c = number ? await repo.findOneBy({ number: Number(number) }) : null;
    }
    if (!c || c.customerId !== mail.customer.id) return null;
    if (c.status === 'merged' && c.mergedIntoId) c = await repo.findOneBy({ id: c.mergedIntoId, customerId: mail.customer.id });
    return c;
  }

  /**
   * Sender and threading of a message about a case to its customer: from the case's mailbox, in
   * reply to the customer's latest mail, and marked as the case's thread so the answer to it comes
   * back to the case. Acknowledgements and status notices are marked automatic (no auto-reply loops).
   */
  async threading(m: EntityManager, message: QueuedMessage): Promise<MailThreading | undefined> {
    const kind = CASE_MAIL[message.template];
    const number = REFERENCE.exec(message.data.reference ?? '')?.[1];
    if (!kind || !number) return undefined;
    const c = await m.getRepository(Case).findOneBy({ number: Number(number) });
    if (!c) return undefined;
    const thread = await m.getRepository(CaseMailThread).findOneBy({ caseId: c.id });
    const origin = this.inbound.getStore();
    const mailboxId = thread?.mailboxId ?? origin?.mailboxId;
    const mailbox = mailboxId ? await m.getRepository(Mailbox).findOneBy({ id: mailboxId }) : null;
    return {
      from: mailbox ? `"${mailbox.senderName}" <${mailbox.address}>` : null,
      inReplyTo: thread?.lastMessageId ?? origin?.messageId ?? null,
      references: thread?.references ?? (origin ? [...origin.references, origin.messageId] : []),
      autoSubmitted: kind.automatic,
      threadRef: `service-desk.case:${c.id}`,
    };
  }
}
