import path from 'node:path';
import { z } from 'zod';
import { parseSecretKey } from './crypto/secret-box.js';
import { BootError } from './errors.js';
import { isAddressRange } from './webhooks/webhook-target.js';
import type { PluginDefinition } from './plugin/define-plugin.js';

/** A plugin to enable: its definition, or a module specifier whose default export is one. */
export type PluginEntry = PluginDefinition<any> | string;

/** What `aftercare.config.ts` exports (`defineConfig`). Environment variables override it. */
export interface AftercareConfigInput {
  /** Plugins to enable, in any order (boot orders them by `dependsOn`). Overridden by AFTERCARE_PLUGINS. */
  plugins?: PluginEntry[];
  env?: 'development' | 'production' | 'test';
  host?: string;
  port?: number;
  databaseUrl?: string;
  dataDir?: string;
  embeddedPostgresPort?: number;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  autoMigrate?: boolean;
  shutdownTimeoutMs?: number;
  dbPoolSize?: number;
  sqlCountHeader?: boolean;
  sessionTtlHours?: number;
  customerSessionTtlHours?: number;
  auditRetentionDays?: number;
  jobs?: boolean;
  /** `start` runs this many web processes (node:cluster) plus, with `jobs`, one job-worker process. */
  webProcesses?: number;
  jobPollSeconds?: number;
  retryDelaySeconds?: number;
  deliveryMaxAttempts?: number;
  webhookDisableAfter?: number;
  webhookAllowedTargets?: string[];
  trustProxy?: boolean;
  statementTimeoutMs?: number;
  smtpUrl?: string;
  mailFrom?: string;
  mailListenPort?: number;
  mailListenHost?: string;
  mailMaxBytes?: number;
  mailSenderLimitPerHour?: number;
  mailPoll?: boolean;
  secretKey?: string;
  previousSecretKeys?: string[];
  apiKeyCacheSeconds?: number;
  portalPath?: string;
  portalUrl?: string;
  corsOrigins?: string[];
}

/** Identity helper that gives `aftercare.config.ts` its types. */
export function defineConfig(config: AftercareConfigInput): AftercareConfigInput {
  return config;
}

/**
 * Every setting, the environment variable that overrides it, its default and meaning. The README's
 * configuration reference is this table; keep them in step.
 */
