import type { MetricDefinition, PluginContext } from '@aftercare/core';
import { timeBucketSql, ValidationError } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { DEFLECTION_WINDOW_DAYS } from '../domain.js';
import { P } from '../permissions.js';
import type { KnowledgeBaseSettings } from '../settings.js';

const DAY = 86_400_000;

/** The deflection funnel of the suggestions shown in a period. */
export interface DeflectionFunnel {
  shown: number;
  opened: number;
  helpful: number;
  notHelpful: number;
  withCase: number;
  /** Suggestions shown at least 7 days ago: their outcome is known. */
  matured: number;
  /** Matured suggestions after which the customer opened no case within 7 days. */
  deflected: number;
  /** Suggestions younger than 7 days without a case yet. */
  pending: number;
  /** deflected / matured, in percent (null without matured suggestions). */
  deflectionRate: number | null;
  /** helpful / (helpful + not helpful) among suggestions, in percent. */
  helpfulness: number | null;
  definition: string;
}

/** The definition shown wherever the deflection rate is. */
export const DEFLECTION_DEFINITION =
  `Share of suggestion sessions (articles suggested while a customer wrote a request) after which the customer opened no case within ${DEFLECTION_WINDOW_DAYS} days; ` +
  `only sessions at least ${DEFLECTION_WINDOW_DAYS} days old count.`;

/** One stale article with why it is stale. */
export interface StaleArticle {
  articleId: string;
  ownerId: string | null;
  title: string;
  reasons: string[];
  lastReviewedAt: Date | null;
}

function pct(n: number, d: number): number | null {
  return d ? Math.round((n / d) * 1000) / 10 : null;
}

function period(from: Date, to: Date): void {
  if (to <= from) throw new ValidationError([{ field: 'to', message: 'must be after from' }]);
}

/** Analytics for editors: deflection funnel, search analytics, stale articles, and the metrics. */
export class KbAnalytics {
  constructor(private readonly ctx: PluginContext<KnowledgeBaseSettings>) {}

  /** The funnel of suggestions shown in [from, to). */
  async deflection(from: Date, to: Date): Promise<DeflectionFunnel> {
    period(from, to);
    const matureBefore = new Date(this.ctx.clock.now().getTime() - DEFLECTION_WINDOW_DAYS * DAY);
    const [r]: Array<Record<string, string>> = await this.ctx.db.manager.query(
      `SELECT count(*) AS shown, count(opened_at) AS opened,
              count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE helpful = false) AS not_helpful,
              count(case_id) AS with_case,
              count(*) FILTER (WHERE shown_at <= $3) AS matured,
              count(*) FILTER (WHERE shown_at <= $3 AND case_id IS NULL) AS deflected,
              count(*) FILTER (WHERE shown_at > $3 AND case_id IS NULL) AS pending
         FROM knowledge_base_suggestion WHERE shown_at >= $1 AND shown_at < $2`,
      [from, to, matureBefore],
    );
    const n = (k: string) => Number(r![k]);
    return {
      shown: n('shown'),
      opened: n('opened'),
      helpful: n('helpful'),
      notHelpful: n('not_helpful'),
      withCase: n('with_case'),
      matured: n('matured'),
      deflected: n('deflected'),
      pending: n('pending'),
      deflectionRate: pct(n('deflected'), n('matured')),
      helpfulness: pct(n('helpful'), n('helpful') + n('not_helpful')),
      definition: DEFLECTION_DEFINITION,
    };
  }

  /** Top queries, queries without results (content gaps) and click-through in [from, to). */
  async search(from: Date, to: Date) {
    period(from, to);
    const m = this.ctx.db.manager;
    const [totals]: Array<{ searches: string; clicked: string; empty: string }> = await m.query(
      `SELECT count(*) AS searches, count(clicked_article_id) AS clicked, count(*) FILTER (WHERE result_count = 0) AS empty
         FROM knowledge_base_search WHERE searched_at >= $1 AND searched_at < $2`,
      [from, to],
    );
    const top: Array<{ query: string; n: string; clicked: string; results: string }> = await m.query(
      `SELECT query, count(*) AS n, count(clicked_article_id) AS clicked, max(result_count) AS results
         FROM knowledge_base_search WHERE searched_at >= $1 AND searched_at < $2 AND query <> ''
        GROUP BY query ORDER BY n DESC, query LIMIT 20`,
      [from, to],
    );
    const none: Array<{ query: string; n: string }> = await m.query(
      `SELECT query, count(*) AS n FROM knowledge_base_search
        WHERE searched_at >= $1 AND searched_at < $2 AND result_count = 0 AND query <> ''
        GROUP BY query ORDER BY n DESC, query LIMIT 20`,
      [from, to],
    );
    return {
      searches: Number(totals!.searches),
      withoutResults: Number(totals!.empty),
      clickThroughRate: pct(Number(totals!.clicked), Number(totals!.searches)),
      topQueries: top.map((t) => ({
        query: t.query,
        count: Number(t.n),
        results: Number(t.results),
        clickThroughRate: pct(Number(t.clicked), Number(t.n)),
      })),
      noResultQueries: none.map((t) => ({ query: t.query, count: Number(t.n), results: 0, clickThroughRate: null })),
    };
  }

