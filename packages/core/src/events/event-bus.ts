import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobInfo, JobQueue } from '../jobs/job-queue.js';
import type { Registry } from '../plugin/registry.js';
import { currentRequest } from '../request-context.js';
import { type EventTrigger, type EventType, isEventTypeName } from './define-event.js';

/** An event as a subscriber receives it. `payload` is the JSON-parsed payload that was published. */
export interface DeliveredEvent<P = unknown> {
  id: string;
  type: string;
  payload: P;
  occurredAt: Date;
  aggregateId: string | null;
  requestId: string | null;
}

/** What a subscriber's handler receives besides the event. */
export interface EventHandlerContext {
  /**
   * The transaction the delivery is recorded in. Writes made through it commit together with the
   * "delivered" mark, or not at all if the handler throws: such handlers see each event exactly once.
   */
  manager: EntityManager;
  /** 1 on the first run for this subscriber, then 2, 3, … on retries. */
  attempt: number;
  /** `<plugin>.<name>` of this subscriber. */
  subscriber: string;
}

/**
 * A subscriber's handler. Throwing fails this attempt: the writes it made through `context.manager`
 * roll back and the delivery is retried with backoff.
 */
export type EventHandler<P = unknown> = (event: DeliveredEvent<P>, context: EventHandlerContext) => Promise<void>;

/** A registered event subscriber. */
export interface EventSubscription {
  /** The event type, or `*` for every event. */
  type: string;
  handler: EventHandler<any>;
}

/** A declared event type, as listed for integrators. */
export interface EventTypeDeclaration {
  type: string;
  owner: string;
  description?: string;
  /** Present when the event can trigger a follow-up (a survey): see `defineEvent`'s `trigger` option. */
  trigger?: EventTrigger;
}

/** Options of one published event. */
export interface PublishOptions {
  /** The id of the object the event is about (a case, a claim). */
  aggregateId?: string;
}

/** Event publishing a plugin receives as `ctx.events`. */
export interface Events {
  /**
   * Write `event` to the outbox through `manager`, the transaction of the change it describes: the
   * event exists if and only if that transaction commits. Subscribers and webhooks get it after
   * commit. Resolves to the event id.
   *
   * @example
   * await ctx.db.transaction(async (manager) => {
   *   const claim = await manager.save(WarrantyClaim, { ... });
   *   await ctx.events.publish(manager, claimSubmitted, { claimId: claim.id }, { aggregateId: claim.id });
   * });
   */
  publish<P>(manager: EntityManager, event: EventType<P>, payload: P, options?: PublishOptions): Promise<string>;
  /**
   * The declared events of core and every enabled plugin that can trigger a follow-up (declared with
   * `defineEvent(type, { trigger })`), sorted by type. Read it after setup (in a service call or handler).
   */
  triggers(): EventTypeDeclaration[];
}

/** Settings of event delivery, from the server configuration. */
export interface EventBusOptions {
  dataSource: DataSource;
  jobs: JobQueue;
  subscribers: Registry<EventSubscription>;
  eventTypes: Registry<EventTypeDeclaration>;
  logger: Logger;
  /** Attempts per subscriber before the delivery is marked failed. */
  maxAttempts: number;
  retryDelaySeconds: number;
}

const DISPATCH = 'core.events.dispatch';
const DELIVER = 'core.events.deliver';
const SWEEP = 'core.events.sweep';

/** `<type>#<plugin>.<name>` → `<plugin>.<name>`. */
const subscriberOf = (key: string) => key.slice(key.indexOf('#') + 1);

/**
 * Domain events with a transactional outbox.
 *
 * Flow: `publish` inserts the event and a dispatch job in the caller's transaction. After commit a
 * worker fans the event out: one `event_delivery` row and one delivery job per matching subscriber,
 * in one transaction. A delivery job locks its row, runs the handler with a transaction manager and
 * marks the row delivered in that same transaction. Failed runs retry with backoff up to
 * `maxAttempts`, then the row is marked failed. A sweep re-dispatches events whose dispatch was lost.
 *
 * Guarantee: at least once per subscriber; exactly once for handlers whose effects are writes
 * through the `manager` they are given.
 */
export class EventBus {
  private readonly logger: Logger;

  constructor(private readonly options: EventBusOptions) {
    this.logger = options.logger.child({ component: 'events' });
  }

