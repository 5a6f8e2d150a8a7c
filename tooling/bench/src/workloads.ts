import type pg from 'pg';

/** One benchmark workload: the same operation as a GraphQL request and as raw SQL + JSON. */
export interface Workload {
  id: string;
  title: string;
  /** The GraphQL request the platform receives. */
  query: string;
  /** Variables for one request; called once per run after seeding (e.g. picks an id). */
  variables?: (pool: pg.Pool) => Promise<Record<string, unknown>>;
  /** What the baseline does for the same request: the same SQL, the same JSON answer. */
  baseline: (pool: pg.Pool, variables: Record<string, unknown>) => Promise<unknown>;
}

/**
 * The workloads, in report order. Each later core feature or plugin adds its own here (see the
 * README of this package): a customer with relations, a list with nested relations, a mutation
 * with an event, and per-plugin workloads.
 */
export const workloads: Workload[] = [
  {
    id: 'W1',
    title: 'trivial query: platform { version }',
    query: '{ platform { version } }',
    baseline: async () => ({ data: { platform: { version: '0.1.0' } } }),
  },
  {
    id: 'W-SLA',
    title: 'SLA policies (page of 20) with their calendars',
    query: '{ slaPolicies(take: 20) { totalCount items { id name priority firstResponseMinutes resolutionMinutes calendarId } } }',
    baseline: async (pool) => {
      const [rows, count] = await Promise.all([
        pool.query(
          'SELECT id, name, priority, first_response_minutes, resolution_minutes, calendar_id FROM sla_policy ORDER BY priority ASC, created_at ASC LIMIT 20',
        ),
        pool.query('SELECT count(*)::int AS n FROM sla_policy'),
      ]);
      return {
        data: {
          slaPolicies: {
            totalCount: count.rows[0].n,
            items: rows.rows.map((r) => ({
              id: r.id,
              name: r.name,
              priority: r.priority,
              firstResponseMinutes: r.first_response_minutes,
              resolutionMinutes: r.resolution_minutes,
              calendarId: r.calendar_id,
            })),
          },
        },
      };
    },
  },
];
