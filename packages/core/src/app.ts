import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { type AftercareConfig, type PluginEntry } from './config.js';
import { createDataSource } from './db/data-source.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { type SecretBox, loadSecretBox } from './crypto/secret-box.js';
import { type MigrationSet, migrationStatus, runMigrations } from './db/migrations.js';
import { SlaResolver } from './sla/sla.resolver.js';
import { SlaSubjectResolver } from './sla/sla-subject.resolver.js';
import { SlaService } from './sla/sla.service.js';
import { coreEntities } from './entities/index.js';
import { type CoreServices, startCoreServices } from './core-services.js';
import { EventDelivery } from './events/event-delivery.entity.js';
import { EventOutbox } from './events/event-outbox.entity.js';
import { NotificationRecord } from './notifications/notification.entity.js';
import { MailBounceRecord } from './mail/mail-bounce.entity.js';
import { MailMessageRecord } from './mail/mail-message.entity.js';
import { MailQuarantineRecord } from './mail/mail-quarantine.entity.js';
import { MailIntake } from './mail/mail-intake.service.js';
import { CustomerMailResolver, MailResolver } from './mail/mail.resolver.js';
import { StaffNotificationPreferenceRecord, StaffNotificationRecord } from './staff-notifications/staff-notification.entity.js';
import { StaffNotificationResolver } from './staff-notifications/staff-notification.resolver.js';
import { StaffNotificationService } from './staff-notifications/staff-notification.service.js';
import { type SmtpListener, startSmtpListener } from './mail/smtp-listener.js';
import { CORE_METRICS } from './metrics/core-metrics.js';
import { MetricsResolver } from './metrics/metrics.resolver.js';
import type { EventBus } from './events/event-bus.js';
import { EventResolver } from './events/event.resolver.js';
import type { JobQueue } from './jobs/job-queue.js';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity.js';
import { WebhookSubscription } from './webhooks/webhook-subscription.entity.js';
import { WebhookResolver } from './webhooks/webhook.resolver.js';
import { CustomerResolver } from './domain/customer.resolver.js';
import { ProductModelResolver, ProductResolver } from './domain/catalog.resolver.js';
import { PurchaseResolver } from './domain/purchase.resolver.js';
import { PrivacyResolver } from './domain/privacy.resolver.js';
import { ImportResolver } from './domain/import.resolver.js';
import { createDomainServices, type DomainServices } from './domain/domain.js';
import { type DemoOptions, type DemoResult, seedDemoData } from './domain/demo.service.js';
import { BootError } from './errors.js';
import { buildPlatformSchema } from './graphql/build-schema.js';
import { type GraphQLContext, RequestGraphQLContext, type SharedContext } from './graphql/context.js';
import { type PlatformInfo, PlatformResolver } from './graphql/platform.resolver.js';
import { createHttpServer } from './http/http-server.js';
import { type Clock, systemClock } from './clock/clock.js';
import { StateTransitions } from './state/transitions.js';
import { createLogger } from './logger.js';
import { migrations as coreMigrations } from './migrations/index.js';
import type { Database, EventHandler, PluginContext, Registries } from './plugin/context.js';
import type { EventType } from './events/define-event.js';
import type { PluginDefinition } from './plugin/define-plugin.js';
import { Registry } from './plugin/registry.js';
import { ResolverContainer } from './plugin/resolver-container.js';
import { type CoreContribution, resolvePlugins } from './plugin/resolve-plugins.js';
import { SettingsService, editableSettings } from './settings/settings.service.js';
import { SettingsResolver } from './settings/settings.resolver.js';
import { ErasureRequestResolver, PortalResolver } from './portal/portal.resolver.js';
import { PORTAL_SETTINGS_OWNER, portalSettingsSchema } from './portal/portal-settings.js';
import { access } from './access/actor.js';
import { checkRootFieldPolicies, rootFieldPolicies } from './access/policy.js';
import { audit } from './audit/audit.service.js';
import { AuditEventResolver, AuditResolver } from './audit/audit.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { IdentityService } from './identity/identity.service.js';
import { listenForApiKeyInvalidations } from './identity/api-key-cache-sync.js';
import { createMailTransport, type MailTransport, type Notifier } from './notifications/notification.service.js';
import { CORE_PERMISSIONS, collectPermissions, seedRoles } from './identity/permissions.js';
import { RateLimits } from './identity/rate-limits.js';
import { requestContext } from './request-context.js';
import { CORE_VERSION } from './version.js';

