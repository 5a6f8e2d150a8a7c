import { randomUUID } from 'node:crypto';
import type { Page } from '../graphql/pagination.js';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { NotFoundError, ValidationError, type FieldError } from '../errors.js';
import type { DeliveredEvent, EventBus, EventHandlerContext } from '../events/event-bus.js';
import type { JobInfo, JobQueue } from '../jobs/job-queue.js';
import { type SecretBox, SecretKeyError } from '../crypto/secret-box.js';
import { CORE_VERSION } from '../version.js';
import { webhookSecretContext } from './webhook-secrets.js';
import { RefusedTargetError, checkResolvedHost, checkWebhookUrl, postGuarded, type WebhookTargetPolicy } from './webhook-target.js';
import { newWebhookSecret, webhookSignatureHeader } from './signature.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** Fields of a new subscription. */
export interface WebhookSubscriptionInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
}

/** Changes to a subscription; `active: true` re-enables it and clears its failure count. */
export interface WebhookSubscriptionUpdate extends Partial<WebhookSubscriptionInput> {
  active?: boolean;
}

export interface WebhookServiceOptions {
  dataSource: DataSource;
  /** Seals signing secrets before they are stored and opens them to sign. */
  secrets: SecretBox;
  jobs: JobQueue;
  events: EventBus;
  logger: Logger;
  /** Attempts per event and endpoint. */
  maxAttempts: number;
  retryDelaySeconds: number;
  /** Consecutive failed attempts that disable a subscription. */
  disableAfter: number;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** Which addresses endpoints may have; internal ones only where an operator allowed them. */
  targets: WebhookTargetPolicy;
}

const DELIVER = 'core.webhooks.deliver';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TAKE = 100;

/** `take` capped at 100, `skip` at least 0. */
export function pageWindow(skip = 0, take = 20): { skip: number; take: number } {
  return { skip: Math.max(0, skip), take: Math.min(MAX_TAKE, Math.max(1, take)) };
}

/**
 * Outgoing webhooks. A core event subscriber (`core.webhooks`, all events) enqueues one delivery job
 * per matching active subscription in the delivery's transaction, so each event reaches each
 * endpoint's queue exactly once. The job posts the event, signed, and records every attempt;
 * failures retry with exponential backoff, and a subscription whose attempts keep failing is
 * disabled until someone re-enables it.
 */
export class WebhookService {
  private readonly logger: Logger;

  constructor(private readonly options: WebhookServiceOptions) {
    this.logger = options.logger.child({ component: 'webhooks' });
  }

  /** Subscribe to all events and define the delivery job. Call before the job queue runs. */
  install(): void {
    const { events, jobs, maxAttempts, retryDelaySeconds, timeoutMs = 10_000 } = this.options;
    events.subscribe('core', '*', 'webhooks', (event, context) => this.fanOut(event, context));
    jobs.define(DELIVER, (data: { subscriptionId: string; eventId: string }, job) => this.deliver(data.subscriptionId, data.eventId, job), {
      batchSize: 10,
      retryLimit: maxAttempts - 1,
      retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: Math.ceil(timeoutMs / 1000) + 30,
    });
  }

  async list(skip?: number, take?: number): Promise<Page<WebhookSubscription>> {
    const [items, totalCount] = await this.repo().findAndCount({ order: { createdAt: 'ASC' }, ...pageWindow(skip, take) });
    return { items, totalCount };
  }

  /** Create a subscription; the secret is returned here and never again. */
  async create(input: WebhookSubscriptionInput): Promise<{ subscription: WebhookSubscription; secret: string }> {
    this.checkEventTypes(input.eventTypes);
    await this.checkUrl(input.url);
    const secret = newWebhookSecret();
    const id = randomUUID();
    const subscription = await this.repo().save(
      this.repo().create({
        id,
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        description: input.description ?? null,
        secretSealed: this.options.secrets.seal(secret, webhookSecretContext(id)),
        active: true,
      }),
    );
    return { subscription, secret };
  }

