import {
  type AftercareApp,
  type Clock,
  type AftercareConfigInput,
  loadConfig,
  type MailTransport,
  type OutgoingMessage,
  type PluginDefinition,
  Role,
  startAftercare,
} from '@aftercare/core';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { eventually } from './eventually.js';
import { GraphQLClient } from './graphql-client.js';
import './provided-context.js';
import { createFixtures, type FixtureHost, type Fixtures, type TestSession } from './fixtures.js';
import { createTestDatabase } from './test-database.js';

export interface TestServerOptions {
  plugins?: PluginDefinition<any>[];
  /** Overrides of the server configuration (database and port are set by the harness). */
  config?: Omit<AftercareConfigInput, 'plugins' | 'databaseUrl' | 'port'>;
  /**
   * Called for every message before it is captured in `messages`; throwing fails the delivery
   * attempt (to test retries), as an unreachable mail server would.
   */
  mailTransport?: MailTransport;
  /** A built single-page app to serve at `/` (as `pnpm start` serves the admin console). */
  staticDir?: string;
  /** The server's logger (e.g. one writing to memory, to inspect what the server logs). */
  logger?: Logger;
  /**
   * The server's clock (see `createTestClock`): core and plugins read the time only through it.
   * Default: the system clock.
   */
  clock?: Clock;
  /** A built customer portal to serve at the configured portal path (default `/portal/`). */
  portalDir?: string;
}

export type { TestSession } from './fixtures.js';

/** A real server on a fresh database; `stop()` shuts it down and drops the database. */
export interface TestServer {
  app: AftercareApp;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Anonymous client; `client.withHeaders({...})` for an authenticated one. */
  client: GraphQLClient;
  databaseUrl: string;
  /** Every message the server sent (sign-in codes, reset links), oldest first. */
  messages: OutgoingMessage[];
  /** Wait for the newest message to `to` (messages are sent just after the answer). */
  waitForMessage(to: string, timeoutMs?: number): Promise<OutgoingMessage>;
  /** A new staff user with these built-in or custom roles (by name), signed in. Default: Administrator. */
  signInStaff(roles?: string[], email?: string): Promise<TestSession>;
  /** A new customer (created through the API), signed in. */
  signInCustomer(email?: string): Promise<TestSession>;
  /** Customers, models, purchases, staff, API keys and sessions made through the public API (see {@link Fixtures}). */
  fixtures: Fixtures;
  /**
   * Move a settable test clock forward by `ms` and bring every queued job's due time forward by as
   * much, so that jobs due in the meantime (SLA warnings and breaches, delayed retries) run now, as
   * they would have if that time had passed.
   */
  advanceClock(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boot the real server (HTTP, GraphQL, PostgreSQL) with the given plugins on a free port and a
 * database cloned from a migrated template. Call in `beforeAll`, `stop()` in `afterAll`.
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const plugins = options.plugins ?? [];
  const db = await createTestDatabase(inject('aftercareDatabaseUrl'), plugins);
  const config = loadConfig(
    {
      env: 'test',
      logLevel: 'warn',
      ...options.config,
      plugins,
      databaseUrl: db.url,
      port: 0,
      host: '127.0.0.1',
      dbPoolSize: 4,
      sqlCountHeader: true,
    },
    { LOG_LEVEL: process.env.LOG_LEVEL },
  );
  const messages: OutgoingMessage[] = [];
  let app: AftercareApp;
  try {
    app = await startAftercare(config, {
      mailTransport: async (message) => {
        await options.mailTransport?.(message);
        messages.push({ to: message.to, subject: message.subject, text: message.text });
      },
      staticDir: options.staticDir,
      logger: options.logger,
      clock: options.clock,
      portalDir: options.portalDir,
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const client = new GraphQLClient(app.graphqlUrl);
  const session = (token: string, id: string, email: string): TestSession => ({
    client: client.withHeaders({ authorization: `Bearer ${token}` }),
    token,
    id,
    email,
  });
  let admin: Promise<GraphQLClient> | undefined;
  const fixtureHost: FixtureHost = {
    client,
    // One administrator per server makes the fixtures' objects; tests sign in their own callers.
    admin: () =>
      (admin ??= app.dataSource
        .getRepository(Role)
        .findOneByOrFail({ name: 'Administrator' })
        .then((role) => fixtureHost.staffSession([role.id], `fixture-admin-${randomBytes(4).toString('hex')}@example.com`, 'Fixture Admin'))
        .then((s) => s.client)),
    async staffSession(roleIds, email, name) {
      const user = await app.identity.createStaffUser(
        { kind: 'anonymous' },
        { email, name, password: `pw-${randomBytes(6).toString('hex')}-long-enough`, roleIds },
        { skipGrantCheck: true },
      );
      const { token } = await app.identity.createStaffSession(user.id);
      return session(token, user.id, email);
    },
    async customerSession(customerId, email) {
      const { token } = await app.identity.createCustomerSession(customerId);
      return session(token, customerId, email);
    },
  };
  const fixtures = createFixtures(fixtureHost);
  return {
    app,
    url: app.url,
    client,
    databaseUrl: db.url,
    messages,
    waitForMessage(to, timeoutMs = 2000) {
      return eventually(() => messages.filter((m) => m.to === to.toLowerCase()).at(-1), {
        timeoutMs,
        intervalMs: 20,
        what: `a message to ${to}`,
      });
    },
    fixtures,
    signInStaff: (roles = ['Administrator'], email) => fixtures.staff(roles, { email }),
    signInCustomer: (email) => fixtures.customerSession(undefined, email ? { email } : {}),
    async advanceClock(ms) {
      const clock = options.clock as Partial<{ advance(ms: number): void }> | undefined;
      if (typeof clock?.advance !== 'function') throw new Error('advanceClock needs createTestServer({ clock: createTestClock(...) }).');
      clock.advance(ms);
      await app.dataSource.query(
        `UPDATE pgboss.job SET start_after = start_after - make_interval(secs => $1) WHERE state IN ('created', 'retry')`,
        [ms / 1000],
      );
    },
    async stop() {
      await app.stop();
      await db.drop();
    },
  };
}

/**
 * SQL that TypeORM would run to make the database match the entities. Empty when the committed
 * migrations produce exactly what the entities describe; a plugin's tests should assert that.
 */
export async function schemaDrift(server: TestServer): Promise<string[]> {
  const sql = await server.app.dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
