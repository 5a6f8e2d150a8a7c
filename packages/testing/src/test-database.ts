import { createHash, randomBytes } from 'node:crypto';
import { core, createDataSource, createLogger, migrationSets, runMigrations, type PluginDefinition } from '@aftercare/core';
import pg from 'pg';

/** Replace the database name in a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fingerprint of what the template database holds: core and each plugin's migrations (names and
 * code), so an edited migration gets a fresh template instead of a stale one.
 */
export function templateKey(plugins: PluginDefinition<any>[]): string {
  const hash = createHash('sha256');
  for (const set of migrationSets(plugins)) {
    hash.update(`${set.owner}\n`);
    for (const cls of set.migrations) hash.update(`${cls.name}\n${cls.prototype.up?.toString() ?? ''}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Make sure a migrated template database for this plugin set exists (built once, under an advisory
 * lock so parallel test files wait for the first), then clone a fresh database from it. Cloning a
 * migrated template takes milliseconds; migrating per file would take seconds.
 */
export async function createTestDatabase(
  adminUrl: string,
  plugins: PluginDefinition<any>[],
): Promise<{ url: string; drop(): Promise<void> }> {
  const template = `aftercare_tpl_${templateKey(plugins)}`;
  await withClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_build`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const ds = createDataSource({
        url: withDatabase(adminUrl, building),
        entities: core.entities,
        logger: createLogger('warn'),
        poolSize: 1,
      });
      await ds.initialize();
      try {
        await runMigrations(ds, migrationSets(plugins));
      } finally {
        await ds.destroy();
      }
      // Renaming last makes the template appear only once it is complete.
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });

  const name = `aftercare_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (err) {
        // 55006: the template is briefly in use (another file cloning it); try again shortly.
        if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return {
    url: withDatabase(adminUrl, name),
    drop: () => withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined)),
  };
}

/** Drop test databases and templates of earlier runs that nobody is connected to. */
export async function dropStaleTestDatabases(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database d
        WHERE (datname LIKE 'aftercare\\_test\\_%' OR datname LIKE 'aftercare\\_tpl\\_%')
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)}`).catch(() => undefined);
  });
}