export const SETTINGS = [
  {
    key: 'env',
    variable: 'NODE_ENV',
    default: 'development',
    meaning: 'development, production or test. Production hides error details, introspection and the GraphQL sandbox.',
  },
  {
    key: 'host',
    variable: 'AFTERCARE_HOST',
    default: '127.0.0.1',
    meaning: 'Address the HTTP server listens on (0.0.0.0 to accept outside connections).',
  },
  { key: 'port', variable: 'AFTERCARE_PORT', default: '3000', meaning: 'HTTP port; 0 picks a free one.' },
  {
    key: 'databaseUrl',
    variable: 'DATABASE_URL',
    default: '(none: embedded PostgreSQL)',
    meaning: 'postgres:// URL of the database. When unset, an embedded PostgreSQL is started with its data under dataDir.',
  },
  {
    key: 'dataDir',
    variable: 'AFTERCARE_DATA_DIR',
    default: '.aftercare (next to the server package)',
    meaning: 'Where local state lives: the embedded database, files written in development.',
  },
  {
    key: 'embeddedPostgresPort',
    variable: 'AFTERCARE_EMBEDDED_PG_PORT',
    default: '54329',
    meaning: 'Port of the embedded PostgreSQL; if taken, a free port is picked and logged.',
  },
  {
    key: 'plugins',
    variable: 'AFTERCARE_PLUGINS',
    default: '(aftercare.config.ts)',
    meaning:
      'Comma-separated plugins to enable, e.g. service-desk,warranty (short names mean @aftercare/<name>); empty string enables none.',
  },
  { key: 'logLevel', variable: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  {
    key: 'autoMigrate',
    variable: 'AFTERCARE_AUTO_MIGRATE',
    default: 'true',
    meaning: 'Run pending migrations at start. With false, start refuses to run while migrations are pending.',
  },
  {
    key: 'shutdownTimeoutMs',
    variable: 'AFTERCARE_SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    meaning: 'How long graceful shutdown waits for in-flight requests before closing anyway.',
  },
  {
    key: 'sqlCountHeader',
    variable: 'AFTERCARE_SQL_COUNT_HEADER',
    default: 'false',
    meaning: 'Send x-sql-count (SQL statements per request) on every response; true in the test harness and benchmarks.',
  },
  { key: 'dbPoolSize', variable: 'AFTERCARE_DB_POOL_SIZE', default: '10', meaning: 'Maximum database connections per server process.' },
  {
    key: 'sessionTtlHours',
    variable: 'AFTERCARE_SESSION_TTL_HOURS',
    default: '12',
    meaning: 'How long a staff session (login) lasts before signing in again, in hours (1 to 720).',
  },
  {
    key: 'customerSessionTtlHours',
    variable: 'AFTERCARE_CUSTOMER_SESSION_TTL_HOURS',
    default: '720',
    meaning: 'How long a customer session (sign-in by code) lasts, in hours (1 to 8760).',
  },
  {
    key: 'auditRetentionDays',
    variable: 'AFTERCARE_AUDIT_RETENTION_DAYS',
    default: '365',
    meaning: 'Audit entries older than this many days are removed by the retention purge (at least 30).',
  },
  {
    key: 'jobs',
    variable: 'AFTERCARE_JOBS',
    default: 'true',
    meaning: 'Run job workers here (event delivery, webhooks, plugin jobs, schedules); false: a web-only process that only enqueues.',
  },
  {
    key: 'webProcesses',
    variable: 'AFTERCARE_WEB_PROCESSES',
    default: '1',
    meaning:
      "How many web processes 'start' runs on this machine (one per core is a good start); above 1 they share the port (node:cluster), run no job workers, and one more process runs the job workers (unless AFTERCARE_JOBS=false).",
  },
  {
    key: 'jobPollSeconds',
    variable: 'AFTERCARE_JOB_POLL_SECONDS',
    default: '2',
    meaning: 'How often each job worker polls for new jobs (at least 0.5); bounds the delay of event delivery.',
  },
  {
    key: 'retryDelaySeconds',
    variable: 'AFTERCARE_RETRY_DELAY_SECONDS',
    default: '30',
    meaning: 'First retry delay of a failed event delivery or webhook; roughly doubles with every further attempt.',
  },
  {
    key: 'deliveryMaxAttempts',
    variable: 'AFTERCARE_DELIVERY_ATTEMPTS',
    default: '10',
    meaning: 'Attempts per event subscriber and per webhook before the delivery is marked failed.',
  },
  {
    key: 'webhookDisableAfter',
    variable: 'AFTERCARE_WEBHOOK_MAX_FAILS',
    default: '10',
    meaning: 'Consecutive failed attempts after which a webhook subscription is disabled until re-enabled.',
  },
  {
    key: 'webhookAllowedTargets',
    variable: 'AFTERCARE_WEBHOOK_ALLOWED_TARGETS',
    default: '(none)',
    meaning:
      'Comma-separated internal address ranges webhooks may still reach, e.g. 127.0.0.1/32 for a receiver on this machine in development. Without it, endpoints on loopback, private, link-local (cloud metadata) and other non-public addresses are refused.',
  },
  {
    key: 'trustProxy',
    variable: 'AFTERCARE_TRUST_PROXY',
    default: 'false',
    meaning:
      'true behind a TLS-terminating reverse proxy: X-Forwarded-For gives the client address (rate limits) and X-Forwarded-Proto: https marks the request as secure (Secure session cookie). Leave false when clients reach the server directly, or they could forge both.',
  },
  {
    key: 'statementTimeoutMs',
    variable: 'AFTERCARE_STATEMENT_TIMEOUT_MS',
    default: '10000',
    meaning:
      'Longest time one SQL statement of a GraphQL request may run (100 to 600000); a slower one is cancelled and the request answers VALIDATION_FAILED with limit statementTimeout.',
  },
  {
    key: 'smtpUrl',
    variable: 'AFTERCARE_SMTP_URL',
    default: '(none: messages are written as .eml files)',
    meaning:
      'SMTP server for outgoing e-mail, e.g. smtps://user:password@mail.example.com:465. Unset: each message is written to <dataDir>/mail/.',
  },
  {
    key: 'mailFrom',
    variable: 'AFTERCARE_MAIL_FROM',
    default: 'Aftercare <no-reply@localhost>',
    meaning: 'Sender of outgoing e-mail (From header) when the message does not come from a mailbox.',
  },
  {
    key: 'mailListenPort',
    variable: 'AFTERCARE_MAIL_LISTEN_PORT',
    default: '(none: no SMTP listener)',
    meaning:
      'Port of the built-in SMTP listener for inbound mail (e.g. 2525); the company mail server relays support addresses to it. It accepts mail only for addresses of mailboxes set to receive by SMTP.',
  },
  {
    key: 'mailListenHost',
    variable: 'AFTERCARE_MAIL_LISTEN_HOST',
    default: '127.0.0.1',
    meaning: 'Address the SMTP listener binds to. It has no authentication or TLS: keep it on a private network behind your mail server.',
  },
  {
    key: 'mailMaxBytes',
    variable: 'AFTERCARE_MAIL_MAX_BYTES',
    default: '10000000',
    meaning: 'Largest inbound message in bytes: SMTP refuses larger ones, larger ones fetched by IMAP are quarantined.',
  },
  {
    key: 'mailSenderLimitPerHour',
    variable: 'AFTERCARE_MAIL_SENDER_LIMIT',
    default: '30',
    meaning: 'Inbound messages per sender address and hour; further ones are quarantined until staff release them.',
  },
  {
    key: 'mailPoll',
    variable: 'AFTERCARE_MAIL_POLL',
    default: 'true',
    meaning: 'Poll the IMAP mailboxes every minute (in the processes that run jobs).',
  },
  {
    key: 'secretKey',
    variable: 'AFTERCARE_SECRET_KEY',
    default: '(development and test: generated once as secret-key in dataDir; production: required)',
    meaning:
      "32 random bytes (64 hex digits or base64, e.g. from 'openssl rand -base64 32') that encrypt stored secrets: webhook signing secrets and mailbox passwords (AES-256-GCM). Keep it secret and backed up: without it stored secrets cannot be used.",
  },
  {
    key: 'previousSecretKeys',
    variable: 'AFTERCARE_PREVIOUS_SECRET_KEYS',
    default: '(none)',
    meaning:
      'Comma-separated older secret keys, only while rotating: values encrypted with them are still read and re-encrypted with AFTERCARE_SECRET_KEY at start.',
  },
  {
    key: 'apiKeyCacheSeconds',
    variable: 'AFTERCARE_API_KEY_CACHE_SECONDS',
    default: '5',
    meaning:
      'How long a server process reuses a resolved API key (0 to 60; 0 disables). Revocations and role changes apply at once in the process that made them, in other processes within this time.',
  },
  {
    key: 'portalPath',
    variable: 'AFTERCARE_PORTAL_PATH',
    default: '/portal/',
    meaning: 'Path the customer portal is served at by this server (starts and ends with /, not /); the admin console stays at /.',
  },
  {
    key: 'portalUrl',
    variable: 'AFTERCARE_PORTAL_URL',
    default: '(the server address, then portalPath)',
    meaning:
      'Address of the customer portal as customers reach it, e.g. https://help.example.com/; sign-in links in e-mails point there. Set it behind a proxy or for a portal hosted elsewhere.',
  },
  {
    key: 'corsOrigins',
    variable: 'AFTERCARE_CORS_ORIGINS',
    default: '(none: cross-origin requests are refused)',
    meaning:
      'Comma-separated origins allowed to call /graphql with credentials from another domain, e.g. https://help.example.com for a portal hosted there (a static portal build). Off by default.',
  },
] as const;

/** Settings whose values are never echoed in error messages or printed. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['secretKey', 'previousSecretKeys']);

const secretKeyValue = z.string().refine((v) => {
  try {
    parseSecretKey(v);
    return true;
  } catch {
    return false;
  }
}, "must be 32 random bytes written as 64 hex digits or 44 base64 characters (e.g. the output of 'openssl rand -base64 32')");

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  env: z.enum(['development', 'production', 'test']),
  host: z.string().min(1),
  port,
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  dataDir: z.string().min(1),
  embeddedPostgresPort: port.refine((p) => p > 0, 'must be between 1 and 65535'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  autoMigrate: bool,
  shutdownTimeoutMs: z.coerce.number().int().min(0).max(600_000),
  dbPoolSize: z.coerce.number().int().min(1).max(200),
  sqlCountHeader: bool,
  sessionTtlHours: z.coerce.number().min(1).max(720),
  customerSessionTtlHours: z.coerce.number().min(1).max(8760),
  auditRetentionDays: z.coerce.number().int().min(30).max(36500),
  jobs: bool,
  webProcesses: z.coerce.number().int().min(1).max(64),
  jobPollSeconds: z.coerce.number().min(0.5).max(60),
  retryDelaySeconds: z.coerce.number().int().min(1).max(3600),
  deliveryMaxAttempts: z.coerce.number().int().min(1).max(50),
  webhookDisableAfter: z.coerce.number().int().min(1).max(1000),
  webhookAllowedTargets: z.array(z.string().refine(isAddressRange, 'must be IP addresses or CIDR ranges like 127.0.0.1/32')).max(50),
  trustProxy: bool,
  statementTimeoutMs: z.coerce.number().int().min(100).max(600_000),
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  mailFrom: z.string().min(3),
  mailListenPort: port.optional(),
  mailListenHost: z.string().min(1),
  mailMaxBytes: z.coerce.number().int().min(10_000).max(100_000_000),
  mailSenderLimitPerHour: z.coerce.number().int().min(1).max(100_000),
  mailPoll: bool,
  secretKey: secretKeyValue.optional(),
  previousSecretKeys: z.array(secretKeyValue).max(10),
  apiKeyCacheSeconds: z.coerce.number().min(0).max(60),
  portalPath: z
    .string()
    .regex(/^\/[a-z0-9][a-z0-9/_-]*\/$/i, 'must start and end with / and not be / itself, e.g. /portal/')
    .refine((p) => !/^\/(graphql|healthz|readyz|assets)\//.test(p), 'must not shadow /graphql, /healthz, /readyz or /assets'),
  portalUrl: z
    .string()
    .regex(/^https?:\/\/[^/\s]+(\/\S*)?\/$/, 'must be an http(s) address ending in /, e.g. https://help.example.com/')
    .optional(),
  corsOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins like https://help.example.com')).max(20),
});

/** The validated configuration the server runs with. */
export type AftercareConfig = z.infer<typeof schema> & { plugins: PluginEntry[] };

/**
 * Merge `aftercare.config.ts`, environment variables and defaults, and validate the result.
 * A wrong value stops boot with a BootError naming the setting, the variable and what is allowed.
 */
export function loadConfig(
  input: AftercareConfigInput = {},
  env: NodeJS.ProcessEnv = process.env,
  defaults: { dataDir?: string } = {},
): AftercareConfig {
  const pick = (variable: string) => {
    const v = env[variable];
    return v === undefined || v === '' ? undefined : v;
  };
  const raw = {
    env: pick('NODE_ENV') ?? input.env ?? 'development',
    host: pick('AFTERCARE_HOST') ?? input.host ?? '127.0.0.1',
    port: pick('AFTERCARE_PORT') ?? input.port ?? 3000,
    databaseUrl: pick('DATABASE_URL') ?? input.databaseUrl,
    dataDir: path.resolve(pick('AFTERCARE_DATA_DIR') ?? input.dataDir ?? defaults.dataDir ?? '.aftercare'),
    embeddedPostgresPort: pick('AFTERCARE_EMBEDDED_PG_PORT') ?? input.embeddedPostgresPort ?? 54329,
    logLevel: pick('LOG_LEVEL') ?? input.logLevel ?? 'info',
    autoMigrate: pick('AFTERCARE_AUTO_MIGRATE') ?? input.autoMigrate ?? true,
    shutdownTimeoutMs: pick('AFTERCARE_SHUTDOWN_TIMEOUT_MS') ?? input.shutdownTimeoutMs ?? 10_000,
    dbPoolSize: pick('AFTERCARE_DB_POOL_SIZE') ?? input.dbPoolSize ?? 10,
    sqlCountHeader: pick('AFTERCARE_SQL_COUNT_HEADER') ?? input.sqlCountHeader ?? false,
    sessionTtlHours: pick('AFTERCARE_SESSION_TTL_HOURS') ?? input.sessionTtlHours ?? 12,
    customerSessionTtlHours: pick('AFTERCARE_CUSTOMER_SESSION_TTL_HOURS') ?? input.customerSessionTtlHours ?? 720,
    auditRetentionDays: pick('AFTERCARE_AUDIT_RETENTION_DAYS') ?? input.auditRetentionDays ?? 365,
    jobs: pick('AFTERCARE_JOBS') ?? input.jobs ?? true,
    webProcesses: pick('AFTERCARE_WEB_PROCESSES') ?? input.webProcesses ?? 1,
    jobPollSeconds: pick('AFTERCARE_JOB_POLL_SECONDS') ?? input.jobPollSeconds ?? 2,
    retryDelaySeconds: pick('AFTERCARE_RETRY_DELAY_SECONDS') ?? input.retryDelaySeconds ?? 30,
    deliveryMaxAttempts: pick('AFTERCARE_DELIVERY_ATTEMPTS') ?? input.deliveryMaxAttempts ?? 10,
    webhookDisableAfter: pick('AFTERCARE_WEBHOOK_MAX_FAILS') ?? input.webhookDisableAfter ?? 10,
    webhookAllowedTargets:
      pick('AFTERCARE_WEBHOOK_ALLOWED_TARGETS')
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean) ??
      input.webhookAllowedTargets ??
      [],
    trustProxy: pick('AFTERCARE_TRUST_PROXY') ?? input.trustProxy ?? false,
    statementTimeoutMs: pick('AFTERCARE_STATEMENT_TIMEOUT_MS') ?? input.statementTimeoutMs ?? 10_000,
    smtpUrl: pick('AFTERCARE_SMTP_URL') ?? input.smtpUrl,
    mailFrom: pick('AFTERCARE_MAIL_FROM') ?? input.mailFrom ?? 'Aftercare <no-reply@localhost>',
    mailListenPort: pick('AFTERCARE_MAIL_LISTEN_PORT') ?? input.mailListenPort,
    mailListenHost: pick('AFTERCARE_MAIL_LISTEN_HOST') ?? input.mailListenHost ?? '127.0.0.1',
    mailMaxBytes: pick('AFTERCARE_MAIL_MAX_BYTES') ?? input.mailMaxBytes ?? 10_000_000,
    mailSenderLimitPerHour: pick('AFTERCARE_MAIL_SENDER_LIMIT') ?? input.mailSenderLimitPerHour ?? 30,
    mailPoll: pick('AFTERCARE_MAIL_POLL') ?? input.mailPoll ?? true,
    secretKey: pick('AFTERCARE_SECRET_KEY') ?? input.secretKey,
    previousSecretKeys:
      pick('AFTERCARE_PREVIOUS_SECRET_KEYS')
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean) ??
      input.previousSecretKeys ??
      [],
    apiKeyCacheSeconds: pick('AFTERCARE_API_KEY_CACHE_SECONDS') ?? input.apiKeyCacheSeconds ?? 5,
    portalPath: pick('AFTERCARE_PORTAL_PATH') ?? input.portalPath ?? '/portal/',
    portalUrl: pick('AFTERCARE_PORTAL_URL') ?? input.portalUrl,
    corsOrigins:
      pick('AFTERCARE_CORS_ORIGINS')
        ?.split(',')
        .map((o) => o.trim())
        .filter(Boolean) ??
      input.corsOrigins ??
      [],
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    const setting = SETTINGS.find((s) => s.key === key);
    const given = SECRET_SETTINGS.has(key) ? '(hidden)' : JSON.stringify((raw as Record<string, unknown>)[key]);
    throw new BootError(
      'INVALID_CONFIG',
      `Invalid setting ${key}${setting ? ` (${setting.variable})` : ''}: ${issue.message}; got ${given}. ${setting ? `Allowed: ${setting.meaning}` : ''}`.trim(),
    );
  }
  const pluginsVar = env.AFTERCARE_PLUGINS;
  const plugins =
    pluginsVar === undefined
      ? (input.plugins ?? [])
      : pluginsVar
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  return { ...parsed.data, plugins };
}
