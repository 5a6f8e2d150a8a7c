import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { MigrationClass } from '../plugin/define-plugin.js';

/** The migrations of one owner (core or a plugin), run in the order of the timestamp that ends their name. */
export interface MigrationSet {
  owner: string;
  migrations: MigrationClass[];
}

/**
 * What the runner hands a migration as the second argument of `up(queryRunner, context)`, for data
 * migrations that need more than SQL. Optional everywhere: a migration that needs a field must
 * fail with a clear message when it is absent.
 */
export interface MigrationContext {
  /** Encrypts and decrypts stored secrets with the server's secret key (AFTERCARE_SECRET_KEY). */
  secrets?: SecretBox;
}

export interface MigrationStatus {
  owner: string;
  name: string;
  appliedAt: Date | null;
}

// Key of the advisory lock that serialises migration runs of several server processes.
const LOCK_KEY = 7_401_355_101;

const nameOf = (m: MigrationInterface, cls: MigrationClass) => m.name ?? cls.name;

async function ensureTable(runner: QueryRunner) {
  await runner.query(`CREATE TABLE IF NOT EXISTS aftercare_migration (
    owner text NOT NULL,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, name)
  )`);
}

// `AddThing1732000000000` → 1732000000000; names without a timestamp keep their listed order.
const timestampOf = (name: string) => Number(/(\d{10,})$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);

function sorted(set: MigrationSet) {
  return set.migrations
    .map((cls) => {
      const instance = new cls();
      return { cls, instance, name: nameOf(instance, cls) };
    })
    .sort((a, b) => timestampOf(a.name) - timestampOf(b.name));
}

/** Applied and pending migrations of each owner, in the order they run. */
export async function migrationStatus(dataSource: DataSource, sets: MigrationSet[]): Promise<MigrationStatus[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await ensureTable(runner);
    const rows: Array<{ owner: string; name: string; applied_at: Date }> = await runner.query(
      'SELECT owner, name, applied_at FROM aftercare_migration',
    );
    const applied = new Map(rows.map((r) => [`${r.owner}/${r.name}`, r.applied_at]));
    return sets.flatMap((set) =>
      sorted(set).map(({ name }) => ({ owner: set.owner, name, appliedAt: applied.get(`${set.owner}/${name}`) ?? null })),
    );
  } finally {
    await runner.release();
  }
}

/**
 * Apply pending migrations: core's first, then each plugin's in dependency order. Each migration
 * and its record commit in one transaction; an advisory lock lets several processes start at once.
 * Re-running is a no-op. Returns the names applied.
 */
export async function runMigrations(
  dataSource: DataSource,
  sets: MigrationSet[],
  logger?: Logger,
  context: MigrationContext = {},
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  const applied: string[] = [];
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await ensureTable(runner);
    const rows: Array<{ owner: string; name: string }> = await runner.query('SELECT owner, name FROM aftercare_migration');
    const done = new Set(rows.map((r) => `${r.owner}/${r.name}`));
    for (const set of sets) {
      for (const { instance, name } of sorted(set)) {
        if (done.has(`${set.owner}/${name}`)) continue;
        await runner.startTransaction();
        try {
          // Migrations may rewrite large tables: the per-statement timeout of requests does not apply.
          await runner.query('SET LOCAL statement_timeout = 0');
          // TypeORM's interface declares one parameter; ours also passes the context.
          await (instance.up as (runner: QueryRunner, context: MigrationContext) => Promise<unknown>).call(instance, runner, context);
          await runner.query('INSERT INTO aftercare_migration (owner, name) VALUES ($1, $2)', [set.owner, name]);
          await runner.commitTransaction();
        } catch (err) {
          await runner.rollbackTransaction();
          throw new Error(`Migration ${set.owner}/${name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
        }
        logger?.info({ owner: set.owner, migration: name }, 'migration applied');
        applied.push(`${set.owner}/${name}`);
      }
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
  return applied;
}
