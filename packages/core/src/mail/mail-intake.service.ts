import { createHash } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { CustomerService } from '../domain/customer.service.js';
import { Customer } from '../entities/customer.entity.js';
import { NotFoundError } from '../errors.js';
import { normalizeEmail } from '../identity/identity.service.js';
import { NotificationRecord } from '../notifications/notification.entity.js';
import { Registry } from '../plugin/registry.js';
import { classifyMail, headerLines, type MailClassification } from './classify.js';
import { fetchUnseen, type ImapAccount } from './imap-poller.js';
import { MailBounceRecord } from './mail-bounce.entity.js';
import { MailMessageRecord, type MailMessageStatus } from './mail-message.entity.js';
import { MailQuarantineRecord } from './mail-quarantine.entity.js';

export type { ImapAccount } from './imap-poller.js';

/** A mailbox a plugin receives mail for. */
export interface InboundMailbox {
  /** Stable id within the handler (e.g. the row id of the plugin's mailbox). */
  id: string;
  /** The address customers write to, e.g. `support@example.com`. */
  address: string;
  /** How mail arrives: the built-in SMTP listener, or polling an IMAP mailbox. */
  inbound: 'smtp' | 'imap';
  /** The IMAP account to poll (inbound `imap`). */
  imap?: ImapAccount | null;
}

/** A file attached to an inbound message. */
export interface ReceivedAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** An inbound message written by a person, as a mail handler receives it. */
export interface ReceivedMail {
  /** Message-ID with angle brackets. */
  messageId: string;
  inReplyTo: string | null;
  /** References, oldest first. */
  references: string[];
  from: { address: string; name: string | null };
  subject: string;
  /** Plain text (generated from the HTML part when there is no text part). */
  text: string;
  attachments: ReceivedAttachment[];
  /**
   * The `threadRef` of our own outgoing message this one answers (by In-Reply-To, then References,
   * newest first), e.g. `service-desk.case:<id>`; null when it answers none of ours.
   */
  thread: string | null;
  /** The customer with the sender's address, created (tagged `created-from-email`) when there was none. */
  customer: Customer;
  customerCreated: boolean;
}

/**
 * A plugin's hook for inbound mail: the mailboxes it receives for, and what to do with a message
 * sent to one of them. Automatic replies, bulk mail and bounces never reach `receive`; core has
 * already checked size and sender rate, matched the customer and found the thread.
 */
export interface MailHandler {
  /** `<plugin>.<name>` is the handler's key. */
  name: string;
  /** The current mailboxes (read on every delivery and poll, so console changes apply at once). */
  mailboxes(): Promise<InboundMailbox[]>;
  /** Process one message; throwing puts the message in quarantine (reason `failed`). */
  receive(mail: ReceivedMail, mailbox: InboundMailbox): Promise<void>;
}

/** What became of one delivered message. */
export type IntakeOutcome = 'processed' | 'duplicate' | 'ignored' | 'bounce' | 'quarantined';

/** Limits of the intake. */
export interface MailIntakeLimits {
  /** Largest message processed; larger ones are quarantined (SMTP refuses them outright). */
  maxBytes: number;
  /** Messages per sender and hour; further ones are quarantined. */
  senderPerHour: number;
}

interface Target {
  key: string;
  handler: MailHandler;
  mailbox: InboundMailbox;
}

const NO_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * Inbound e-mail for every plugin: parses MIME, drops automatic and bulk mail, records bounces,
 * keeps each Message-ID once per mailbox, enforces size and per-sender rate limits (quarantining
 * what exceeds them), matches or creates the customer, threads replies to our own outgoing
 * messages, and hands the message to the plugin that owns the mailbox. Fed by the SMTP listener
 * and the IMAP poller. Personal data (addresses, subjects) is never logged.
 */
export class MailIntake {
  private readonly handlers = new Registry<MailHandler>('Mail handler');
  private readonly senderLimiter: RateLimiterPostgres;