  async update(id: string, input: WebhookSubscriptionUpdate): Promise<WebhookSubscription> {
    if (input.eventTypes) this.checkEventTypes(input.eventTypes);
    if (input.url !== undefined) await this.checkUrl(input.url);
    const subscription = await this.get(id);
    if (input.url !== undefined) subscription.url = input.url;
    if (input.eventTypes) subscription.eventTypes = [...new Set(input.eventTypes)];
    if (input.description !== undefined) subscription.description = input.description;
    if (input.active === true && !subscription.active) {
      subscription.consecutiveFailures = 0;
      subscription.disabledAt = null;
    }
    if (input.active !== undefined) subscription.active = input.active;
    return this.repo().save(subscription);
  }

  /** Delete a subscription and its delivery log; queued deliveries to it are dropped. */
  async delete(id: string): Promise<boolean> {
    await this.get(id);
    await this.repo().delete({ id });
    return true;
  }

  async deliveries(subscriptionId: string, skip?: number, take?: number): Promise<Page<WebhookDelivery>> {
    await this.get(subscriptionId);
    const [items, totalCount] = await this.options.dataSource
      .getRepository(WebhookDelivery)
      .findAndCount({ where: { subscriptionId }, order: { createdAt: 'DESC', attempt: 'DESC' }, ...pageWindow(skip, take) });
    return { items, totalCount };
  }

