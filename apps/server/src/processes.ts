// Several processes on one machine: `AFTERCARE_WEB_PROCESSES=N` makes `start` a supervisor that
// migrates once, then runs N web processes sharing the port (node:cluster) and, unless
// AFTERCARE_JOBS=false, one job-worker process without HTTP. Every process keeps its state in
// PostgreSQL (sessions, rate limits, jobs) or keeps its caches consistent through it (API keys), so
// any process may answer any request. A process that dies is started again.
import cluster, { type Worker } from 'node:cluster';
import { type AftercareConfig, type EmbeddedDatabase, startEmbeddedPostgres } from '@aftercare/core';
import type { Logger } from 'pino';

/** What a process started by the supervisor is for (`AFTERCARE_PROCESS_ROLE`). */
export type ProcessRole = 'web' | 'jobs';

export function processRole(): ProcessRole | undefined {
  const role = process.env.AFTERCARE_PROCESS_ROLE;
  return cluster.isWorker && (role === 'web' || role === 'jobs') ? role : undefined;
}

/**
 * Run the supervisor. `prepare` migrates and does any one-off start-up work (it runs here, once,
 * with the database URL the children will use) before the children start.
 */
export async function superviseProcesses(
  cfg: AftercareConfig,
  logger: Logger,
  prepare: (cfg: AftercareConfig) => Promise<void>,
): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = cfg.databaseUrl;
  if (!databaseUrl) {
    // One embedded server for all processes, owned by the supervisor.
    embedded = await startEmbeddedPostgres({ dataDir: cfg.dataDir, port: cfg.embeddedPostgresPort, database: 'aftercare', logger });
    databaseUrl = embedded.url;
  }
  await prepare({ ...cfg, databaseUrl });

  const env = (role: ProcessRole): Record<string, string> => ({
    AFTERCARE_PROCESS_ROLE: role,
    DATABASE_URL: databaseUrl!,
    // Migrated above; the children must not race each other at it.
    AFTERCARE_AUTO_MIGRATE: 'false',
    AFTERCARE_JOBS: role === 'jobs' ? 'true' : 'false',
  });
  const roles = new Map<Worker, ProcessRole>();
  let stopping = false;
  const start = (role: ProcessRole) => roles.set(cluster.fork(env(role)), role);
  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker);
    roles.delete(worker);
    if (stopping || !role) return;
    logger.error({ pid: worker.process.pid, role, code, signal }, 'a server process stopped unexpectedly; starting another');
    setTimeout(() => start(role), 1000).unref();
  });
  for (let i = 0; i < cfg.webProcesses; i++) start('web');
  if (cfg.jobs) start('jobs');
  logger.info({ web: cfg.webProcesses, jobs: cfg.jobs ? 1 : 0 }, 'server processes started');

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping the server processes');
    const exited = [...roles.keys()].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of roles.keys()) w.process.kill('SIGTERM');
    await Promise.all(exited);
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}
