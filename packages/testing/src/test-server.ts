import {
  type AftercareApp,
  type AftercareConfigInput,
  Customer,
  loadConfig,
  type MailTransport,
  type OutgoingMessage,
  type PluginDefinition,
  Role,
  startAftercare,
} from '@aftercare/core';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { GraphQLClient } from './graphql-client.js';
import './provided-context.js';
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
  /** A built customer portal to serve at the configured portal path (default `/portal/`). */
  portalDir?: string;
}

/** A signed-in test caller. */
export interface TestSession {
  /** Client sending `Authorization: Bearer <token>`. */
  client: GraphQLClient;
  token: string;
  /** Staff user id or customer id. */
  id: string;
  email: string;
}

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
  /** A new customer, signed in. */
  signInCustomer(email?: string): Promise<TestSession>;
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
      portalDir: options.portalDir,
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const client = new GraphQLClient(app.graphqlUrl);
  const unique = () => randomBytes(4).toString('hex');
  return {
    app,
    url: app.url,
    client,
    databaseUrl: db.url,
    messages,
    async waitForMessage(to, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter((m) => m.to === to.toLowerCase()).at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No message to ${to} within ${timeoutMs} ms.`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async signInStaff(roles = ['Administrator'], email = `staff-${unique()}@example.com`) {
      const all = await app.dataSource.getRepository(Role).find();
      const roleIds = roles.map((name) => {
        const role = all.find((r) => r.name === name);
        if (!role) throw new Error(`No role named '${name}'.`);
        return role.id;
      });
      const user = await app.identity.createStaffUser(
        { kind: 'anonymous' },
        { email, name: 'Test Staff', password: `pw-${unique()}-long-enough`, roleIds },
        { skipGrantCheck: true },
      );
      const { token } = await app.identity.createStaffSession(user.id);
      return { client: client.withHeaders({ authorization: `Bearer ${token}` }), token, id: user.id, email };
    },
    async signInCustomer(email = `customer-${unique()}@example.com`) {
      const customer = await app.dataSource.getRepository(Customer).save({ name: 'Test Customer', email, locale: 'en' });
      const { token } = await app.identity.createCustomerSession(customer.id);
      return { client: client.withHeaders({ authorization: `Bearer ${token}` }), token, id: customer.id, email };
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
