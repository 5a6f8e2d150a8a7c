import { type MetricDefinition, type MetricPoint, timeBucketSql } from '@aftercare/core';
import { P } from '../permissions.js';

type Row = { bucket: Date; grp: string | null; value: string | null; n: string };
const toPoints = (rows: Row[], digits = 1): MetricPoint[] =>
  rows.map((r) => ({
    bucket: new Date(r.bucket),
    group: r.grp,
    value: r.value === null ? null : Math.round(Number(r.value) * 10 ** digits) / 10 ** digits,
    sampleSize: Number(r.n),
  }));
const group = (groupBy: string | undefined, name: string, column: string) => (groupBy === name ? `${column}::text` : 'NULL::text');

/**
 * The return metrics (definitions as shown in the console):
 * - return rate: items requested for return in the period per 100 purchases made in the period, by model;
 * - reason share: share of the period's return lines per reason, in %;
 * - refund time: mean minutes from request to the refund being issued, for refunds issued in the period;
 * - withdrawals refunded on time: share of withdrawal refunds paid in the period within the legal 14 days;
 * - exchange share: share of resolutions issued in the period that are exchanges (group by method for all shares).
 */
export function returnsMetrics(): MetricDefinition[] {
  return [
    {
      name: 'returns.return_rate',
      label: 'Return rate',
      description: 'Items requested for return in the period per 100 purchases made in the period, in %.',
      unit: 'percent',
      permission: P.metricsRead,
      groupBy: ['model'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] = await manager.query(
          `WITH p AS (SELECT ${timeBucketSql('purchased_at', interval, timeZone)} AS bucket, ${group(groupBy, 'model', 'model_id')} AS grp, count(*) AS n
                        FROM purchase WHERE purchased_at >= $1 AND purchased_at < $2 GROUP BY 1, 2),
                r AS (SELECT ${timeBucketSql('r.created_at', interval, timeZone)} AS bucket, ${group(groupBy, 'model', 'l.model_id')} AS grp, count(*) AS n
                        FROM returns_line l JOIN returns_request r ON r.id = l.request_id
                       WHERE r.created_at >= $1 AND r.created_at < $2 AND r.status <> 'cancelled' GROUP BY 1, 2)
           SELECT p.bucket, p.grp, 100.0 * coalesce(r.n, 0) / p.n AS value, p.n
             FROM p LEFT JOIN r ON r.bucket = p.bucket AND r.grp IS NOT DISTINCT FROM p.grp ORDER BY 1, 2`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'returns.reason_share',
      label: 'Return reasons',
      description:
        'Share of the return lines requested in the period with each reason (withdrawals without a reason count as "withdrawal"), in %.',
      unit: 'percent',
      permission: P.metricsRead,
      groupBy: ['reason'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] = await manager.query(
          `SELECT bucket, grp, 100.0 * n / sum(n) OVER (PARTITION BY bucket) AS value, n FROM (
             SELECT ${timeBucketSql('r.created_at', interval, timeZone)} AS bucket, ${group(groupBy, 'reason', "coalesce(l.reason_code, 'withdrawal')")} AS grp, count(*) AS n
               FROM returns_line l JOIN returns_request r ON r.id = l.request_id
              WHERE r.created_at >= $1 AND r.created_at < $2 GROUP BY 1, 2) x ORDER BY 1, 2`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'returns.refund_time',
      label: 'Refund time',
      description:
        'Mean time from the return request to the refund being issued, for refunds issued in the period (minutes; the console shows days).',
      unit: 'minutes',
      permission: P.metricsRead,
      async compute({ manager, from, to, interval, timeZone }) {
        const rows: Row[] = await manager.query(
          `SELECT ${timeBucketSql('f.created_at', interval, timeZone)} AS bucket, NULL::text AS grp,
                  avg(extract(epoch FROM f.created_at - r.created_at) / 60) AS value, count(*) AS n
             FROM returns_refund f JOIN returns_request r ON r.id = f.request_id
            WHERE f.status IN ('issued', 'paid') AND f.created_at >= $1 AND f.created_at < $2 GROUP BY 1 ORDER BY 1`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'returns.withdrawal_refund_on_time',
      label: 'Withdrawals refunded within 14 days',
      description: 'Share of withdrawal refunds paid in the period no later than 14 days after the withdrawal, in %.',
      unit: 'percent',
      permission: P.metricsRead,
      async compute({ manager, from, to, interval, timeZone }) {
        const rows: Row[] = await manager.query(
          `SELECT ${timeBucketSql('f.paid_at', interval, timeZone)} AS bucket, NULL::text AS grp,
                  100.0 * count(*) FILTER (WHERE f.paid_at <= r.refund_due_at) / count(*) AS value, count(*) AS n
             FROM returns_refund f JOIN returns_request r ON r.id = f.request_id
            WHERE f.status = 'paid' AND r.refund_due_at IS NOT NULL AND f.paid_at >= $1 AND f.paid_at < $2 GROUP BY 1 ORDER BY 1`,
          [from, to],
        );
        return toPoints(rows);
      },
    },
    {
      name: 'returns.exchange_share',
      label: 'Exchange share',
      description: 'Share of resolutions issued in the period that are exchanges; grouped by method, the share of each method, in %.',
      unit: 'percent',
      permission: P.metricsRead,
      groupBy: ['method'],
      async compute({ manager, from, to, interval, timeZone, groupBy }) {
        const rows: Row[] =
          groupBy === 'method'
            ? await manager.query(
                `SELECT bucket, grp, 100.0 * n / sum(n) OVER (PARTITION BY bucket) AS value, n FROM (
                   SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, method::text AS grp, count(*) AS n
                     FROM returns_refund WHERE status IN ('issued', 'paid') AND created_at >= $1 AND created_at < $2 GROUP BY 1, 2) x ORDER BY 1, 2`,
                [from, to],
              )
            : await manager.query(
                `SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, NULL::text AS grp,
                        100.0 * count(*) FILTER (WHERE method = 'exchange') / count(*) AS value, count(*) AS n
                   FROM returns_refund WHERE status IN ('issued', 'paid') AND created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1`,
                [from, to],
              );
        return toPoints(rows);
      },
    },
  ];
}
