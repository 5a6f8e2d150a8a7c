import 'reflect-metadata';
import {
  ANONYMOUS,
  type AftercareApp,
  type AftercareConfigInput,
  loadConfig,
  type PluginEntry,
  Role,
  startAftercare,
} from '@aftercare/core';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const consoleDir = path.join(repoRoot, 'apps/admin/dist');
export const portalDir = path.join(repoRoot, 'apps/portal/dist');

export interface Account {
  email: string;
  password: string;
  name: string;
}

/** A real server serving the built console on a fresh database, with an administrator and an agent. */
export interface E2eServer {
  app: AftercareApp;
  url: string;
  admin: Account;
  agent: Account;
  /** Local state of this server; in development and test, e-mail is written to `<dataDir>/mail/` as .eml files. */
  dataDir: string;
  stop(): Promise<void>;
}

/** What a test file's server runs with. */
export interface E2eServerOptions {
  /** Plugins to enable (definitions imported by the test file); none by default. */
  plugins?: PluginEntry[];
  /** Further settings, e.g. `{ jobs: true, mailListenPort: 0 }` for event subscribers and the SMTP listener. */
  config?: Omit<AftercareConfigInput, 'plugins' | 'databaseUrl' | 'port'>;
  /** Run job workers (event delivery, queued e-mail such as acknowledgements); off by default. */
  jobs?: boolean;
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  if (!existsSync(path.join(portalDir, 'index.html'))) {
    throw new Error(
      `The portal is not built (${portalDir}): run 'bash tooling/e2e/run.sh' or 'pnpm --filter @aftercare/portal build' first.`,
    );
  }
  if (!existsSync(path.join(consoleDir, 'index.html'))) {
    throw new Error(
      `The console is not built (${consoleDir}): run 'bash tooling/e2e/run.sh' or 'pnpm --filter @aftercare/admin build' first.`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-e2e-'));
  // Run as root, the embedded PostgreSQL works as its own user, which must reach its folder in here.
  chmodSync(dataDir, 0o755);
  // With DATABASE_URL: a fresh database on that server, dropped afterwards. Without: embedded PostgreSQL.
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    const name = `aftercare_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig(
    {
      env: 'test',
      plugins: options.plugins ?? [],
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      jobs: options.jobs ?? false,
      jobPollSeconds: 0.5,
      embeddedPostgresPort: 54339,
      ...options.config,
      ...(databaseUrl ? { databaseUrl } : {}),
    },
    {},
    { dataDir },
  );
  const app = await startAftercare(config, { staticDir: consoleDir, portalDir });
  const roles = await app.dataSource.getRepository(Role).find();
  const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
  const admin = { email: 'admin@e2e.example', password: 'e2e admin password', name: 'Ada Admin' };
  const agent = { email: 'agent@e2e.example', password: 'e2e agent password', name: 'Alex Agent' };
  await app.identity.createStaffUser(ANONYMOUS, { ...admin, roleIds: [roleId('Administrator')] }, { skipGrantCheck: true });
  await app.identity.createStaffUser(ANONYMOUS, { ...agent, roleIds: [roleId('Agent')] }, { skipGrantCheck: true });
  return {
    app,
    url: app.url,
    admin,
    agent,
    dataDir,
    async stop() {
      await app.stop();
      await dropDatabase().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
