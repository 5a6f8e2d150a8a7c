import type { Logger } from 'pino';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { AccessService } from '../access/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AftercareConfig } from '../config.js';
import type { Notifier } from '../identity/notify.js';
import type { SettingsAccess } from '../settings/settings.service.js';
import type { SlaService } from '../sla/sla.service.js';
import type { Registry } from './registry.js';

/** Database access a plugin receives. */
export interface Database {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  getRepository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T>;
  /** Run `fn` in one transaction: a state change, its audit entry and its event commit together or not at all. */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
}

/** A handler for a domain event. Handlers must be idempotent: delivery is at least once. */
export type EventHandler = (event: { id: string; type: string; payload: unknown; occurredAt: Date }) => Promise<void>;
/** A background job handler. */
export type JobHandler = (data: unknown) => Promise<void>;

/**
 * The registries plugins contribute to. Contributions are collected at setup; the core engines
 * (event delivery, job queue, timeline, metrics, privacy export) consume them.
 */
export interface Registries {
  /** Event subscribers, keyed `<event type>#<plugin>.<name>`. */
  readonly eventSubscribers: Registry<{ type: string; handler: EventHandler }>;
  /** Job handlers, keyed by job name `<plugin>.<job>`. */
  readonly jobs: Registry<{ handler: JobHandler; cron?: string }>;
}

/**
 * What a plugin's `setup(ctx)` receives: the core services, scoped to the plugin. Plugins use only
 * this (and core's public exports), never core internals or other plugins' code.
 */
export interface PluginContext<S = unknown> {
  readonly plugin: { readonly name: string; readonly version: string };
  readonly config: Readonly<Pick<AftercareConfig, 'env' | 'dataDir'>>;
  /** pino logger bound to `{ plugin: name }`. */
  readonly logger: Logger;
  readonly db: Database;
  /** The plugin's own settings, typed by its settings schema. */
  readonly settings: SettingsAccess<S>;
  /** SLA clocks for the plugin's requests: start, record events, read due dates. */
  readonly sla: SlaService;
  /** Append-only audit trail: `audit.record(manager, entry)` inside the transaction of the change. */
  readonly audit: AuditService;
  /** Access checks: permissions, `requireCustomer`, separation of duties, approval thresholds. */
  readonly access: AccessService;
  /** Send a message to a person (`notify.send({ to, subject, text })`). */
  readonly notify: Notifier;
  /** Subscribe to a domain event; `name` identifies the subscriber for idempotent delivery. */
  subscribe(type: string, name: string, handler: EventHandler): void;
  /** Define a background job `<plugin>.<name>`, optionally on a cron schedule. */
  defineJob(name: string, handler: JobHandler, options?: { cron?: string }): void;
  /** Run `fn` during graceful shutdown, after HTTP has stopped and before the database closes. */
  onShutdown(fn: () => Promise<void> | void): void;
}
