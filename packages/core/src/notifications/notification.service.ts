import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../clock/clock.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import Mustache from 'mustache';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobInfo, JobQueue } from '../jobs/job-queue.js';
import { inTransaction } from '../db/transaction.js';
import { Registry } from '../plugin/registry.js';
import { MailBounceRecord } from '../mail/mail-bounce.entity.js';
import { NotificationRecord } from './notification.entity.js';

/** A message written out in full. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/** A message rendered from a template in the recipient's locale. */
export interface TemplatedMessage {
  to: string;
  /** `<owner>.<name>`; inside a plugin a name without a dot is the plugin's own. */
  template: string;
  /** BCP 47 locale, e.g. `es` or `es-MX`; falls back to the language, then English. */
  locale?: string | null;
  /** Values for the template's `{{placeholders}}`. */
  data?: Record<string, unknown>;
}

/** The subject and text of a template in one locale, with Mustache `{{placeholders}}`. */
export interface MessageTemplate {
  subject: string;
  text: string;
}

/** Options of one message. */
export interface SendOptions {
  /** Queue in this transaction: the message exists (and is sent) only if the transaction commits. */
  manager?: EntityManager;
  /** The message carries a secret (a code, a reset link): its body is erased once sent and never logged. */
  sensitive?: boolean;
  /** Sender and threading headers, for answers in an e-mail conversation. */
  mail?: MailThreading;
}

/**
 * Sender and threading of one outgoing e-mail, so that the recipient's mail program shows it in the
 * conversation and a reply to it finds its way back.
 */
export interface MailThreading {
  /** From header, e.g. `Support <support@example.com>`; default the server's `mailFrom`. */
  from?: string | null;
  /** Message-ID of the message this one answers. */
  inReplyTo?: string | null;
  /** Message-IDs of the conversation, oldest first (In-Reply-To is appended when missing). */
  references?: string[];
  /** Sent by the system on its own: adds `Auto-Submitted: auto-replied` (RFC 3834). */
  autoSubmitted?: boolean;
  /** What the conversation is about (e.g. `service-desk.case:<id>`), returned with replies to this message. */
  threadRef?: string | null;
}

/**
 * Sends messages to people through the notification outbox: a message is queued (in the caller's
 * transaction when given), sent by a background job after commit, retried with backoff, and logged
 * in the `notification` table.
 */
export interface Notifier {
  /** Queue a message; resolves to its id. */
  send(message: OutgoingMessage | TemplatedMessage, options?: SendOptions): Promise<string>;
  /** Queue a message in `manager`'s transaction (same as `send(message, { manager })`). */
  enqueue(manager: EntityManager, message: OutgoingMessage | TemplatedMessage, options?: Omit<SendOptions, 'manager'>): Promise<string>;
  /**
   * Define a template in several locales (`en` required). Inside a plugin the name is prefixed with
   * the plugin's name: `defineTemplate('case-acknowledged', ...)` defines `service-desk.case-acknowledged`.
   */
  defineTemplate(name: string, translations: Record<string, MessageTemplate>): void;
}

/** A message as handed to the mail transport. */
export interface DeliverableMessage extends OutgoingMessage {
  id: string;
  from: string;
  /** Message-ID header, `<id@domain>`. */
  messageId?: string;
  inReplyTo?: string | null;
  references?: string[];
  autoSubmitted?: boolean;
}

/** Delivers one message (SMTP, a file, a test's capture). Throwing fails the attempt; it is retried. */
export type MailTransport = (message: DeliverableMessage) => Promise<void>;

const SEND_JOB = 'core.notifications.send';

/** Pick the best locale of a template: exact, then the language, then English. */
export function pickLocale(available: string[], wanted: string | null | undefined): string {
  const w = (wanted ?? '').toLowerCase();
  const lower = available.map((l) => l.toLowerCase());
  const exact = lower.indexOf(w);
  if (w && exact >= 0) return available[exact]!;
  const language = lower.indexOf(w.split('-')[0]!);
  if (w && language >= 0) return available[language]!;
  return available.includes('en') ? 'en' : available[0]!;
}

/** Render a template: plain text, so values are not HTML-escaped. */
export function renderTemplate(template: MessageTemplate, data: Record<string, unknown>): MessageTemplate {
  const render = (s: string) => Mustache.render(s, data, {}, { escape: (v: unknown) => String(v) });
  return { subject: render(template.subject).replace(/\s+/g, ' ').trim(), text: render(template.text) };
}

/** The nodemailer message of a deliverable message: threading headers, and loop-safety headers on every message. */
function mailOptions(m: DeliverableMessage) {
  return {
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    messageId: m.messageId ?? `<${m.id}@aftercare>`,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references?.length ? { references: m.references } : {}),
    headers: {
      // Ask auto-responders (Exchange, vacation notices) not to answer our messages: no mail loops.
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
      ...(m.autoSubmitted ? { 'Auto-Submitted': 'auto-replied' } : {}),
    },
  };
}

/** The Message-ID of an outgoing message: its id at the sender's domain. */
export function outgoingMessageId(id: string, from: string): string {
  const domain = /@([^\s>@]+)>?\s*$/.exec(from)?.[1] ?? 'aftercare';
  return `<${id}@${domain.toLowerCase()}>`;
}

/**
 * The mail transport from the configuration: SMTP when `smtpUrl` is set; otherwise each message is
 * written as an RFC 822 `.eml` file under `<dataDir>/mail/` (open it with any mail program); the log
 * names the file but never the message's text.
 */
