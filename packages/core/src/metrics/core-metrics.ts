import type { MetricDefinition } from '../plugin/contributions.js';
import { timeBucketSql } from './metrics.service.js';

const TARGET_GROUP: Record<string, string> = { target: 'target', owner: 'subject_type' };

/**
 * SLA compliance (docs/domain.md): the share of SLA targets met, per target kind. A target counts in the
 * bucket of its due date once it is decided: met, breached, or still running past its due date.
 */
export const slaCompliance: MetricDefinition = {
  name: 'core.sla_compliance',
  label: 'SLA compliance',
  description: 'Share of SLA targets met, per target kind (first response, next response, resolution), by due date.',
  unit: 'percent',
  permission: 'core.sla.read',
  groupBy: ['target', 'owner'],
  async compute({ manager, from, to, interval, timeZone, groupBy }) {
    const group = groupBy ? TARGET_GROUP[groupBy]! : 'NULL';
    const rows: Array<{ bucket: Date; grp: string | null; met: string; decided: string }> = await manager.query(
      `WITH t AS (
         SELECT subject_type, 'firstResponse' AS target, first_response_status AS status, first_response_due_at AS due FROM sla_clock
         UNION ALL SELECT subject_type, 'nextResponse', next_response_status, next_response_due_at FROM sla_clock
         UNION ALL SELECT subject_type, 'resolution', resolution_status, resolution_due_at FROM sla_clock
       )
       SELECT ${timeBucketSql('due', interval, timeZone)} AS bucket, ${group}::text AS grp,
              count(*) FILTER (WHERE status = 'met') AS met, count(*) AS decided
         FROM t
        WHERE due >= $1 AND due < $2
          AND (status IN ('met', 'breached') OR (status = 'running' AND due < now()))
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to],
    );
    return rows.map((r) => ({
      bucket: new Date(r.bucket),
      group: r.grp,
      value: Math.round((Number(r.met) / Number(r.decided)) * 1000) / 10,
      sampleSize: Number(r.decided),
    }));
  },
};

/** The metrics core itself defines. */
export const CORE_METRICS: MetricDefinition[] = [slaCompliance];