  /** Enqueue a delivery job per matching active subscription, in the event delivery's transaction. */
  async fanOut(event: DeliveredEvent, { manager }: EventHandlerContext): Promise<void> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM webhook_subscription WHERE active AND ($1 = ANY(event_types) OR '*' = ANY(event_types))`,
      [event.type],
    );
    for (const { id } of rows) {
      await this.options.jobs.send(DELIVER, { subscriptionId: id, eventId: event.id }, { manager, key: `${event.id}#${id}` });
    }
  }

  /** One attempt to post one event to one subscription. Throws (to retry) when it failed and the subscription is still active. */
  async deliver(subscriptionId: string, eventId: string, job: Pick<JobInfo, 'id' | 'attempt'>): Promise<void> {
    const { dataSource, timeoutMs = 10_000 } = this.options;
    const subscription = await this.repo().findOneBy({ id: subscriptionId });
    // Deleted or disabled since the job was queued: nothing to do.
    if (!subscription?.active) return;
    const [event]: Array<{ type: string; payload: unknown; occurred_at: Date }> = await dataSource.query(
      'SELECT type, payload, occurred_at FROM event_outbox WHERE id = $1',
      [eventId],
    );
    if (!event) return;

    const body = JSON.stringify({ id: eventId, type: event.type, occurredAt: event.occurred_at.toISOString(), payload: event.payload });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // Opened only now, and only in this function's scope: the plain secret is never kept.
      const secret = this.options.secrets.open(subscription.secretSealed, webhookSecretContext(subscription.id));
      const res = await postGuarded(
        subscription.url,
        body,
        {
          'content-type': 'application/json',
          'user-agent': `Aftercare-Webhooks/${CORE_VERSION}`,
          'x-aftercare-event': event.type,
          'x-aftercare-delivery': job.id,
          'x-aftercare-timestamp': String(timestamp),
          'x-aftercare-signature': webhookSignatureHeader(secret, timestamp, body),
        },
        // Redirects are not followed: following one could send signed events somewhere not configured.
        { policy: this.options.targets, timeoutMs },
      );
      statusCode = res.status;
      if (res.status < 200 || res.status >= 300) error = `The endpoint answered HTTP ${res.status}.`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      error =
        err instanceof SecretKeyError
          ? `Not sent: the signing secret cannot be decrypted. ${e.message}`
          : err instanceof RefusedTargetError || e.cause instanceof RefusedTargetError
            ? `Not sent: ${(e.cause instanceof RefusedTargetError ? e.cause : e).message}.`
            : e.name === 'TimeoutError'
              ? `No answer within ${timeoutMs / 1000} s.`
              : `Request failed: ${e.cause?.code ?? e.cause?.message ?? e.message}.`;
    }
    const durationMs = Math.round(performance.now() - started);

    const disabled = await dataSource.transaction(async (m) => {
      await m.getRepository(WebhookDelivery).insert({
        id: randomUUID(),
        subscriptionId,
        eventId,
        eventType: event.type,
        deliveryId: job.id,
        attempt: job.attempt,
        success: !error,
        statusCode,
        durationMs,
        error,
      });
      if (!error) {
        await m.query('UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0', [
          subscriptionId,
        ]);
        return false;
      }
      const [row]: Array<{ disabled: boolean }> = await m.query(
        `UPDATE webhook_subscription
            SET consecutive_failures = consecutive_failures + 1,
                active = active AND consecutive_failures + 1 < $2,
                disabled_at = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END
          WHERE id = $1
        RETURNING (NOT active AND disabled_at = now()) AS disabled`,
        [subscriptionId, this.options.disableAfter],
      );
      return row?.disabled ?? false;
    });
    if (!error) return;
    if (disabled) {
      this.logger.warn(
        { subscriptionId, url: subscription.url, failures: this.options.disableAfter },
        'webhook subscription disabled after consecutive failed attempts',
      );
      return;
    }
    throw new Error(`Webhook ${subscriptionId}: ${error}`);
  }

  /**
   * Key rotation: seal again, under the current secret key, every signing secret sealed under a
   * previous one (AFTERCARE_PREVIOUS_SECRET_KEYS). Runs at start; safe to run in several processes
   * at once (each row changes only if nobody changed it since it was read). Secrets sealed under a
   * key this server does not have are counted and logged: their deliveries fail until the key is
   * configured again.
   */
  async resealSecrets(): Promise<{ resealed: number; unreadable: number; unknownKeyIds: string[] }> {
    const { dataSource, secrets } = this.options;
    const rows: Array<{ id: string; secret_sealed: string }> = await dataSource.query(
      `SELECT id, secret_sealed FROM webhook_subscription WHERE split_part(secret_sealed, ':', 2) <> $1`,
      [secrets.keyId],
    );
    let resealed = 0;
    const unknown = new Set<string>();
    let unreadable = 0;
    for (const row of rows) {
      let plain: string;
      try {
        plain = secrets.open(row.secret_sealed, webhookSecretContext(row.id));
      } catch (err) {
        unreadable++;
        unknown.add((err as SecretKeyError).keyId ?? 'unknown');
        continue;
      }
      const changed = await dataSource.query(`UPDATE webhook_subscription SET secret_sealed = $3 WHERE id = $1 AND secret_sealed = $2`, [
        row.id,
        row.secret_sealed,
        secrets.seal(plain, webhookSecretContext(row.id)),
      ]);
      if (changed[1]) resealed++;
    }
    const unknownKeyIds = [...unknown].sort();
    if (resealed) this.logger.info({ resealed, keyId: secrets.keyId }, 'webhook secrets re-encrypted with the current secret key');
    if (unreadable) {
      this.logger.error(
        { unreadable, keyIds: unknownKeyIds, have: secrets.keyIds },
        'webhook secrets encrypted with a secret key this server does not have: their deliveries fail until AFTERCARE_SECRET_KEY or AFTERCARE_PREVIOUS_SECRET_KEYS holds that key',
      );
    }
    return { resealed, unreadable, unknownKeyIds };
  }

  private repo() {
    return this.options.dataSource.getRepository(WebhookSubscription);
  }

  private async get(id: string): Promise<WebhookSubscription> {
    const found = UUID.test(id) ? await this.repo().findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('Webhook subscription', id);
    return found;
  }

  /**
   * Refuse endpoints on internal networks (SSRF): the URL as written, then what its host resolves
   * to now. Delivery checks the resolved address again, since DNS can change after saving.
   */
  private async checkUrl(url: string) {
    const problem = checkWebhookUrl(url, this.options.targets) ?? (await checkResolvedHost(new URL(url).hostname, this.options.targets));
    if (problem) {
      throw new ValidationError([
        { field: 'url', message: problem.startsWith('must') ? problem : `must not point at an internal address: ${problem}` },
      ]);
    }
  }

  private checkEventTypes(types: string[]) {
    const known = new Set(this.options.events.types().map((t) => t.type));
    const fields: FieldError[] = [];
    types.forEach((t, i) => {
      if (t !== '*' && !known.has(t)) {
        fields.push({
          field: `eventTypes.${i}`,
          message: `'${t}' is not an event type of this server; use '*' or one listed by the eventTypes query.`,
        });
      }
    });
    if (fields.length) throw new ValidationError(fields);
  }
}
