import type { Clock } from './clock/clock.js';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AftercareConfig } from './config.js';
import { CORE_EVENTS } from './domain/customer.events.js';
import { EventBus } from './events/event-bus.js';
import { JobQueue } from './jobs/job-queue.js';
import type { Registries } from './plugin/context.js';
import type { PluginDefinition } from './plugin/define-plugin.js';
import { type MailTransport, NotificationService } from './notifications/notification.service.js';
import { SLA_EVENTS } from './sla/sla.events.js';
import type { SecretBox } from './crypto/secret-box.js';
import { WebhookService } from './webhooks/webhook.service.js';

/** The event bus and job queue of one server process. */
export interface CoreServices {
  events: EventBus;
  jobs: JobQueue;
  webhooks: WebhookService;
  notifications: NotificationService;
  /** After plugin setup: define the plugins' jobs, then start workers and schedules (in worker processes). */
  run(): Promise<void>;
  /** Stop workers (running jobs get `timeoutMs` to finish) and close the queue's pool. */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * Start the job queue (installs or upgrades the `pgboss` schema) and the event bus, and declare the
 * plugins' events. Runs after the platform migrations and before plugin setup, so that setup can
 * already enqueue jobs.
 */
export async function startCoreServices(options: {
  config: AftercareConfig;
  mailTransport: MailTransport;
  databaseUrl: string;
  dataSource: DataSource;
  registries: Registries;
  plugins: PluginDefinition<any>[];
  logger: Logger;
  /** The server's secret key, for webhook signing secrets. */
  secrets: SecretBox;
  /** The server's clock. */
  clock: Clock;
}): Promise<CoreServices> {
  const { config, registries, logger } = options;
  const jobs = new JobQueue({
    url: options.databaseUrl,
    logger,
    workers: config.jobs,
    pollingIntervalSeconds: config.jobPollSeconds,
    clock: options.clock,
  });
  await jobs.start();
  jobs.watchCommits(options.dataSource);
  const events = new EventBus({
    dataSource: options.dataSource,
    jobs,
    subscribers: registries.eventSubscribers,
    eventTypes: registries.eventTypes,
    logger,
    maxAttempts: config.deliveryMaxAttempts,
    retryDelaySeconds: config.retryDelaySeconds,
  });
  const webhooks = new WebhookService({
    dataSource: options.dataSource,
    secrets: options.secrets,
    jobs,
    events,
    logger,
    maxAttempts: config.deliveryMaxAttempts,
    retryDelaySeconds: config.retryDelaySeconds,
    disableAfter: config.webhookDisableAfter,
    targets: { allowedRanges: config.webhookAllowedTargets },
  });
  const notifications = new NotificationService({
    dataSource: options.dataSource,
    jobs,
    transport: options.mailTransport,
    clock: options.clock,
    from: config.mailFrom,
    logger: logger.child({ component: 'notifications' }),
    maxAttempts: config.deliveryMaxAttempts,
    retryDelaySeconds: config.retryDelaySeconds,
  });
  try {
    events.install();
    webhooks.install();
    notifications.install();
    for (const e of [...CORE_EVENTS, ...SLA_EVENTS]) events.declare('core', e);
    for (const plugin of options.plugins) for (const e of plugin.events ?? []) events.declare(plugin.name, e);
  } catch (err) {
    await jobs.stop();
    throw err;
  }
  return {
    events,
    jobs,
    webhooks,
    notifications,
    async run() {
      for (const { key, value } of registries.jobs.entries())
        jobs.define(key, value.handler, { batchSize: 5, ...value.options, cron: value.cron });
      await jobs.run();
    },
    stop: (timeoutMs) => jobs.stop(timeoutMs),
  };
}
