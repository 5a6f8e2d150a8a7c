import { type AftercareApp, type AftercareConfigInput, loadConfig, type PluginDefinition, startAftercare } from '@aftercare/core';
import { inject } from 'vitest';
import { GraphQLClient } from './graphql-client.js';
import './provided-context.js';
import { createTestDatabase } from './test-database.js';

export interface TestServerOptions {
  plugins?: PluginDefinition<any>[];
  /** Overrides of the server configuration (database and port are set by the harness). */
  config?: Omit<AftercareConfigInput, 'plugins' | 'databaseUrl' | 'port'>;
}

/** A real server on a fresh database; `stop()` shuts it down and drops the database. */
export interface TestServer {
  app: AftercareApp;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Anonymous client; `client.withHeaders({...})` for an authenticated one. */
  client: GraphQLClient;
  databaseUrl: string;
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
  let app: AftercareApp;
  try {
    app = await startAftercare(config);
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    app,
    url: app.url,
    client: new GraphQLClient(app.graphqlUrl),
    databaseUrl: db.url,
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