  constructor(private readonly options: { dataSource: DataSource; customers: CustomerService; logger: Logger; limits: MailIntakeLimits }) {
    // TypeORM's Postgres driver keeps its pg Pool as `master`; counters are shared by every process.
    const pool = (options.dataSource.driver as unknown as { master: unknown }).master;
    this.senderLimiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'mail:sender',
      points: options.limits.senderPerHour,
      duration: 3600,
    });
  }

  get limits(): MailIntakeLimits {
    return this.options.limits;
  }

  /** Register a plugin's handler (through `ctx.mail.handle`). */
  register(owner: string, handler: MailHandler): void {
    this.handlers.register(owner, `${owner}.${handler.name}`, handler);
  }

  private async targets(): Promise<Target[]> {
    const all: Target[] = [];
    for (const { key, value } of this.handlers.entries()) {
      for (const mailbox of await value.mailboxes()) all.push({ key: `${key}:${mailbox.id}`, handler: value, mailbox });
    }
    return all;
  }

  /** The mailbox that receives SMTP mail for `address`, if any. */
  async smtpMailbox(address: string): Promise<string | null> {
    const wanted = address.trim().toLowerCase();
    const found = (await this.targets()).find((t) => t.mailbox.inbound === 'smtp' && t.mailbox.address.toLowerCase() === wanted);
    return found?.key ?? null;
  }

  /** Deliver a message received by SMTP to each mailbox among its recipients. */
  async deliverSmtp(raw: Buffer, recipients: string[]): Promise<IntakeOutcome[]> {
    const keys = new Set<string>();
    for (const r of recipients) {
      const key = await this.smtpMailbox(r);
      if (key) keys.add(key);
    }
    const outcomes: IntakeOutcome[] = [];
    for (const key of keys) outcomes.push(await this.deliver(key, raw));
    return outcomes;
  }

  /** Poll every IMAP mailbox once: each unseen message is delivered, then flagged seen. */
  async poll(): Promise<{ mailboxes: number; messages: number; failed: number }> {
    const targets = (await this.targets()).filter((t) => t.mailbox.inbound === 'imap' && t.mailbox.imap);
    let messages = 0;
    let failed = 0;
    for (const t of targets) {
      try {
        messages += await fetchUnseen(t.mailbox.imap!, async (raw) => void (await this.deliver(t.key, raw)));
      } catch (err) {
        failed += 1;
        this.options.logger.warn({ mailbox: t.key, err: (err as Error).message }, 'polling an IMAP mailbox failed');
      }
    }
    return { mailboxes: targets.length, messages, failed };
  }

  /**
   * Process one raw message (RFC 822) for the mailbox `key`. Idempotent per Message-ID: delivering
   * the same message again returns `duplicate` and changes nothing.
   */
  async deliver(key: string, raw: Buffer, options: { release?: MailQuarantineRecord } = {}): Promise<IntakeOutcome> {
    const target = (await this.targets()).find((t) => t.key === key);
    if (!target) throw new NotFoundError('Mailbox', key);
    const ds = this.options.dataSource;
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000 });
    const messageId = parsed.messageId?.trim() || `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`;
    const from = firstAddress(parsed.from);
    const messages = ds.getRepository(MailMessageRecord);
    const log = (outcome: IntakeOutcome, reason: string | null = null) =>
      this.options.logger.info({ mailbox: key, outcome, reason, sizeBytes: raw.length }, 'inbound mail');

    if (options.release) {
      // Only one release wins; the others see the message already taken.
      const taken = await messages.update({ mailboxKey: key, messageId, status: 'quarantined' }, { status: 'processing', reason: null });
      if (!taken.affected) {
        await ds.getRepository(MailQuarantineRecord).delete({ id: options.release.id });
        return 'duplicate';
      }
    } else {
      const inserted = await messages
        .createQueryBuilder()
        .insert()
        .values({ mailboxKey: key, messageId, status: 'processing' })
        .orIgnore()
        .returning('id')
        .execute();
      if (!(inserted.raw as unknown[]).length) {
        log('duplicate');
        return 'duplicate';
      }
    }
    const finish = async (status: MailMessageStatus, reason: string | null) => {
      await messages.update({ mailboxKey: key, messageId }, { status, reason });
    };

    // mailparser reads a `message/delivery-status` part as text; some versions keep it as an attachment.
    const deliveryStatus =
      parsed.attachments.find((a) => a.contentType === 'message/delivery-status')?.content.toString('utf8') ?? parsed.text ?? null;
    const verdict: MailClassification = classifyMail(headerLines(parsed.headerLines), deliveryStatus);
    const ownAddresses = new Set((await this.targets()).map((t) => t.mailbox.address.toLowerCase()));
    if (verdict.kind === 'bounce') {
      await this.markBounced(verdict.bouncedAddresses);
      await finish('bounce', verdict.reason);
      log('bounce', verdict.reason);
      return 'bounce';
    }
    if (verdict.kind !== 'personal' || !from || ownAddresses.has(from.address)) {
      const reason = verdict.reason ?? (from ? 'sent from one of our own mailboxes' : 'no sender address');
      await finish('ignored', reason);
      log('ignored', reason);
      return 'ignored';
    }

    const quarantine = async (reason: string) => {
      if (!options.release) {
        await ds.getRepository(MailQuarantineRecord).insert({
          mailboxKey: key,
          mailboxAddress: target.mailbox.address,
          messageId,
          sender: from.address,
          subject: (parsed.subject ?? '').slice(0, 500),
          reason,
          sizeBytes: raw.length,
          raw,
        });
      }
      await finish('quarantined', reason);
      log('quarantined', reason);
      return 'quarantined' as const;
    };
    if (!options.release) {
      if (raw.length > this.options.limits.maxBytes) return quarantine('too_large');
      try {
        await this.senderLimiter.consume(from.address);
      } catch (err) {
        if (err instanceof RateLimiterRes) return quarantine('rate_limited');
        throw err;
      }
    }

    const references = [...new Set(messageIds(parsed.references))];
    const inReplyTo = messageIds(parsed.inReplyTo)[0] ?? null;
    const { customer, created } = await this.customerFor(from.address, from.name);
    const mail: ReceivedMail = {
      messageId,
      inReplyTo,
      references,
      from,
      subject: oneLine(parsed.subject ?? ''),
      text: (parsed.text ?? '').trim(),
      attachments: parsed.attachments
        .filter((a) => a.contentDisposition !== 'inline' || !!a.filename)
        .filter((a) => a.contentType !== 'message/delivery-status')
        .map((a) => ({ fileName: a.filename ?? 'attachment', contentType: a.contentType.toLowerCase(), content: a.content })),
      thread: await this.threadOf(inReplyTo ? [inReplyTo, ...references.reverse()] : references.reverse()),
      customer,
      customerCreated: created,
    };
    try {
      await target.handler.receive(mail, target.mailbox);
    } catch (err) {
      this.options.logger.warn({ mailbox: key, err: (err as Error).message }, 'a mail handler failed; the message is quarantined');
      // A released message that fails again stays in the quarantine (the release answers `quarantined`).
      if (options.release) {
        await finish('quarantined', 'failed');
        return 'quarantined';
      }
      return quarantine('failed');
    }
    await finish('processed', null);
    // Mail from the address proves it works again.
    await ds.getRepository(MailBounceRecord).delete({ address: from.address });
    if (options.release) await ds.getRepository(MailQuarantineRecord).delete({ id: options.release.id });
    log('processed');
    return 'processed';
  }

  /** Quarantined messages, newest first. */
  async quarantined(skip: number, take: number): Promise<{ items: MailQuarantineRecord[]; totalCount: number }> {
    const [items, totalCount] = await this.options.dataSource
      .getRepository(MailQuarantineRecord)
      .findAndCount({ order: { receivedAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  /** Process a quarantined message now, without the size and rate limits; it leaves the quarantine. */
  async release(id: string): Promise<IntakeOutcome> {
    const row = await this.options.dataSource.getRepository(MailQuarantineRecord).findOneBy({ id });
    if (!row) throw new NotFoundError('Quarantined mail', id);
    return this.deliver(row.mailboxKey, row.raw, { release: row });
  }

  /** Delete a quarantined message for good. */
  async discard(id: string, manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.options.dataSource.manager).getRepository(MailQuarantineRecord);
    const row = await repo.findOneBy({ id });
    if (!row) throw new NotFoundError('Quarantined mail', id);
    await repo.delete({ id });
    await (manager ?? this.options.dataSource.manager)
      .getRepository(MailMessageRecord)
      .update({ mailboxKey: row.mailboxKey, messageId: row.messageId }, { status: 'ignored', reason: 'discarded from quarantine' });
  }

  /** When `address` last bounced, if it is marked. */
  async bouncedAt(address: string): Promise<Date | null> {
    return (await this.options.dataSource.getRepository(MailBounceRecord).findOneBy({ address: address.toLowerCase() }))?.bouncedAt ?? null;
  }

  private async markBounced(addresses: string[]): Promise<void> {
    for (const address of addresses) {
      await this.options.dataSource.query(
        `INSERT INTO mail_bounce (address, bounced_at, count) VALUES ($1, now(), 1)
         ON CONFLICT (address) DO UPDATE SET bounced_at = now(), count = mail_bounce.count + 1`,
        [address],
      );
    }
  }

  /** The thread of the first of `ids` that is one of our outgoing messages. */
  private async threadOf(ids: string[]): Promise<string | null> {
    if (!ids.length) return null;
    const rows = await this.options.dataSource
      .getRepository(NotificationRecord)
      .find({ where: { messageId: In(ids) }, select: { messageId: true, threadRef: true } });
    for (const id of ids) {
      const hit = rows.find((r) => r.messageId === id && r.threadRef);
      if (hit) return hit.threadRef;
    }
    return null;
  }

  private async customerFor(address: string, name: string | null): Promise<{ customer: Customer; created: boolean }> {
    return this.options.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Customer);
      const existing =
        (await repo.findOneBy({ email: address })) ??
        (await repo.createQueryBuilder('c').where(':address = ANY(c.emails)', { address }).orderBy('c.created_at').getOne());
      if (existing) return { customer: existing, created: false };
      // Two messages from a new sender at once: the second waits for the first's customer.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mail-customer:${address}`]);
      const again = await repo.findOneBy({ email: address });
      if (again) return { customer: again, created: false };
      const customer = await this.options.customers.create(
        m,
        { name: displayName(name, address), email: address, tags: ['created-from-email'] },
        'email',
      );
      return { customer, created: true };
    });
  }
}

function firstAddress(from: AddressObject | undefined): { address: string; name: string | null } | null {
  const entry = from?.value.find((v) => v.address && NO_ADDRESS.test(v.address.trim()));
  if (!entry?.address) return null;
  return { address: normalizeEmail(entry.address), name: entry.name?.trim() || null };
}

/** Message-IDs from a header value (string or list), with angle brackets. */
function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return text.match(/<[^<>\s]+>/g) ?? [];
}

function oneLine(s: string): string {
  return s.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

function displayName(name: string | null, address: string): string {
  const clean = oneLine(name ?? '').replace(/^["']|["']$/g, '');
  return (clean || address.split('@')[0]!).slice(0, 200);
}
