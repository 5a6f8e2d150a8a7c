import { type MetricDefinition, type MetricPoint, timeBucketSql } from '@aftercare/core';
import { P } from './permissions.js';

type Row = { bucket: Date; value: string | null; n: string | null };
const toPoints = (rows: Row[]): MetricPoint[] =>
  rows.map((r) => ({
    bucket: new Date(r.bucket),
    group: null,
    value: r.value === null ? null : Math.round(Number(r.value) * 10) / 10,
    sampleSize: r.n === null ? null : Number(r.n),
  }));

/**
 * Loyalty measures:
 * - points issued: points credited (earnings and positive adjustments) in the period;
 * - redemption rate: points redeemed in the period per 100 points issued in it, in %;
 * - points liability: points outstanding (sum of the whole ledger) at the end of each bucket;
 * - promotion discounts: discount given through coupons in the period, in minor units.
 */
export const loyaltyMetrics: MetricDefinition[] = [
  {
    name: 'loyalty.points_issued',
    label: 'Points issued',
    description: 'Points credited in the period (earnings and positive adjustments).',
    unit: 'count',
    permission: P.accountRead,
    async compute({ manager, from, to, interval, timeZone }) {
      const rows: Row[] = await manager.query(
        `SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, SUM(points) AS value, COUNT(*) AS n
           FROM loyalty_ledger_entry WHERE points > 0 AND created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
      return toPoints(rows);
    },
  },
  {
    name: 'loyalty.redemption_rate',
    label: 'Redemption rate',
    description: 'Points redeemed in the period per 100 points issued in it, in %.',
    unit: 'percent',
    permission: P.accountRead,
    async compute({ manager, from, to, interval, timeZone }) {
      const rows: Row[] = await manager.query(
        `SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket,
                100.0 * -SUM(points) FILTER (WHERE kind = 'redeem') / NULLIF(SUM(points) FILTER (WHERE points > 0), 0) AS value,
                SUM(points) FILTER (WHERE points > 0) AS n
           FROM loyalty_ledger_entry WHERE created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
      return toPoints(rows);
    },
  },
  {
    name: 'loyalty.points_liability',
    label: 'Points liability',
    description: 'Points outstanding (the sum of the whole ledger, pending included) at the end of each bucket.',
    unit: 'count',
    permission: P.accountRead,
    async compute({ manager, from, to, interval, timeZone }) {
      const rows: Row[] = await manager.query(
        `WITH b AS (
           SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, SUM(points) AS delta
             FROM loyalty_ledger_entry WHERE created_at >= $1 AND created_at < $2 GROUP BY 1)
         SELECT bucket, (SELECT COALESCE(SUM(points), 0) FROM loyalty_ledger_entry WHERE created_at < $1) + SUM(delta) OVER (ORDER BY bucket) AS value, NULL AS n
           FROM b ORDER BY 1`,
        [from, to],
      );
      return toPoints(rows);
    },
  },
  {
    name: 'loyalty.promotion_discounts',
    label: 'Promotion discounts',
    description: 'Discount given through coupons in the period, in minor units (budget spent).',
    unit: 'money',
    permission: P.accountRead,
    async compute({ manager, from, to, interval, timeZone }) {
      const rows: Row[] = await manager.query(
        `SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, SUM(discount_minor) AS value, COUNT(*) AS n
           FROM loyalty_coupon_redemption WHERE created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
      return toPoints(rows);
    },
  },
];
