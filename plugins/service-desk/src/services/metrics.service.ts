import type { MetricDefinition, MetricInterval, MetricPoint } from '@aftercare/core';
import { ValidationError } from '@aftercare/core';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { P } from '../permissions.js';

/** Arguments every metric's compute receives. */
type Args = Parameters<MetricDefinition['compute']>[0];

/** Bucket starts from `from` (inclusive, truncated to the interval) to `to` (exclusive), at midnight in `timeZone`. */
export function buckets(from: Date, to: Date, interval: MetricInterval, timeZone: string): Date[] {
  const out: Date[] = [];
  let at = DateTime.fromJSDate(from, { zone: timeZone }).startOf(interval);
  if (!at.isValid) throw new ValidationError([{ field: 'timeZone', message: `unknown time zone '${timeZone}'` }]);
  const end = to.getTime();
  while (at.toMillis() < end && out.length < 1000) {
    out.push(at.toJSDate());
    at = at.plus({ [interval]: 1 });
  }
  return out;
}

/** One row of a metric query: bucket, group, numerator/value and sample size. */
interface Row {
  bucket: Date;
  grp: string | null;
  value: string | number | null;
  n: string | number;
}

/**
 * Turn query rows into one point per bucket and group. Buckets without data get `empty` (0 for counts,
 * null for averages and shares).
 */
export function toPoints(rows: Row[], bucketStarts: Date[], grouped: boolean, empty: number | null): MetricPoint[] {
  const groups = grouped ? [...new Set(rows.map((r) => r.grp ?? '(none)'))].sort() : [null];
  const key = (b: number, g: string | null) => `${b}|${g}`;
  const byKey = new Map(rows.map((r) => [key(new Date(r.bucket).getTime(), grouped ? (r.grp ?? '(none)') : null), r]));
  const points: MetricPoint[] = [];
  for (const b of bucketStarts) {
    for (const g of groups) {
      const r = byKey.get(key(b.getTime(), g));
      points.push({
        bucket: b,
        group: g,
        value: r && r.value !== null ? Math.round(Number(r.value) * 100) / 100 : empty,
        sampleSize: r ? Number(r.n) : 0,
      });
    }
  }
  return points;
}

const CASE_DIMENSIONS: Record<string, string> = { kind: 'c.kind', severity: 'c.severity', channel: 'c.channel' };

function dimension(groupBy: string | undefined, allowed: Record<string, string>): string {
  if (!groupBy) return 'NULL::text';
  const column = allowed[groupBy];
  if (!column) throw new ValidationError([{ field: 'groupBy', message: `must be one of ${Object.keys(allowed).join(', ')}` }]);
  return column;
}

const bucketOf = (column: string) => `date_trunc($3, ${column} AT TIME ZONE $4) AT TIME ZONE $4`;

async function run(m: EntityManager, args: Args, sql: (grp: string) => string, dims: Record<string, string>, empty: number | null) {
  const grp = dimension(args.groupBy, dims);
  const rows: Row[] = await m.query(sql(grp), [args.from, args.to, args.interval, args.timeZone]);
  return toPoints(rows, buckets(args.from, args.to, args.interval, args.timeZone), !!args.groupBy, empty);
}

/** A root cause's share of the resolved cases, biggest first, with the running total (Pareto). */
export interface ParetoRow {
  rootCause: string;
  count: number;
  /** Share of all resolved cases with a root cause, in %. */
  share: number;
  /** Share of this and every bigger root cause, in %. */
  cumulativeShare: number;
}

/** Sort counts descending (ties by name) and add shares and cumulative shares in %, rounded to 2 decimals. */
export function pareto(counts: ReadonlyArray<{ rootCause: string; count: number }>): ParetoRow[] {
  const total = counts.reduce((s, c) => s + c.count, 0);
  let running = 0;
  return [...counts]
    .sort((a, b) => b.count - a.count || a.rootCause.localeCompare(b.rootCause))
    .map((c) => {
      running += c.count;
      const pct = (x: number) => (total ? Math.round((x / total) * 10000) / 100 : 0);
      return { rootCause: c.rootCause, count: c.count, share: pct(c.count), cumulativeShare: pct(running) };
    });
}

/** Root-cause counts of cases resolved in [from, to). */
export async function rootCausePareto(m: EntityManager, from: Date, to: Date): Promise<ParetoRow[]> {
  const rows: Array<{ root_cause: string; n: string }> = await m.query(
    `SELECT c.root_cause, count(*) AS n FROM service_desk_case c
      WHERE c.resolved_at >= $1 AND c.resolved_at < $2 AND c.root_cause IS NOT NULL AND c.status IN ('resolved', 'closed')
      GROUP BY c.root_cause`,
    [from, to],
  );
  return pareto(rows.map((r) => ({ rootCause: r.root_cause, count: Number(r.n) })));
}

const metric = (d: Omit<MetricDefinition, 'permission'>): MetricDefinition => ({ ...d, permission: P.metricsRead });

