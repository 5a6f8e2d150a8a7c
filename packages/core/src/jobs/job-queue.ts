import { createHash, randomUUID } from 'node:crypto';
import { type Clock, delayUntil } from '../clock/clock.js';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** What a job handler learns about the job it runs. */
export interface JobInfo {
  id: string;
  /** Full job name, `<plugin>.<job>`. */
  name: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Whether a failure now is final (no retry follows). */
  lastAttempt: boolean;
}

/** A background job handler. Throwing fails the attempt; the job is retried as its options say. */
export type JobHandler<T = unknown> = (data: T, job: JobInfo) => Promise<void>;

/** Retry and timeout policy of a job, set when it is defined. */
export interface JobDefinitionOptions {
  /** Cron expression (UTC, minute granularity, e.g. `'0 3 * * *'`). With several processes each run happens once. */
  cron?: string;
  /** Retries after the first failed attempt (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30). */
  retryDelaySeconds?: number;
  /** Double the delay with every retry (default true). */
  retryBackoff?: boolean;
  /** An attempt running longer than this fails and is retried (default 15 minutes). */
  expireInSeconds?: number;
}

/** Options of one enqueued job. */
export interface JobSendOptions {
  /**
   * Run no earlier than this moment (a Date) or this many seconds from now. The SLA engine uses it to
   * fire warnings and breaches at exact moments.
   */
  startAfter?: Date | number;
  /**
   * Idempotency key: while a job sent with the same name and key is still kept (queued, running, or
   * finished less than 12 hours ago), sending again does nothing and returns `null`. Several
   * processes may send the same keyed job; it runs once.
   */
  key?: string;
  /** Higher runs first (default 0). */
  priority?: number;
  /** Override the job's retry policy for this one job. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * Enqueue inside this transaction: the job exists only if the transaction commits. Without it the
   * job is enqueued at once, whatever happens to a surrounding transaction.
   */
  manager?: EntityManager;
}

/** The job queue a plugin receives as `ctx.jobs`. Names without a dot are the plugin's own (`cleanup` → `<plugin>.cleanup`). */
export interface Jobs {
  /** Enqueue a job; resolves to its id, or `null` when `key` matched an existing job. */
  send(name: string, data?: object, options?: JobSendOptions): Promise<string | null>;
  /** Enqueue a job that runs no earlier than `at` (a Date, or seconds from now). */
  sendAfter(name: string, data: object, at: Date | number, options?: Omit<JobSendOptions, 'startAfter'>): Promise<string | null>;
  /** Cancel a queued job (no effect once it has run). */
  cancel(name: string, id: string): Promise<void>;
}

/** Settings of the queue runtime, taken from the server configuration. */
export interface JobQueueOptions {
  url: string;
  logger: Logger;
  /** Run workers and schedules in this process. */
  workers: boolean;
  pollingIntervalSeconds: number;
  /** Maximum connections of the queue's own pool. */
  poolSize?: number;
  /** The server's clock: a `startAfter` Date is a moment on it. Default: the system clock. */
  clock?: Clock;
}

/** A pg-boss `db` that runs its statements on a TypeORM transaction's connection. */
export function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }),
  };
}

