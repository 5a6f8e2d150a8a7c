import { type MetricDefinition, type MetricPoint, timeBucketSql } from '@aftercare/core';
import { P } from '../permissions.js';
import type { WarrantySettings } from '../settings.js';

type Row = { bucket: Date; grp: string | null; value: string | null; n: string };
const toPoints = (rows: Row[], round = 1): MetricPoint[] =>
  rows.map((r) => ({
    bucket: new Date(r.bucket),
    group: r.grp,
    value: r.value === null ? null : Math.round(Number(r.value) * 10 ** round) / 10 ** round,
    sampleSize: Number(r.n),
  }));
const modelGroup = (groupBy: string | undefined, column: string) => (groupBy === 'model' ? `${column}::text` : 'NULL::text');
const STEP: Record<string, string> = { day: '1 day', week: '7 days', month: '1 month' };

/**
 * The warranty metrics. Definitions (also shown in the console):
 * - claim rate: claims filed in the period per 100 items of the model in the field (registrations
 *   purchased before the end of the period), in %;
 * - repair turnaround: mean elapsed minutes from opening to completion of repair orders completed in the period;
 * - first-time fix rate: share of repairs completed as repaired in the period with no further repair
 *   order on the same serial within 30 days;
 * - warranty cost: parts (unit cost × quantity) plus labour (minutes × the configured hourly rate) of
 *   warranty (not paid) repairs completed in the period, in minor units.
 */
export function warrantyMetrics(settings: () => Promise<WarrantySettings>): MetricDefinition[] {
  return [
    {
      name: 'warranty.claim_rate',
      label: 'Warranty claim rate',
      description: 'Claims filed in the period per 100 registered items of the model purchased before the end of the period, in %.',
      unit: 'percent',
      permission: P.metricsRead,
      groupBy: ['model'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] = await manager.query(
          `WITH c AS (
             SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, ${modelGroup(groupBy, 'model_id')} AS grp, count(*) AS claims
               FROM warranty_claim WHERE created_at >= $1 AND created_at < $2 AND status <> 'draft'
              GROUP BY 1, 2)
           SELECT c.bucket, c.grp, 100.0 * c.claims / NULLIF(r.items, 0) AS value, r.items AS n
             FROM c CROSS JOIN LATERAL (
               SELECT count(*) AS items FROM warranty_registration w
                WHERE w.purchased_at < c.bucket + interval '${STEP[interval]}' AND (c.grp IS NULL OR w.model_id::text = c.grp)) r
            ORDER BY 1, 2`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'warranty.repair_turnaround',
      label: 'Repair turnaround',
      description: 'Mean elapsed minutes from opening a repair order to completing it, for repairs completed in the period.',
      unit: 'minutes',
      permission: P.metricsRead,
      groupBy: ['model'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] = await manager.query(
          `SELECT ${timeBucketSql('completed_at', interval, timeZone)} AS bucket, ${modelGroup(groupBy, 'model_id')} AS grp,
                  avg(extract(epoch FROM completed_at - created_at) / 60) AS value, count(*) AS n
             FROM warranty_repair_order WHERE status = 'completed' AND completed_at >= $1 AND completed_at < $2
            GROUP BY 1, 2 ORDER BY 1, 2`,
          [from, to],
        );
        return toPoints(rows, 0);
      },
    },
    {
      name: 'warranty.first_time_fix_rate',
      label: 'First-time fix rate',
      description: 'Share of repairs completed as repaired with no further repair order on the same serial within 30 days, in %.',
      unit: 'percent',
      permission: P.metricsRead,
      groupBy: ['model'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] = await manager.query(
          `SELECT ${timeBucketSql('o.completed_at', interval, timeZone)} AS bucket, ${modelGroup(groupBy, 'o.model_id')} AS grp,
                  100.0 * count(*) FILTER (WHERE NOT EXISTS (
                    SELECT 1 FROM warranty_repair_order n
                     WHERE n.serial_number = o.serial_number AND n.id <> o.id AND n.status <> 'cancelled'
                       AND n.created_at > o.completed_at AND n.created_at <= o.completed_at + interval '30 days')) / count(*) AS value,
                  count(*) AS n
             FROM warranty_repair_order o
            WHERE o.status = 'completed' AND o.outcome = 'repaired' AND o.completed_at >= $1 AND o.completed_at < $2
            GROUP BY 1, 2 ORDER BY 1, 2`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'warranty.cost_per_model',
      label: 'Warranty cost',
      description:
        'Parts (unit cost × quantity) plus labour (minutes × hourly rate) of warranty repairs completed in the period, in minor units.',
      unit: 'money',
      permission: P.metricsRead,
      groupBy: ['model'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const { labourRatePerHourMinor } = await settings();
        const rows: Row[] = await manager.query(
          `SELECT ${timeBucketSql('o.completed_at', interval, timeZone)} AS bucket, ${modelGroup(groupBy, 'o.model_id')} AS grp,
                  sum(coalesce(p.cost, 0) + o.labour_minutes * $3::numeric / 60) AS value, count(*) AS n
             FROM warranty_repair_order o
             LEFT JOIN (SELECT repair_order_id, sum(unit_cost_minor * quantity) AS cost FROM warranty_repair_part GROUP BY 1) p ON p.repair_order_id = o.id
            WHERE o.status = 'completed' AND NOT o.paid AND o.completed_at >= $1 AND o.completed_at < $2
            GROUP BY 1, 2 ORDER BY 1, 2`,
          [from, to, labourRatePerHourMinor],
        );
        return toPoints(rows, 0);
      },
    },
  ];
}