/** The metrics the service desk contributes, as docs/domain.md defines them. */
export const serviceDeskMetrics: MetricDefinition[] = [
  metric({
    name: 'service-desk.first_contact_resolution',
    label: 'First contact resolution',
    description:
      'Share of resolved cases that needed one staff reply and were not reopened within 7 days, in %. Counted in the bucket of the first resolution; merged duplicates and general cases closed without action are left out.',
    unit: 'percent',
    groupBy: ['kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.first_resolved_at')} AS bucket, ${grp} AS grp, count(*) AS n,
               100.0 * count(*) FILTER (WHERE c.staff_reply_count = 1 AND NOT EXISTS (
                 SELECT 1 FROM status_history h
                  WHERE h.subject_type = 'service-desk.case' AND h.subject_id = c.id AND h.from_status = 'resolved' AND h.to_status = 'open'
                    AND h.at <= c.first_resolved_at + interval '7 days')) / count(*) AS value
          FROM service_desk_case c
         WHERE c.first_resolved_at >= $1 AND c.first_resolved_at < $2 AND c.status <> 'merged' AND c.outcome IS DISTINCT FROM 'no_action'
         GROUP BY 1, 2`,
        CASE_DIMENSIONS,
        null,
      ),
  }),
  metric({
    name: 'service-desk.resolution_time_average',
    label: 'Average resolution time',
    description: 'Mean business time from creation to resolution, pauses excluded, of cases resolved in the period, in business minutes.',
    unit: 'minutes',
    groupBy: ['kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.resolved_at')} AS bucket, ${grp} AS grp, count(*) AS n, avg(c.resolution_business_minutes) AS value
          FROM service_desk_case c
         WHERE c.resolved_at >= $1 AND c.resolved_at < $2 AND c.status IN ('resolved', 'closed') AND c.resolution_business_minutes IS NOT NULL
         GROUP BY 1, 2`,
        CASE_DIMENSIONS,
        null,
      ),
  }),
  metric({
    name: 'service-desk.resolution_time_median',
    label: 'Median resolution time',
    description: 'Median business time from creation to resolution, pauses excluded, of cases resolved in the period, in business minutes.',
    unit: 'minutes',
    groupBy: ['kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.resolved_at')} AS bucket, ${grp} AS grp, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_business_minutes) AS value
          FROM service_desk_case c
         WHERE c.resolved_at >= $1 AND c.resolved_at < $2 AND c.status IN ('resolved', 'closed') AND c.resolution_business_minutes IS NOT NULL
         GROUP BY 1, 2`,
        CASE_DIMENSIONS,
        null,
      ),
  }),
  metric({
    name: 'service-desk.repeat_service_calls',
    label: 'Repeat service calls',
    description:
      'Share of cases opened by a customer about the same purchase or model within 30 days after an earlier case of theirs was resolved, in %. Counted in the bucket of the new case; merged duplicates are left out.',
    unit: 'percent',
    groupBy: ['kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.created_at')} AS bucket, ${grp} AS grp, count(*) AS n,
               100.0 * count(*) FILTER (WHERE c.purchase_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM service_desk_case e LEFT JOIN purchase pe ON pe.id = e.purchase_id
                  WHERE e.customer_id = c.customer_id AND e.id <> c.id
                    AND (e.purchase_id = c.purchase_id OR pe.model_id = pc.model_id)
                    AND e.first_resolved_at < c.created_at AND e.first_resolved_at >= c.created_at - interval '30 days')) / count(*) AS value
          FROM service_desk_case c LEFT JOIN purchase pc ON pc.id = c.purchase_id
         WHERE c.created_at >= $1 AND c.created_at < $2 AND c.status <> 'merged'
         GROUP BY 1, 2`,
        CASE_DIMENSIONS,
        null,
      ),
  }),
  metric({
    name: 'service-desk.sla_compliance',
    label: 'SLA compliance',
    description:
      'Share of SLA targets met among those met or breached, per target kind (first response, next response, resolution), of cases resolved in the period, in %.',
    unit: 'percent',
    groupBy: ['target', 'kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.resolved_at')} AS bucket, ${grp} AS grp, count(*) AS n,
               100.0 * count(*) FILTER (WHERE t.status = 'met') / count(*) AS value
          FROM service_desk_case c
          JOIN sla_clock k ON k.subject_type = 'service-desk.case' AND k.subject_id = c.id
         CROSS JOIN LATERAL (VALUES ('firstResponse', k.first_response_status), ('nextResponse', k.next_response_status),
                                    ('resolution', k.resolution_status)) AS t(target, status)
         WHERE c.resolved_at >= $1 AND c.resolved_at < $2 AND c.status IN ('resolved', 'closed') AND t.status IN ('met', 'breached')
         GROUP BY 1, 2`,
        { ...CASE_DIMENSIONS, target: 't.target' },
        null,
      ),
  }),
  metric({
    name: 'service-desk.case_volume',
    label: 'Case volume',
    description: 'Cases opened in the period (merged duplicates left out), by kind, severity or channel.',
    unit: 'count',
    groupBy: ['kind', 'severity', 'channel'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.created_at')} AS bucket, ${grp} AS grp, count(*) AS n, count(*) AS value
          FROM service_desk_case c
         WHERE c.created_at >= $1 AND c.created_at < $2 AND c.status <> 'merged'
         GROUP BY 1, 2`,
        CASE_DIMENSIONS,
        0,
      ),
  }),
  metric({
    name: 'service-desk.root_causes',
    label: 'Top root causes',
    description: 'Cases resolved in the period per root cause; sorted by count they form the Pareto chart of what causes the most cases.',
    unit: 'count',
    groupBy: ['rootCause'],
    compute: (a) =>
      run(
        a.manager,
        a,
        (grp) => `
        SELECT ${bucketOf('c.resolved_at')} AS bucket, ${grp} AS grp, count(*) AS n, count(*) AS value
          FROM service_desk_case c
         WHERE c.resolved_at >= $1 AND c.resolved_at < $2 AND c.status IN ('resolved', 'closed') AND c.root_cause IS NOT NULL
         GROUP BY 1, 2`,
        { rootCause: 'c.root_cause' },
        0,
      ),
  }),
];