/** A stable UUID for a job key, so that the same key maps to the same job id (pg-boss dedupes by id). */
export function keyToJobId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\n${key}`).digest('hex');
  // Shape it as a version-8 (custom) UUID with the RFC 4122 variant.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** How often a worker process proves it is alive, and after how long without it is taken for dead. */
const HEARTBEAT_MS = 10_000;
const DEAD_AFTER_MS = 30_000;

/** A job handler registered with the queue, internal or from a plugin. */
interface WorkerSpec {
  name: string;
  handler: JobHandler<any>;
  /** Jobs fetched per poll and run concurrently. */
  batchSize: number;
}

/**
 * The platform's job queue: pg-boss on the platform database (schema `pgboss`). Every process can
 * enqueue; only processes with workers enabled run handlers and fire schedules. pg-boss hands each
 * job to one worker at a time (row locks with SKIP LOCKED), so several processes share it safely.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly logger: Logger;
  private readonly queues = new Map<string, JobDefinitionOptions>();
  private readonly workers: WorkerSpec[] = [];
  private readonly workerIds = new Map<string, string[]>();
  private started = false;
  /** Queues that got jobs inside a still-open transaction, per transaction. */
  private readonly afterCommit = new WeakMap<QueryRunner, Set<string>>();
  private stopping: Promise<void> | undefined;
  /** This process as a worker (see the `job_worker` table) and the jobs it is running now. */
  private readonly workerId = randomUUID();
  private readonly running = new Map<string, string>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: JobQueueOptions) {
    this.logger = options.logger.child({ component: 'jobs' });
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: 'pgboss',
      application_name: 'aftercare-jobs',
      max: options.poolSize ?? 4,
      supervise: options.workers,
      schedule: options.workers,
      migrate: true,
      cronMonitorIntervalSeconds: Math.min(30, Math.max(1, Math.round(options.pollingIntervalSeconds * 2))),
      cronWorkerIntervalSeconds: Math.min(5, Math.max(1, Math.round(options.pollingIntervalSeconds))),
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /** Install or upgrade the queue schema and start maintenance. Call after the platform migrations. */
  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Declare a queue. Its options are the defaults of every job sent to it. */
  define(name: string, handler: JobHandler<any>, options: JobDefinitionOptions & { batchSize?: number } = {}): void {
    if (this.queues.has(name)) throw new Error(`Job '${name}' is defined twice.`);
    this.queues.set(name, options);
    this.workers.push({ name, handler, batchSize: options.batchSize ?? 1 });
  }

  /** Whether `name` is a defined job. */
  has(name: string): boolean {
    return this.queues.has(name);
  }

  /**
   * Create the queues, then (in worker processes) start the workers and register schedules. Schedules
   * of jobs no longer defined (a disabled plugin) are removed, so they leave no trace.
   */
  async run(): Promise<void> {
    for (const [name, o] of this.queues) {
      const policy = {
        name,
        retryLimit: o.retryLimit ?? 3,
        retryDelay: o.retryDelaySeconds ?? 30,
        retryBackoff: o.retryBackoff ?? true,
        expireInSeconds: o.expireInSeconds ?? 15 * 60,
      };
      // createQueue keeps an existing queue as it is; updateQueue applies a changed policy.
      await this.boss.createQueue(name, policy);
      await this.boss.updateQueue(name, policy);
    }
    if (!this.options.workers) return;
    for (const w of this.workers) {
      const id = await this.boss.work<object>(
        w.name,
        { batchSize: w.batchSize, includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        (jobs) => this.runBatch(w, jobs),
      );
      this.workerIds.set(w.name, [...(this.workerIds.get(w.name) ?? []), id]);
    }
    const wanted = new Map([...this.queues].filter(([, o]) => o.cron).map(([n, o]) => [n, o.cron!]));
    for (const s of await this.boss.getSchedules()) {
      if (!wanted.has(s.name)) {
        await this.boss.unschedule(s.name);
        this.logger.info({ job: s.name }, 'removed the schedule of a job that is no longer defined');
      }
    }
    for (const [name, cron] of wanted) await this.boss.schedule(name, cron, {}, { tz: 'UTC' });
    await this.sql(`INSERT INTO job_worker (id, heartbeat_at, active) VALUES ($1, now(), '[]')`, [this.workerId]);
    await this.recoverDeadWorkers();
    this.heartbeat = setInterval(() => {
      this.beat()
        .then(() => this.recoverDeadWorkers())
        .catch((err) => this.logger.warn({ err }, 'job worker heartbeat failed'));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private sql(text: string, values: unknown[] = []): Promise<{ rows: any[] }> {
    return this.boss.getDb().executeSql(text, values);
  }

  /** Refresh this worker's heartbeat and the list of jobs it runs. */
  private async beat(): Promise<void> {
    const active = [...this.running].map(([id, name]) => ({ id, name }));
    await this.sql(`UPDATE job_worker SET heartbeat_at = now(), active = $2::jsonb WHERE id = $1`, [this.workerId, JSON.stringify(active)]);
  }

  /**
   * Hand back the jobs of workers whose heartbeat stopped (killed or crashed): each is failed, so it
   * is retried by the queue's own rules, instead of waiting for its expiry (up to 15 minutes). Runs
   * at start and with every heartbeat, so in-flight work resumes within a minute of a restart.
   */
  async recoverDeadWorkers(): Promise<number> {
    const { rows } = await this.sql(
      `DELETE FROM job_worker WHERE id <> $1 AND heartbeat_at < now() - make_interval(secs => $2) RETURNING id, active`,
      [this.workerId, DEAD_AFTER_MS / 1000],
    );
    let recovered = 0;
    for (const row of rows as Array<{ id: string; active: Array<{ id: string; name: string }> }>) {
      for (const job of row.active) {
        // Only jobs still marked active are failed: a job that finished meanwhile stays finished.
        const { rows: still } = await this.sql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND id = $2 AND state = 'active'`, [
          job.name,
          job.id,
        ]);
        if (!still.length) continue;
        await this.boss.fail(job.name, job.id, { message: 'The worker process running this job stopped without finishing it.' });
        recovered++;
      }
      if (row.active.length) this.logger.warn({ worker: row.id, jobs: recovered }, 'recovered the jobs of a worker process that stopped');
    }
    return recovered;
  }

  // Each job of a batch succeeds or fails on its own: failures are reported per job, and pg-boss
  // then completes only the jobs still active.
  private async runBatch(w: WorkerSpec, jobs: PgBoss.JobWithMetadata<object>[]): Promise<void> {
    for (const job of jobs) this.running.set(job.id, job.name);
    // Recorded before the work starts, so that a crash in the middle leaves a trace to recover from.
    if (jobs.length) await this.beat().catch((err) => this.logger.warn({ err }, 'recording running jobs failed'));
    await Promise.all(
      jobs.map(async (job) => {
        const info: JobInfo = {
          id: job.id,
          name: job.name,
          attempt: job.retryCount + 1,
          lastAttempt: job.retryCount >= job.retryLimit,
        };
        try {
          await w.handler(job.data, info);
        } catch (err) {
          const e = err as Error;
          this.logger[info.lastAttempt ? 'error' : 'warn'](
            { err: e, job: job.name, jobId: job.id, attempt: info.attempt },
            info.lastAttempt ? 'job failed for good' : 'job failed; it will be retried',
          );
          await this.boss.fail(job.name, job.id, { message: e?.message ?? String(err) }).catch(() => undefined);
        } finally {
          this.running.delete(job.id);
        }
      }),
    );
    // More may be waiting: fetch again at once instead of sleeping a polling interval.
    if (jobs.length) this.notify(w.name);
  }

  /** Enqueue a job. See {@link Jobs.send}. */
  async send(name: string, data: object = {}, options: JobSendOptions = {}): Promise<string | null> {
    this.assertUsable(name);
    const send: PgBoss.SendOptions = {};
    if (options.startAfter !== undefined) {
      // A due moment is on the server's clock; the queue waits by the database's, so it gets the delay.
      send.startAfter =
        options.startAfter instanceof Date && this.options.clock
          ? Math.ceil(delayUntil(this.options.clock, options.startAfter) / 1000)
          : options.startAfter;
    }
    if (options.key !== undefined) send.id = keyToJobId(name, options.key);
    if (options.priority !== undefined) send.priority = options.priority;
    if (options.retryLimit !== undefined) send.retryLimit = options.retryLimit;
    if (options.retryDelaySeconds !== undefined) send.retryDelay = options.retryDelaySeconds;
    if (options.retryBackoff !== undefined) send.retryBackoff = options.retryBackoff;
    if (options.manager) send.db = transactionDb(options.manager);
    const id = await this.boss.send(name, data, send);
    // Wake a local worker instead of waiting for its poll: now, or when the transaction commits.
    const runner = options.manager?.queryRunner;
    if (id && runner?.isTransactionActive) {
      const names = this.afterCommit.get(runner) ?? new Set();
      this.afterCommit.set(runner, names.add(name));
    } else if (id) {
      this.notify(name);
    }
    return id;
  }

  /** Wake workers when a transaction that enqueued jobs commits, so those jobs start at once. */
  watchCommits(dataSource: DataSource): void {
    const pending = this.afterCommit;
    const hook: EntitySubscriberInterface = {
      afterTransactionCommit: (event) => {
        const names = event.queryRunner && pending.get(event.queryRunner);
        if (!names) return;
        pending.delete(event.queryRunner);
        for (const name of names) this.notify(name);
      },
      afterTransactionRollback: (event) => {
        if (event.queryRunner) pending.delete(event.queryRunner);
      },
    };
    (dataSource.subscribers as EntitySubscriberInterface[]).push(hook);
  }

  /** Wake this process's workers of a queue (e.g. after a transaction that enqueued jobs committed). */
  notify(name: string): void {
    for (const id of this.workerIds.get(name) ?? []) this.boss.notifyWorker(id);
  }

  /** Cancel a queued job. */
  async cancel(name: string, id: string): Promise<void> {
    this.assertUsable(name);
    await this.boss.cancel(name, id);
  }

  private assertUsable(name: string) {
    if (!this.started) throw new Error('The job queue is not running yet (or already stopped).');
    if (!this.queues.has(name)) {
      const known = [...this.queues.keys()].filter((n) => !n.startsWith('core.'));
      throw new Error(`Job '${name}' is not defined. Defined jobs: ${known.join(', ') || '(none)'}.`);
    }
  }

  /** Stop fetching, let running jobs finish (up to `timeoutMs`, then they are failed and retried later), close the pool. */
  stop(timeoutMs = 10_000): Promise<void> {
    return (this.stopping ??= (async () => {
      if (!this.started) return;
      this.started = false;
      clearInterval(this.heartbeat);
      // Its worker row stays: the next recovery removes it, and fails only jobs pg-boss still has as active.
      await this.boss.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
    })());
  }

  /** The job API scoped to one plugin. */
  forPlugin(plugin: string): Jobs {
    const full = (name: string) => (name.includes('.') ? name : `${plugin}.${name}`);
    return {
      send: (name, data, options) => this.send(full(name), data, options),
      sendAfter: (name, data, at, options) => this.send(full(name), data, { ...options, startAfter: at }),
      cancel: (name, id) => this.cancel(full(name), id),
    };
  }
}