export function createMailTransport(options: { smtpUrl?: string; dataDir: string; logger: Logger }): MailTransport {
  if (options.smtpUrl) {
    const smtp = nodemailer.createTransport(options.smtpUrl);
    return async (m) => {
      await smtp.sendMail(mailOptions(m));
    };
  }
  const dir = path.join(options.dataDir, 'mail');
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (m) => {
    const info = await writer.sendMail(mailOptions(m));
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.id.slice(0, 8)}.eml`);
    await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
    // Identifiers only: recipient, subject and text (sign-in codes, reset tokens) stay in the file.
    options.logger.info({ messageId: m.id, file }, 'message written (no SMTP configured)');
  };
}

/** The notification outbox of one server process. */
export class NotificationService {
  private readonly templates = new Registry<Record<string, MessageTemplate>>('Message template');

  constructor(
    private readonly options: {
      dataSource: DataSource;
      jobs: JobQueue;
      transport: MailTransport;
      from: string;
      logger: Logger;
      maxAttempts: number;
      retryDelaySeconds: number;
      /** The server's clock (sent times). Default: the system clock. */
      clock?: Clock;
    },
  ) {}

  /** Define the send job. Call before the job queue runs. */
  install(): void {
    this.options.jobs.define(SEND_JOB, (data: { id: string }, job) => this.deliver(data.id, job), {
      retryLimit: this.options.maxAttempts - 1,
      retryDelaySeconds: this.options.retryDelaySeconds,
      retryBackoff: true,
      batchSize: 5,
    });
  }

  /** The notifier API for `owner` ('core' or a plugin). */
  forOwner(owner: string): Notifier {
    const full = (name: string) => (name.includes('.') ? name : `${owner}.${name}`);
    const send = (message: OutgoingMessage | TemplatedMessage, options: SendOptions = {}) =>
      this.queue(owner, 'template' in message ? { ...message, template: full(message.template) } : message, options);
    return {
      send,
      enqueue: (manager, message, options) => send(message, { ...options, manager }),
      defineTemplate: (name, translations) => {
        if (!translations.en) throw new Error(`Template '${full(name)}' needs an English ('en') version.`);
        this.templates.register(owner, full(name), translations);
      },
    };
  }

  /** Names of the defined templates and their locales. */
  templateNames(): Array<{ name: string; owner: string; locales: string[] }> {
    return this.templates.entries().map((e) => ({ name: e.key, owner: e.owner, locales: Object.keys(e.value) }));
  }

  private async queue(owner: string, message: OutgoingMessage | TemplatedMessage, options: SendOptions): Promise<string> {
    const to = message.to.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(to)) throw new Error(`Cannot send a message to '${message.to}': not an e-mail address.`);
    let subject: string;
    let text: string;
    let locale: string | null = null;
    let template: string | null = null;
    if ('template' in message) {
      const translations = this.templates.get(message.template);
      if (!translations) throw new Error(`Message template '${message.template}' is not defined.`);
      locale = pickLocale(Object.keys(translations), message.locale);
      template = message.template;
      ({ subject, text } = renderTemplate(translations[locale]!, message.data ?? {}));
    } else {
      ({ subject, text } = message);
    }
    const mail = options.mail ?? {};
    const id = randomUUID();
    const from = mail.from?.trim() || null;
    const inReplyTo = mail.inReplyTo ?? null;
    const references = [...(mail.references ?? [])];
    if (inReplyTo && !references.includes(inReplyTo)) references.push(inReplyTo);
    const write = async (m: EntityManager) => {
      const row = await m.getRepository(NotificationRecord).save({
        id,
        fromAddress: from,
        messageId: outgoingMessageId(id, from ?? this.options.from),
        inReplyTo,
        references,
        autoSubmitted: mail.autoSubmitted ?? false,
        threadRef: mail.threadRef ?? null,
        owner,
        template,
        recipient: to,
        locale,
        subject,
        body: text,
        sensitive: options.sensitive ?? false,
      });
      await this.options.jobs.send(SEND_JOB, { id: row.id }, { manager: m, key: row.id });
      return row.id;
    };
    return inTransaction(options.manager ?? this.options.dataSource.manager, write);
  }

  /** Send one queued message; idempotent (a message already sent is not sent again). */
  private async deliver(id: string, job: JobInfo): Promise<void> {
    const repo = this.options.dataSource.getRepository(NotificationRecord);
    const row = await repo.findOneBy({ id });
    // Only queued messages go out: sent ones are done, failed ones were given up or cancelled (anonymised recipient).
    if (!row || row.status !== 'queued') return;
    if (await this.options.dataSource.getRepository(MailBounceRecord).existsBy({ address: row.recipient })) {
      // It would bounce again; the mark goes when mail arrives from the address.
      await repo.update({ id }, { status: 'failed', lastError: 'the address bounced earlier' });
      return;
    }
    try {
      await this.options.transport({
        id,
        from: row.fromAddress ?? this.options.from,
        to: row.recipient,
        subject: row.subject,
        text: row.body ?? '',
        messageId: row.messageId ?? undefined,
        inReplyTo: row.inReplyTo,
        references: row.references,
        autoSubmitted: row.autoSubmitted,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await repo.update(
        { id },
        { attempts: () => 'attempts + 1', lastError: message.slice(0, 1000), ...(job.lastAttempt ? { status: 'failed' } : {}) },
      );
      this.options.logger.warn({ notificationId: id, attempt: job.attempt, final: job.lastAttempt, err }, 'sending a message failed');
      throw err;
    }
    await repo.update(
      { id },
      {
        status: 'sent',
        sentAt: (this.options.clock ?? systemClock).now(),
        attempts: () => 'attempts + 1',
        lastError: null,
        ...(row.sensitive ? { body: null } : {}),
      },
    );
  }
}
