import type { Logger } from 'pino';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { AccessService } from '../access/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock/clock.js';
import type { StateTransitions } from '../state/transitions.js';
import type { AftercareConfig } from '../config.js';
import type { Notifier } from '../notifications/notification.service.js';
import type { MailHandler } from '../mail/mail-intake.service.js';
import type { StaffNotifier } from '../staff-notifications/staff-notification.service.js';
import type { EventHandler, EventSubscription, Events, EventTypeDeclaration } from '../events/event-bus.js';
import type { EventType } from '../events/define-event.js';
import type { JobDefinitionOptions, JobHandler, Jobs } from '../jobs/job-queue.js';
import type { SettingsAccess } from '../settings/settings.service.js';
import type { SlaService } from '../sla/sla.service.js';
import type { DemoContribution, MetricDefinition, PrivacyContributor, SlaSubjectSource, TimelineSource } from './contributions.js';
import type { Registry } from './registry.js';

/** Database access a plugin receives. */
export interface Database {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  getRepository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T>;
  /** Run `fn` in one transaction: a state change, its audit entry and its event commit together or not at all. */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export type { EventHandler, JobHandler };

/**
 * The registries plugins contribute to. Contributions are collected at setup; the core engines
 * (event delivery, job queue, timeline, metrics, privacy export) consume them.
 */
export interface Registries {
  /** Event subscribers, keyed `<event type>#<plugin>.<name>`. */
  readonly eventSubscribers: Registry<EventSubscription>;
  /** Job handlers, keyed by job name `<plugin>.<job>`. */
  readonly jobs: Registry<{ handler: JobHandler<any>; cron?: string; options?: JobDefinitionOptions }>;
  /** Declared event types, keyed by type. */
  readonly eventTypes: Registry<EventTypeDeclaration>;
  /** Sources of the unified customer timeline, keyed `<plugin>.<name>`. */
  readonly timeline: Registry<TimelineSource>;
  /** How each SLA subject type is named and linked, keyed by subject type (`service-desk.case`). */
  readonly slaSubjects: Registry<SlaSubjectSource>;
  /** Metric definitions, keyed by metric name. */
  readonly metrics: Registry<MetricDefinition>;
  /** What each plugin holds about a customer, keyed `<plugin>.<name>`. */
  readonly privacy: Registry<PrivacyContributor>;
  /** Demo data seeders, keyed `<plugin>.<name>`, run in plugin boot order after core's demo data. */
  readonly demo: Registry<DemoContribution>;
}

/**
 * What a plugin's `setup(ctx)` receives: the core services, scoped to the plugin. Plugins use only
 * this (and core's public exports), never core internals or other plugins' code.
 */
export interface PluginContext<S = unknown> {
  readonly plugin: { readonly name: string; readonly version: string };
  readonly config: Readonly<Pick<AftercareConfig, 'env' | 'dataDir'>>;
  /**
   * Addresses people open from a message: `portal()` is the absolute URL of the customer portal,
   * ending in `/` (`portalUrl`, else this server's address + `portalPath`, known once it listens), or
   * undefined before the server listens and without `portalUrl`. Build links in messages from it.
   */
  readonly links: { portal(): string | undefined };
  /** The server's clock: read the current time only through it (`ctx.clock.now()`), never `new Date()`. */
  readonly clock: Clock;
  /** pino logger bound to `{ plugin: name }`. */
  readonly logger: Logger;
  readonly db: Database;
  /** The plugin's own settings, typed by its settings schema. */
  readonly settings: SettingsAccess<S>;
  /** SLA clocks for the plugin's requests: start, record events, read due dates. */
  readonly sla: SlaService;
  /**
   * State changes through a `defineStateMachine` table: `states.transition(manager, machine, { entity, id, to, ... })`
   * locks the row, checks version and move, writes the change, its history row, audit entry and event.
   */
  readonly states: StateTransitions;
  /** Append-only audit trail: `audit.record(manager, entry)` inside the transaction of the change. */
  readonly audit: AuditService;
  /** Access checks: permissions, `requireCustomer`, separation of duties, approval thresholds. */
  readonly access: AccessService;
  /**
   * Messages to people through the notification outbox: `notify.defineTemplate(name, { en, es })` in
   * setup, then `notify.enqueue(manager, { to, template, locale, data })` in the transaction of the change.
   */
  readonly notify: Notifier;
  /**
   * Inbound e-mail: `mail.handle({ name, mailboxes, receive })` receives the mail sent to the plugin's
   * mailboxes (by the SMTP listener or IMAP polling), after core dropped automatic and bulk mail,
   * recorded bounces, applied the size and sender limits, matched the customer and found the thread.
   */
  readonly mail: { handle(handler: MailHandler): void };
  /**
   * The staff notification centre: `defineKind({ name, description, emailByDefault })` in setup, then
   * `notify(manager, { kind, recipients, title, body, link })` in the transaction of the change. Each
   * person sees it in the console and, per kind as they choose, by e-mail.
   */
  readonly staffNotifications: StaffNotifier;
  /**
   * Encrypt what the plugin must store but nobody may read back (a mailbox password), with the
   * server's secret key (AES-256-GCM); `open` decrypts it for use.
   */
  readonly secrets: { seal(plaintext: string): string; open(sealed: string): string };
  /** Publish domain events in the transaction of the change (`ctx.events.publish(manager, event, payload)`). */
  readonly events: Events;
  /** Enqueue background jobs (`ctx.jobs.send('cleanup', data)`, `sendAfter` for a due time). */
  readonly jobs: Jobs;
  /**
   * Subscribe to a domain event (or `*` for all); `name` identifies the subscriber (`<plugin>.<name>`)
   * for idempotent delivery. Delivery is at least once, and exactly once for writes made through the
   * handler's `context.manager`.
   */
  subscribe<P>(type: EventType<P>, name: string, handler: EventHandler<P>): void;
  subscribe(type: string, name: string, handler: EventHandler): void;
  /** Define a background job `<plugin>.<name>`, optionally on a cron schedule (UTC), with its retry policy. */
  defineJob<T = unknown>(name: string, handler: JobHandler<T>, options?: JobDefinitionOptions): void;
  /** Contribute entries to the unified customer history (`customerTimeline`). */
  readonly timeline: { contribute(source: TimelineSource): void };
  /**
   * Describe the requests the plugin runs SLA clocks for, so "SLA at risk" and "Open requests" show
   * their number, title and link (one source per subject type, which must start with `<plugin>.`).
   */
  readonly slaSubjects: { contribute(source: SlaSubjectSource): void };
  /** Define named measures read through the `metrics` query and dashboards. */
  readonly metrics: { define(metric: MetricDefinition): void };
  /** Declare what the plugin holds about a customer, for data export and anonymisation. */
  readonly privacy: { contribute(contributor: PrivacyContributor): void };
  /**
   * Seed the plugin's demo data after core's (on `pnpm start` with an empty database, and
   * `pnpm aftercare seed`), e.g.
   * `ctx.demo.contribute({ name: 'cases', seed: async ({ manager, random, customers, purchases }) => { … } })`.
   */
  readonly demo: { contribute(contribution: DemoContribution): void };
  /** Run `fn` during graceful shutdown, after HTTP has stopped and before the database closes. */
  onShutdown(fn: () => Promise<void> | void): void;
}