  /** Declare an event type owned by `owner` (core or a plugin). */
  declare(owner: string, event: EventType<any>): void {
    if (owner !== 'core' && !event.type.startsWith(`${owner}.`)) {
      throw new Error(`Plugin '${owner}' declares event '${event.type}', which must start with '${owner}.'.`);
    }
    this.options.eventTypes.register(owner, event.type, {
      type: event.type,
      owner,
      ...(event.description ? { description: event.description } : {}),
      ...(event.trigger ? { trigger: event.trigger } : {}),
    });
  }

  /** Declared event types, sorted by type. */
  types(): EventTypeDeclaration[] {
    return this.options.eventTypes.values().sort((a, b) => a.type.localeCompare(b.type));
  }

  /** Register `<owner>.<name>` for events of `type` (`*` for all). Subscriber names are unique per owner. */
  subscribe(owner: string, type: string | EventType<any>, name: string, handler: EventHandler<any>): void {
    const eventType = typeof type === 'string' ? type : type.type;
    if (eventType !== '*' && !isEventTypeName(eventType)) {
      throw new Error(`Cannot subscribe to '${eventType}': not an event type ('<owner>.<object>.<verb>' or '*').`);
    }
    if (!/^[a-z][a-zA-Z0-9-]*$/.test(name)) {
      throw new Error(`Subscriber name '${name}' must be a simple identifier such as 'update-projection'.`);
    }
    const subscriber = `${owner}.${name}`;
    const taken = this.options.subscribers.entries().find((e) => subscriberOf(e.key) === subscriber);
    if (taken) {
      throw new Error(`Subscriber '${subscriber}' is already subscribed to '${taken.value.type}': give each subscription its own name.`);
    }
    this.options.subscribers.register(owner, `${eventType}#${subscriber}`, { type: eventType, handler });
  }

  /** Subscribers (`<plugin>.<name>`) that receive events of `type`. */
  subscribersFor(type: string): string[] {
    return this.options.subscribers
      .entries()
      .filter((e) => e.value.type === type || e.value.type === '*')
      .map((e) => subscriberOf(e.key));
  }

  /** The publishing API for `owner`: it may publish only the events it declared. */
  forOwner(owner: string): Events {
    return {
      publish: (manager, event, payload, options) => this.publish(manager, event, payload, options, owner),
      triggers: () => this.types().filter((t) => t.trigger),
    };
  }

  /** Publish an event (see {@link Events.publish}); `owner`, when given, must have declared it. */
  async publish<P>(manager: EntityManager, event: EventType<P>, payload: P, options: PublishOptions = {}, owner?: string): Promise<string> {
    const declared = this.options.eventTypes.entries().find((e) => e.key === event.type);
    if (!declared) {
      throw new Error(`Event '${event.type}' is not declared: add it to the 'events' of its plugin's definePlugin().`);
    }
    if (owner && declared.owner !== owner) {
      throw new Error(`Plugin '${owner}' cannot publish '${event.type}': it is owned by '${declared.owner}'.`);
    }
    const id = randomUUID();
    await manager.query('INSERT INTO event_outbox (id, type, payload, aggregate_id, request_id) VALUES ($1, $2, $3::jsonb, $4, $5)', [
      id,
      event.type,
      JSON.stringify(payload ?? null),
      options.aggregateId ?? null,
      currentRequest()?.requestId ?? null,
    ]);
    await this.options.jobs.send(DISPATCH, { eventId: id }, { manager });
    return id;
  }

  /** Define the dispatch, delivery and sweep jobs. Call before the job queue runs. */
  install(): void {
    const { jobs, maxAttempts, retryDelaySeconds } = this.options;
    jobs.define(DISPATCH, (data: { eventId: string }) => this.dispatch(data.eventId), {
      batchSize: 10,
      retryLimit: 10,
      retryDelaySeconds: 5,
      expireInSeconds: 120,
    });
    jobs.define(DELIVER, (data: { eventId: string; subscriber: string }, job) => this.deliver(data.eventId, data.subscriber, job), {
      batchSize: 10,
      retryLimit: maxAttempts - 1,
      retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 300,
    });
    jobs.define(SWEEP, () => this.sweep().then(() => undefined), { cron: '* * * * *', retryLimit: 0, expireInSeconds: 60 });
  }