/** What core contributes to the schema, the DataSource and the migrations. */
export const core: CoreContribution & { migrations: MigrationSet['migrations'] } = {
  entities: [
    ...coreEntities,
    EventOutbox,
    EventDelivery,
    WebhookSubscription,
    WebhookDelivery,
    NotificationRecord,
    MailMessageRecord,
    MailQuarantineRecord,
    MailBounceRecord,
    StaffNotificationRecord,
    StaffNotificationPreferenceRecord,
  ],
  resolvers: [
    PlatformResolver,
    IdentityResolver,
    AuditResolver,
    AuditEventResolver,
    SlaResolver,
    SlaSubjectResolver,
    EventResolver,
    WebhookResolver,
    CustomerResolver,
    ProductResolver,
    ProductModelResolver,
    PurchaseResolver,
    PrivacyResolver,
    ImportResolver,
    MetricsResolver,
    SettingsResolver,
    MailResolver,
    CustomerMailResolver,
    StaffNotificationResolver,
    PortalResolver,
    ErasureRequestResolver,
  ],
  permissions: CORE_PERMISSIONS.map((p) => p.name),
  migrations: coreMigrations,
};

/** Imports a plugin module by specifier, from the composition root (whose dependencies hold the plugins). */
export type PluginImporter = (specifier: string) => Promise<unknown>;

/** `service-desk` → `@aftercare/service-desk`; scoped names and paths are used as given. */
export function pluginSpecifier(entry: string): string {
  return entry.startsWith('@') || entry.startsWith('.') || entry.startsWith('/') ? entry : `@aftercare/${entry}`;
}

/** Turn config entries (definitions or module specifiers) into plugin definitions. */
export async function loadPlugins(entries: PluginEntry[], importer?: PluginImporter): Promise<PluginDefinition<any>[]> {
  const out: PluginDefinition<any>[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      out.push(entry);
      continue;
    }
    const spec = pluginSpecifier(entry);
    let mod: { default?: PluginDefinition<any> };
    try {
      if (!importer) throw new Error('no importer given');
      mod = (await importer(spec)) as { default?: PluginDefinition<any> };
    } catch (err) {
      throw new BootError(
        'PLUGIN_NOT_FOUND',
        `Plugin '${entry}' could not be loaded from '${spec}' (${(err as Error).message.split('\n')[0]}): check the name in AFTERCARE_PLUGINS or aftercare.config.ts and that the package is installed.`,
      );
    }
    if (!mod.default || typeof mod.default.name !== 'string') {
      throw new BootError(
        'PLUGIN_NOT_FOUND',
        `Module '${spec}' has no default export made with definePlugin(): it is not an Aftercare plugin.`,
      );
    }
    out.push(mod.default);
  }
  return out;
}

/** The migration sets in run order: core first, then plugins in dependency order. */
export function migrationSets(plugins: PluginDefinition<any>[]): MigrationSet[] {
  return [{ owner: 'core', migrations: core.migrations }, ...plugins.map((p) => ({ owner: p.name, migrations: p.migrations ?? [] }))];
}