  /**
   * Published articles that need a review: not reviewed for the configured number of months, helpfulness
   * in the last 30 days at least 20 points below the 30 days before (3+ votes in each), or about a model
   * whose cases in the last 30 days are at least 1.5 times those of the 30 days before (3+ cases).
   */
  async stale(m: EntityManager = this.ctx.db.manager): Promise<StaleArticle[]> {
    const { staleAfterMonths } = await this.ctx.settings.get();
    const now = this.ctx.clock.now();
    const rows: Array<{
      id: string;
      owner_id: string | null;
      title: string;
      last_reviewed_at: Date | null;
      not_reviewed: boolean;
      falling: boolean;
      rising: boolean;
    }> = await m.query(
      `WITH votes AS (
           SELECT article_id,
                  avg(helpful::int) FILTER (WHERE created_at > $1::timestamptz - interval '30 days') AS recent,
                  count(*) FILTER (WHERE created_at > $1::timestamptz - interval '30 days') AS recent_n,
                  avg(helpful::int) FILTER (WHERE created_at <= $1::timestamptz - interval '30 days' AND created_at > $1::timestamptz - interval '60 days') AS before,
                  count(*) FILTER (WHERE created_at <= $1::timestamptz - interval '30 days' AND created_at > $1::timestamptz - interval '60 days') AS before_n
             FROM knowledge_base_vote WHERE created_at > $1::timestamptz - interval '60 days' GROUP BY article_id
         ), cases AS (
           SELECT model_id,
                  count(*) FILTER (WHERE opened_at > $1::timestamptz - interval '30 days') AS recent,
                  count(*) FILTER (WHERE opened_at <= $1::timestamptz - interval '30 days') AS before
             FROM knowledge_base_case_signal WHERE opened_at > $1::timestamptz - interval '60 days' AND model_id IS NOT NULL GROUP BY model_id
         )
         SELECT a.id, a.owner_id, t.title, a.last_reviewed_at,
                (a.last_reviewed_at IS NULL OR a.last_reviewed_at < $1::timestamptz - make_interval(months => $2)) AS not_reviewed,
                COALESCE(v.recent_n >= 3 AND v.before_n >= 3 AND v.recent <= v.before - 0.2, false) AS falling,
                EXISTS (SELECT 1 FROM cases c WHERE c.model_id = ANY(a.model_ids) AND c.recent >= 3 AND c.recent >= 1.5 * c.before) AS rising
           FROM knowledge_base_article a
           JOIN knowledge_base_translation t ON t.article_id = a.id AND t.locale = a.default_locale
           LEFT JOIN votes v ON v.article_id = a.id
          WHERE a.status = 'published'`,
      [now, staleAfterMonths],
    );
    return rows
      .map((r) => ({
        articleId: r.id,
        ownerId: r.owner_id,
        title: r.title,
        lastReviewedAt: r.last_reviewed_at,
        reasons: [r.not_reviewed && 'not_reviewed', r.falling && 'falling_helpfulness', r.rising && 'rising_case_volume'].filter(
          (x): x is string => !!x,
        ),
      }))
      .filter((r) => r.reasons.length);
  }

  /**
   * Turn stale articles into review tasks: each owner gets one notification listing their stale articles
   * (titles and reasons only), linking to the analytics page. Run weekly by the `stale-review` job.
   * Resolves to the number of owners notified.
   */
  async notifyStaleOwners(): Promise<number> {
    return this.ctx.db.transaction(async (m) => {
      const byOwner = new Map<string, StaleArticle[]>();
      for (const a of await this.stale(m)) {
        if (a.ownerId) byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), a]);
      }
      let notified = 0;
      for (const [owner, list] of byOwner) {
        const sent = await this.ctx.staffNotifications.notify(m, {
          kind: 'stale-articles',
          recipients: [owner],
          title: list.length === 1 ? '1 knowledge base article to review' : `${list.length} knowledge base articles to review`,
          body: list
            .slice(0, 20)
            .map((a) => `${a.title} (${a.reasons.join(', ').replaceAll('_', ' ')})`)
            .join('\n'),
          link: '/knowledge-base/analytics',
        });
        notified += sent.length;
      }
      return notified;
    });
  }

  /** Deflection rate and helpfulness, for the core metrics registry. */
  metrics(): MetricDefinition[] {
    const clock = this.ctx.clock;
    return [
      {
        name: 'knowledge-base.deflection_rate',
        label: 'Deflection rate',
        description: DEFLECTION_DEFINITION,
        unit: 'percent',
        permission: P.analytics,
        async compute({ manager, from, to, interval, timeZone }) {
          const rows: Array<{ bucket: Date; n: string; d: string }> = await manager.query(
            `SELECT ${timeBucketSql('shown_at', interval, timeZone)} AS bucket, count(*) FILTER (WHERE case_id IS NULL) AS n, count(*) AS d
               FROM knowledge_base_suggestion WHERE shown_at >= $1 AND shown_at < $2 AND shown_at <= $3
              GROUP BY 1 ORDER BY 1`,
            [from, to, new Date(clock.now().getTime() - DEFLECTION_WINDOW_DAYS * DAY)],
          );
          return rows.map((r) => ({
            bucket: new Date(r.bucket),
            group: null,
            value: pct(Number(r.n), Number(r.d)) ?? 0,
            sampleSize: Number(r.d),
          }));
        },
      },
      {
        name: 'knowledge-base.helpfulness',
        label: 'Article helpfulness',
        description: 'Share of "Was this helpful?" votes that said yes, by vote date.',
        unit: 'percent',
        permission: P.analytics,
        async compute({ manager, from, to, interval, timeZone }) {
          const rows: Array<{ bucket: Date; n: string; d: string }> = await manager.query(
            `SELECT ${timeBucketSql('created_at', interval, timeZone)} AS bucket, count(*) FILTER (WHERE helpful) AS n, count(*) AS d
               FROM knowledge_base_vote WHERE created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 1`,
            [from, to],
          );
          return rows.map((r) => ({
            bucket: new Date(r.bucket),
            group: null,
            value: pct(Number(r.n), Number(r.d)) ?? 0,
            sampleSize: Number(r.d),
          }));
        },
      },
    ];
  }
}
