import { IANAZone } from 'luxon';
import type { EntityManager } from 'typeorm';
import { hasPermission, type HasActor } from '../access/actor.js';
import { ForbiddenError, ValidationError, type FieldError } from '../errors.js';
import type { MetricDefinition, MetricInterval, MetricPoint } from '../plugin/contributions.js';
import type { Registry } from '../plugin/registry.js';

/** Most buckets one series may have (e.g. a bit over a year of days). */
export const MAX_METRIC_BUCKETS = 400;

const DAYS: Record<MetricInterval, number> = { day: 1, week: 7, month: 31 };

/** What a metrics query asks for. */
export interface MetricsQuery {
  names: string[];
  from: Date;
  to: Date;
  interval: MetricInterval;
  timeZone: string;
  groupBy?: string | null;
}

/** One computed series. */
export interface MetricSeries {
  definition: MetricDefinition;
  points: MetricPoint[];
}

/**
 * SQL for the start of the bucket holding `column` (a timestamptz), in `timeZone`, as a timestamptz.
 * `interval` and `timeZone` must be validated first ({@link validateMetricsQuery} does); they are
 * inlined because Postgres cannot group by an expression whose parameters differ per use.
 */
export function timeBucketSql(column: string, interval: MetricInterval, timeZone: string): string {
  if (!(interval in DAYS)) throw new Error(`Unknown interval '${interval}'.`);
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`Unknown time zone '${timeZone}'.`);
  const tz = `'${timeZone.replace(/'/g, "''")}'`;
  return `(date_trunc('${interval}', ${column} AT TIME ZONE ${tz}) AT TIME ZONE ${tz})`;
}

/** Check a metrics query against the registry and the caller; throws naming each problem. */
export function validateMetricsQuery(registry: Registry<MetricDefinition>, query: MetricsQuery, caller: HasActor): MetricDefinition[] {
  const errors: FieldError[] = [];
  if (!query.names.length) errors.push({ field: 'names', message: 'name at least one metric' });
  const unknown = query.names.filter((n) => !registry.get(n));
  if (unknown.length)
    errors.push({ field: 'names', message: `unknown metric(s) ${unknown.join(', ')}; metricDefinitions lists the available ones` });
  if (!IANAZone.isValidZone(query.timeZone)) errors.push({ field: 'timeZone', message: `'${query.timeZone}' is not an IANA time zone` });
  if (!(query.to > query.from)) errors.push({ field: 'to', message: 'must be after from' });
  else if ((query.to.getTime() - query.from.getTime()) / 86_400_000 / DAYS[query.interval] > MAX_METRIC_BUCKETS)
    errors.push({
      field: 'to',
      message: `at most ${MAX_METRIC_BUCKETS} ${query.interval}s per query; choose a longer interval or a shorter range`,
    });
  const definitions = query.names.map((n) => registry.get(n)).filter((d): d is MetricDefinition => !!d);
  for (const d of definitions)
    if (query.groupBy && !(d.groupBy ?? []).includes(query.groupBy))
      errors.push({
        field: 'groupBy',
        message: `${d.name} cannot be grouped by '${query.groupBy}'${d.groupBy?.length ? `; allowed: ${d.groupBy.join(', ')}` : ''}`,
      });
  if (errors.length) throw new ValidationError(errors);
  const denied = definitions.filter((d) => !hasPermission(caller, d.permission));
  if (denied.length) throw new ForbiddenError(`Reading ${denied.map((d) => `${d.name} needs ${d.permission}`).join('; ')}.`);
  return definitions;
}

/** Compute the asked series in one read-only transaction (a consistent snapshot across metrics). */
export async function computeMetrics(
  manager: EntityManager,
  definitions: MetricDefinition[],
  query: MetricsQuery,
): Promise<MetricSeries[]> {
  return manager.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET TRANSACTION READ ONLY');
    const out: MetricSeries[] = [];
    for (const definition of definitions) {
      const points = await definition.compute({
        manager: m,
        from: query.from,
        to: query.to,
        interval: query.interval,
        timeZone: query.timeZone,
        ...(query.groupBy ? { groupBy: query.groupBy } : {}),
      });
      out.push({ definition, points });
    }
    return out;
  });
}