/** An open database: the DataSource and, when no DATABASE_URL was given, the embedded server. */
export interface OpenDatabase {
  dataSource: DataSource;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Connect to DATABASE_URL or start the embedded PostgreSQL, and initialise the DataSource. */
export async function openDatabase(config: AftercareConfig, plugins: PluginDefinition<any>[], logger: Logger): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, database: 'aftercare', logger });
    url = embedded.url;
    logger.info({ port: embedded.port }, 'embedded PostgreSQL running');
  }
  const dataSource = createDataSource({
    url,
    entities: [...core.entities, ...plugins.flatMap((p) => p.entities ?? [])],
    logger: logger.child({ component: 'db' }),
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    await embedded?.stop();
    const where = config.databaseUrl ? 'DATABASE_URL' : 'the embedded database';
    throw new BootError(
      'DATABASE_UNREACHABLE',
      `Cannot connect to ${where}: ${(err as Error).message}. Check that the server runs and the URL (user, password, database) is right.`,
    );
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

function databaseApi(dataSource: DataSource): Database {
  return {
    dataSource,
    manager: dataSource.manager,
    getRepository: (entity) => dataSource.getRepository(entity),
    transaction: <T>(fn: (m: EntityManager) => Promise<T>) => dataSource.transaction(fn),
  };
}

/** A running Aftercare server. */
export interface AftercareApp {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  graphqlUrl: string;
  config: AftercareConfig;
  logger: Logger;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Enabled plugins in boot (dependency) order. */
  plugins: PluginDefinition<any>[];
  /**
   * The services this server built for an enabled plugin (what its `services(ctx)` returned).
   * Throws when the plugin is not enabled on this server.
   */
  servicesOf<Svc>(plugin: PluginDefinition<any, Svc>): Svc;
  registries: Registries;
  http: FastifyInstance;
  /** Staff users, customers, sessions, API keys and roles (tooling and tests use it directly). */
  identity: IdentityService;
  /** Core's notifier: messages to people through the notification outbox. */
  notify: Notifier;
  /** SLA clocks, policies and alerts. */
  sla: SlaService;
  /** The clock the server reads the time from (see {@link StartOptions.clock}). */
  clock: Clock;
  /** Domain events: publish, declared types, delivery. */
  events: EventBus;
  /** The job queue (pg-boss). */
  jobs: JobQueue;
  /** Encrypts and decrypts stored secrets with the server's secret key (AFTERCARE_SECRET_KEY). */
  secrets: SecretBox;
  /** Inbound e-mail: delivery, IMAP polling (`mail.poll()`), quarantine, bounce marks. */
  mail: MailIntake;
  /** Port of the built-in SMTP listener; null when `mailListenPort` is not set. */
  smtpPort: number | null;
  /** The staff notification centre. */
  staffNotifications: StaffNotificationService;
  /** Core's customer domain: customers, catalog, purchases, timeline, privacy, import, demo data. */
  domain: DomainServices;
  /**
   * Seed the demo company (core's data, then each plugin's demo contribution) unless the database
   * has customers already. `start` calls it in development; `aftercare seed` on demand.
   */
  seedDemoData(options?: DemoOptions): Promise<DemoResult>;
  /** Graceful shutdown: stop accepting, finish in-flight requests, run plugin shutdown hooks, close the pool, stop embedded Postgres. */
  stop(): Promise<void>;
}

export interface StartOptions {
  importer?: PluginImporter;
  logger?: Logger;
  /** Replaces the mail transport from the configuration (tests capture messages with it). */
  mailTransport?: MailTransport;
  /**
   * A built single-page app (the admin console) to serve at `/`: files as they are, and index.html
   * for any other GET that asks for HTML. `/graphql`, `/healthz` and `/readyz` keep their meaning.
   */
  staticDir?: string;
  /** The built customer portal, served at the configured `portalPath` (index.html for its client-side routes). */
  portalDir?: string;
  /** Runs after migrations and plugin setup, before HTTP listens (e.g. demo data). */
  beforeListen?: (app: Omit<AftercareApp, 'url' | 'graphqlUrl'>) => Promise<void>;
  /** false: do not open the HTTP port (command-line tasks); `url` and `graphqlUrl` are then empty. */
  listen?: boolean;
  /**
   * The server's clock; default the system clock. Core (SLA, jobs, notifications) and every plugin
   * read the time through it, so tests that fix the time run the production code paths.
   */
  clock?: Clock;
}

/**
 * Boot the platform: check plugins, open the database, migrate (core, then plugins in dependency
 * order), build the schema, call each plugin's `setup`, listen. Any boot problem is a BootError
 * with a one-line message, and whatever was started is stopped again.
 */
export async function startAftercare(config: AftercareConfig, options: StartOptions = {}): Promise<AftercareApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const plugins = resolvePlugins(await loadPlugins(config.plugins, options.importer), core);
  const container = new ResolverContainer();
  const schema = await buildPlatformSchema({ owner: 'core', resolvers: core.resolvers }, plugins, container);
  const permissions = collectPermissions(plugins);
  checkRootFieldPolicies(
    rootFieldPolicies(schema, [
      { owner: 'core', resolvers: core.resolvers },
      ...plugins.map((p) => ({ owner: p.name, resolvers: p.resolvers ?? [] })),
    ]),
    new Set(permissions.map((p) => p.name)),
  );

  // Before the database: a production server without its secret key stops here.
  const { box: secrets } = await loadSecretBox(config);
  const db = await openDatabase(config, plugins, logger);
  const cleanups: Array<() => Promise<void> | void> = [];
  let services: CoreServices | undefined;
  try {
    const sets = migrationSets(plugins);
    if (config.autoMigrate) {
      await runMigrations(db.dataSource, sets, logger, { secrets });
    } else {
      const pending = (await migrationStatus(db.dataSource, sets)).filter((m) => !m.appliedAt);
      if (pending.length) {
        throw new BootError(
          'MIGRATIONS_PENDING',
          `${pending.length} migration(s) pending (${pending.map((m) => `${m.owner}/${m.name}`).join(', ')}): run 'pnpm aftercare migrate' or set AFTERCARE_AUTO_MIGRATE=true.`,
        );
      }
    }

    const database = databaseApi(db.dataSource);
    const sla = new SlaService(db.dataSource, () => clock.now());
    await seedRoles(db.dataSource, permissions);
    const registries: Registries = {
      eventSubscribers: new Registry('Event subscriber'),
      jobs: new Registry('Job'),
      eventTypes: new Registry('Event type'),
      timeline: new Registry('Timeline source'),
      slaSubjects: new Registry('SLA subject source'),
      metrics: new Registry('Metric'),
      privacy: new Registry('Privacy contributor'),
      demo: new Registry('Demo data contribution'),
    };
    for (const metric of CORE_METRICS) registries.metrics.register('core', metric.name, metric);
    services = await startCoreServices({
      config,
      mailTransport: options.mailTransport ?? createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, logger }),
      databaseUrl: db.embedded?.url ?? config.databaseUrl!,
      dataSource: db.dataSource,
      registries,
      plugins,
      logger,
      secrets,
      clock,
    });
    const { events, jobs, notifications } = services;
    await services.webhooks.resealSecrets();
    const notify = notifications.forOwner('core');
    sla.enableAlerts(jobs, events.forOwner('core'));
    // Known once HTTP listens; sign-in links are built later, per message.
    const listening: { url?: string } = {};
    const identity = new IdentityService({
      portalUrl: () => config.portalUrl ?? (listening.url ? `${listening.url}${config.portalPath}` : undefined),
      dataSource: db.dataSource,
      permissions,
      notify,
      limits: new RateLimits(db.dataSource),
      logger,
      sessionTtlHours: config.sessionTtlHours,
      customerSessionTtlHours: config.customerSessionTtlHours,
      apiKeyCacheSeconds: config.apiKeyCacheSeconds,
    });
    if (config.apiKeyCacheSeconds > 0) {
      const stopListening = await listenForApiKeyInvalidations(identity.apiKeyCache, db.embedded?.url ?? config.databaseUrl!, logger);
      cleanups.push(stopListening);
    }
    const domain = createDomainServices({ dataSource: db.dataSource, events, registries });
    const mail = new MailIntake({
      dataSource: db.dataSource,
      customers: domain.customers,
      logger: logger.child({ component: 'mail' }),
      limits: { maxBytes: config.mailMaxBytes, senderPerHour: config.mailSenderLimitPerHour },
    });
    const staffNotifications = new StaffNotificationService({ dataSource: db.dataSource, notify });
    if (config.mailPoll) {
      registries.jobs.register('core', 'core.mail.poll', {
        handler: async () => void (await mail.poll()),
        cron: '* * * * *',
        // The next minute polls again: no retries; a hung server connection is given up.
        options: { retryLimit: 0, expireInSeconds: 300 },
      });
    }
    for (const plugin of plugins) {
      const ctx: PluginContext<unknown> = {
        plugin: { name: plugin.name, version: plugin.version },
        config: { env: config.env, dataDir: config.dataDir },
        links: { portal: () => config.portalUrl ?? (listening.url ? `${listening.url}${config.portalPath}` : undefined) },
        clock,
        logger: logger.child({ plugin: plugin.name }),
        db: database,
        settings: new SettingsService(db.dataSource, plugin.name, plugin.settings),
        sla,
        states: new StateTransitions({ audit, events: events.forOwner(plugin.name), clock }),
        audit,
        access,
        notify: notifications.forOwner(plugin.name),
        events: events.forOwner(plugin.name),
        jobs: jobs.forPlugin(plugin.name),
        subscribe: (type: string | EventType<any>, name: string, handler: EventHandler<any>) =>
          events.subscribe(plugin.name, type, name, handler),
        defineJob: (name, handler, opts) =>
          registries.jobs.register(plugin.name, `${plugin.name}.${name}`, { handler, cron: opts?.cron, options: opts }),
        timeline: { contribute: (source) => registries.timeline.register(plugin.name, `${plugin.name}.${source.name}`, source) },
        slaSubjects: {
          contribute: (source) => {
            if (!source.subjectType.startsWith(`${plugin.name}.`))
              throw new Error(`SLA subject type '${source.subjectType}' must be named '${plugin.name}.<what>'.`);
            registries.slaSubjects.register(plugin.name, source.subjectType, source);
          },
        },
        metrics: {
          define: (metric) => {
            if (!metric.name.startsWith(`${plugin.name}.`))
              throw new Error(`Metric '${metric.name}' must be named '${plugin.name}.<metric>'.`);
            registries.metrics.register(plugin.name, metric.name, metric);
          },
        },
        privacy: { contribute: (c) => registries.privacy.register(plugin.name, `${plugin.name}.${c.name}`, c) },
        demo: { contribute: (c) => registries.demo.register(plugin.name, `${plugin.name}.${c.name}`, c) },
        onShutdown: (fn) => cleanups.unshift(fn),
        mail: { handle: (handler) => mail.register(plugin.name, handler) },
        staffNotifications: staffNotifications.forOwner(plugin.name),
        secrets: {
          seal: (plaintext) => secrets.seal(plaintext, `plugin:${plugin.name}`),
          open: (sealed) => secrets.open(sealed, `plugin:${plugin.name}`),
        },
      };
      try {
        const pluginServices = plugin.services?.(ctx);
        container.provide(plugin.name, pluginServices);
        await plugin.setup?.(ctx, pluginServices);
      } catch (err) {
        throw new BootError('PLUGIN_SETUP_FAILED', `Plugin '${plugin.name}' failed in setup: ${(err as Error).message}`);
      }
    }
    await services.run();
    let smtp: SmtpListener | null = null;
    if (config.mailListenPort !== undefined) {
      smtp = await startSmtpListener({ intake: mail, host: config.mailListenHost, port: config.mailListenPort, logger });
      const listener = smtp;
      cleanups.push(() => listener.close());
    }

    const platform: PlatformInfo = {
      version: CORE_VERSION,
      plugins: plugins.map((p) => ({ name: p.name, version: p.version, description: p.description ?? null })),
    };
    const development = config.env === 'development';
    const settings = editableSettings(db.dataSource, [{ name: PORTAL_SETTINGS_OWNER, settings: portalSettingsSchema }, ...plugins]);
    const shared: SharedContext = {
      logger,
      db: database,
      platform,
      identity,
      registries,
      events,
      settings,
      webhooks: services.webhooks,
      domain,
      mail,
      staffNotifications,
      clock,
    };
    const { app: http } = await createHttpServer({
      schema,
      logger,
      development,
      exposeSqlCount: config.sqlCountHeader,
      trustProxy: config.trustProxy,
      secureCookies: config.env === 'production',
      staticDir: options.staticDir,
      portal: options.portalDir ? { dir: options.portalDir, path: config.portalPath } : undefined,
      corsOrigins: config.corsOrigins,
      context: async (base): Promise<GraphQLContext> => {
        const actor = await identity.resolveActor(base.request);
        const store = requestContext.getStore();
        if (store) {
          store.actor = actor;
          store.ip = base.ip;
        }
        return new RequestGraphQLContext(shared, base, actor);
      },
      ready: async () => {
        await db.dataSource.query('SELECT 1');
        return { ok: true };
      },
    });

    let stopping: Promise<void> | undefined;
    const partial = {
      config,
      logger,
      dataSource: db.dataSource,
      schema,
      plugins,
      registries,
      http,
      identity,
      notify,
      sla,
      clock,
      events,
      jobs,
      secrets,
      mail,
      smtpPort: smtp?.port ?? null,
      staffNotifications,
      domain,
      servicesOf: <Svc>(plugin: PluginDefinition<any, Svc>): Svc => {
        if (!plugins.some((p) => p.name === plugin.name)) throw new Error(`Plugin '${plugin.name}' is not enabled on this server.`);
        return container.servicesOf(plugin.name) as Svc;
      },
      seedDemoData: (opts?: DemoOptions) => seedDemoData(db.dataSource, registries.demo, { logger, now: clock.now(), ...opts }),
      stop: () =>
        (stopping ??= (async () => {
          const timer = setTimeout(() => {
            logger.warn('in-flight requests did not finish in time; closing connections');
            http.server.closeAllConnections();
          }, config.shutdownTimeoutMs);
          await http.close();
          clearTimeout(timer);
          // Workers stop before plugin hooks and the pool: a running job may still need both.
          await services!.stop(config.shutdownTimeoutMs).catch((err) => logger.error({ err }, 'stopping the job queue failed'));
          for (const fn of cleanups) await Promise.resolve(fn()).catch((err) => logger.error({ err }, 'shutdown hook failed'));
          await db.close();
          logger.info('stopped');
        })()),
    };
    await options.beforeListen?.(partial);
    if (options.listen === false) return { ...partial, url: '', graphqlUrl: '' };
    const address = await http.listen({ host: config.host, port: config.port });
    const url = address.replace('[::1]', 'localhost');
    listening.url = url;
    return { ...partial, url, graphqlUrl: `${url}/graphql` };
  } catch (err) {
    await services?.stop(1000).catch(() => undefined);
    for (const fn of cleanups) await Promise.resolve(fn()).catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** Stop gracefully on SIGTERM/SIGINT; a second signal exits at once. */
export function stopOnSignals(app: Pick<AftercareApp, 'stop' | 'logger'>): void {
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received) process.exit(1);
    received = true;
    app.logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
