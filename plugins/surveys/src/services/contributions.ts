import { type MetricDefinition, type MetricPoint, type PrivacyContributor, type TimelineSource, ValidationError } from '@aftercare/core';
import { DateTime } from 'luxon';
import { DIMENSIONS } from '../domain.js';
import { SurveyResponse } from '../entities/response.entity.js';
import { P } from '../permissions.js';
import type { Surveys } from './surveys.service.js';

type Args = Parameters<MetricDefinition['compute']>[0];

/** Bucket starts between from and to, at midnight in the zone (luxon handles DST). */
function bucketStarts(a: Args): Date[] {
  const out: Date[] = [];
  let at = DateTime.fromJSDate(a.from, { zone: a.timeZone }).startOf(a.interval);
  if (!at.isValid) throw new ValidationError([{ field: 'timeZone', message: `unknown time zone '${a.timeZone}'` }]);
  while (at.toMillis() < a.to.getTime() && out.length < 1000) {
    out.push(at.toJSDate());
    at = at.plus({ [`${a.interval}s`]: 1 });
  }
  return out;
}

const GROUPS = Object.keys(DIMENSIONS);

/**
 * One survey measure as a metric: `value` is the SQL of the value over the rows of a bucket (and
 * group), `n` its sample size. `table` is responses (r) or, for the response rate, invitations (i).
 */
function metric(
  name: string,
  label: string,
  description: string,
  unit: MetricDefinition['unit'],
  sql: { value: string; n: string; from: string; at: string; ctx: string },
): MetricDefinition {
  return {
    name: `surveys.${name}`,
    label,
    description,
    unit,
    permission: P.analyticsRead,
    groupBy: GROUPS,
    async compute(a) {
      let group = 'NULL::text';
      if (a.groupBy) {
        const dim = DIMENSIONS[a.groupBy as keyof typeof DIMENSIONS];
        if (!dim) throw new ValidationError([{ field: 'groupBy', message: `must be one of ${GROUPS.join(', ')}` }]);
        group = `${sql.ctx} ->> '${dim.field}'`;
      }
      const rows: Array<{ bucket: Date; grp: string | null; value: number | null; n: number }> = await a.manager.query(
        `SELECT date_trunc('${a.interval}', ${sql.at} AT TIME ZONE $3) AT TIME ZONE $3 AS bucket, ${group} AS grp,
                ${sql.value} AS value, ${sql.n} AS n
           FROM ${sql.from} WHERE ${sql.at} >= $1 AND ${sql.at} < $2 GROUP BY 1, 2`,
        [a.from, a.to, a.timeZone],
      );
      const groups = a.groupBy ? [...new Set(rows.map((r) => r.grp ?? '(none)'))].sort() : [null];
      const byKey = new Map(rows.map((r) => [`${new Date(r.bucket).getTime()}|${a.groupBy ? (r.grp ?? '(none)') : null}`, r]));
      const points: MetricPoint[] = [];
      for (const b of bucketStarts(a))
        for (const g of groups) {
          const r = byKey.get(`${b.getTime()}|${g}`);
          const n = r ? Number(r.n) : 0;
          points.push({
            bucket: b,
            group: g,
            value: r && r.value != null && n > 0 ? Math.round(Number(r.value) * 100) / 100 : null,
            sampleSize: n,
          });
        }
      return points;
    },
  };
}

const R = { from: 'surveys_response r', at: 'r.answered_at', ctx: 'r.context' };

/** CSAT, NPS, CES and response rate exactly as docs/domain.md defines them, for the metrics registry. */
export const surveyMetrics: MetricDefinition[] = [
  metric('csat', 'CSAT', 'Share of CSAT answers scoring 4 or 5 on a 1–5 scale, in %.', 'percent', {
    ...R,
    value: `100.0 * count(*) FILTER (WHERE r.kind = 'csat' AND r.score >= 4) / NULLIF(count(*) FILTER (WHERE r.kind = 'csat'), 0)`,
    n: `count(*) FILTER (WHERE r.kind = 'csat')::int`,
  }),
  metric('nps', 'NPS', '% promoters (9–10) minus % detractors (0–6) among 0–10 answers; from −100 to 100.', 'score', {
    ...R,
    value: `100.0 * (count(*) FILTER (WHERE r.kind = 'nps' AND r.score >= 9) - count(*) FILTER (WHERE r.kind = 'nps' AND r.score <= 6)) / NULLIF(count(*) FILTER (WHERE r.kind = 'nps'), 0)`,
    n: `count(*) FILTER (WHERE r.kind = 'nps')::int`,
  }),
  metric('ces', 'CES', 'Mean of customer-effort answers (1–7).', 'score', {
    ...R,
    value: `avg(r.score) FILTER (WHERE r.kind = 'ces')`,
    n: `count(*) FILTER (WHERE r.kind = 'ces')::int`,
  }),
  metric('response_rate', 'Survey response rate', 'Responses / surveys sent, by the time the survey was sent, in %.', 'percent', {
    from: 'surveys_invitation i LEFT JOIN surveys_response r ON r.invitation_id = i.id',
    at: 'i.sent_at',
    ctx: 'i.context',
    value: `100.0 * count(r.id) / NULLIF(count(*), 0)`,
    n: `count(*)::int`,
  }),
];

const KIND_LABEL = { csat: 'CSAT', nps: 'NPS', ces: 'CES' } as const;

/** Responses in the customer's history. */
export const surveyTimeline: TimelineSource = {
  name: 'responses',
  async load({ manager, customerId, before, limit }) {
    const qb = manager
      .getRepository(SurveyResponse)
      .createQueryBuilder('r')
      .where('r.customer_id = :customerId', { customerId })
      .orderBy('r.answered_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit);
    if (before) qb.andWhere('r.answered_at < :before', { before });
    const rows = await qb.getMany();
    return rows.map((r) => ({
      id: r.id,
      at: r.answeredAt,
      kind: 'surveys.response',
      title: `${KIND_LABEL[r.kind]} survey answered: ${r.score}`,
      summary: r.detractor ? 'Detractor' : null,
      objectType: 'SurveyResponse',
      objectId: r.id,
    }));
  },
};

/** Export: every response with its answers; anonymisation keeps scores and removes the customer's words. */
export function surveyPrivacy(surveys: Surveys): PrivacyContributor {
  return {
    name: 'responses',
    export: async ({ manager, customerId }) => ({ responses: await surveys.exportOf(manager, customerId) }),
    anonymize: ({ manager, customerId }) => surveys.anonymize(manager, customerId),
  };
}