  /** Fan one event out to its subscribers: a delivery row and a delivery job each, in one transaction. */
  async dispatch(eventId: string): Promise<void> {
    const { dataSource, jobs } = this.options;
    const created = await dataSource.transaction(async (m) => {
      const [event]: Array<{ type: string; dispatched_at: Date | null }> = await m.query(
        'SELECT type, dispatched_at FROM event_outbox WHERE id = $1 FOR UPDATE',
        [eventId],
      );
      if (!event || event.dispatched_at) return 0;
      const subscribers = this.subscribersFor(event.type);
      let count = 0;
      if (subscribers.length) {
        const rows: Array<{ subscriber: string }> = await m.query(
          `INSERT INTO event_delivery (event_id, subscriber) SELECT $1, unnest($2::text[])
           ON CONFLICT DO NOTHING RETURNING subscriber`,
          [eventId, subscribers],
        );
        for (const { subscriber } of rows) {
          await jobs.send(DELIVER, { eventId, subscriber }, { manager: m, key: `${eventId}#${subscriber}` });
          count++;
        }
      }
      await m.query('UPDATE event_outbox SET dispatched_at = now() WHERE id = $1', [eventId]);
      return count;
    });
    if (created) jobs.notify(DELIVER);
  }

  /**
   * Run one subscriber's handler for one event. The delivery row stays locked while the handler
   * runs, so two processes never run it concurrently, and a delivered row is never run again.
   */
  async deliver(eventId: string, subscriber: string, job: Pick<JobInfo, 'attempt' | 'lastAttempt'>): Promise<void> {
    const { dataSource } = this.options;
    try {
      await dataSource.transaction(async (manager) => {
        const [row]: Array<{
          status: string;
          type: string;
          payload: unknown;
          occurred_at: Date;
          aggregate_id: string | null;
          request_id: string | null;
        }> = await manager.query(
          `SELECT d.status, e.type, e.payload, e.occurred_at, e.aggregate_id, e.request_id
             FROM event_delivery d JOIN event_outbox e ON e.id = d.event_id
            WHERE d.event_id = $1 AND d.subscriber = $2
              FOR UPDATE OF d`,
          [eventId, subscriber],
        );
        if (!row || row.status !== 'pending') return;
        const entry = this.options.subscribers
          .entries()
          .find((e) => subscriberOf(e.key) === subscriber && (e.value.type === row.type || e.value.type === '*'));
        if (!entry) throw new Error(`Subscriber '${subscriber}' for '${row.type}' is not registered in this process.`);
        const event: DeliveredEvent = {
          id: eventId,
          type: row.type,
          payload: row.payload,
          occurredAt: row.occurred_at,
          aggregateId: row.aggregate_id,
          requestId: row.request_id,
        };
        await entry.value.handler(event, { manager, attempt: job.attempt, subscriber });
        await manager.query(
          `UPDATE event_delivery SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_error = NULL, updated_at = now()
            WHERE event_id = $1 AND subscriber = $2`,
          [eventId, subscriber],
        );
      });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      await dataSource.query(
        `UPDATE event_delivery SET attempts = attempts + 1, last_error = $3, updated_at = now(),
                status = CASE WHEN $4::boolean THEN 'failed' ELSE status END
          WHERE event_id = $1 AND subscriber = $2 AND status = 'pending'`,
        [eventId, subscriber, message.slice(0, 2000), job.lastAttempt],
      );
      if (job.lastAttempt) {
        this.logger.error({ eventId, subscriber, attempts: job.attempt, err }, 'event delivery failed for good; retry it from the API');
      }
      throw err;
    }
  }

  /** Put a failed delivery back in the queue. Returns false when there is no failed delivery to retry. */
  async retry(eventId: string, subscriber: string): Promise<boolean> {
    const { dataSource, jobs } = this.options;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(eventId)) return false;
    const ok = await dataSource.transaction(async (m) => {
      const rows: unknown[] = await m.query(
        `UPDATE event_delivery SET status = 'pending', updated_at = now() WHERE event_id = $1 AND subscriber = $2 AND status = 'failed'
         RETURNING event_id`,
        [eventId, subscriber],
      );
      if (!rows.length) return false;
      await jobs.send(DELIVER, { eventId, subscriber }, { manager: m });
      return true;
    });
    if (ok) jobs.notify(DELIVER);
    return ok;
  }

  /**
   * Dispatch again events that committed over a minute ago and were never fanned out (a lost or
   * exhausted dispatch job). Returns how many were re-queued.
   */
  async sweep(olderThanSeconds = 60): Promise<number> {
    const rows: Array<{ id: string }> = await this.options.dataSource.query(
      `SELECT id FROM event_outbox WHERE dispatched_at IS NULL AND occurred_at < now() - make_interval(secs => $1)
        ORDER BY occurred_at LIMIT 500`,
      [olderThanSeconds],
    );
    for (const { id } of rows) await this.options.jobs.send(DISPATCH, { eventId: id });
    if (rows.length) this.logger.warn({ count: rows.length }, 're-dispatching events that were not fanned out');
    return rows.length;
  }
}
