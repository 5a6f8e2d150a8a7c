import type pg from 'pg';

/** What the baseline's workloads need from the database: statements, and transactions on one connection. */
export interface Db {
  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** BEGIN … COMMIT on one pooled connection (ROLLBACK on error). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** A {@link Db} on a pool; with `counter`, every statement (BEGIN and COMMIT included, as the platform counts them) adds one. */
export function poolDb(pool: pg.Pool, counter?: { n: number }): Db {
  const count = () => {
    if (counter) counter.n++;
  };
  return {
    query(text, values) {
      count();
      return pool.query(text, values);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Db = {
        query(text, values) {
          count();
          return client.query(text, values);
        },
        transaction: (inner) => inner(tx),
      };
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
