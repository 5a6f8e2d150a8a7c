import { type Actor, NotFoundError, type PluginContext, Purchase, ValidationError, validId } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { DEFLECTION_WINDOW_DAYS, type KbVisibility } from '../domain.js';
import { KbArticleRecord, KbGuideProgressRecord, KbGuideRecord, KbTranslationRecord, KbVoteRecord } from '../entities/index.js';
import { articleVoted } from '../events.js';
import { escapeHtml } from '../lib/markdown.js';
import type { KnowledgeBaseSettings } from '../settings.js';
import { readableSql, type Viewer, viewerOf } from './viewer.js';

const ARTICLE = 'Knowledge base article';
const DAY = 86_400_000;
/** At most this many matches are ranked; the rest are never looked at (search stays fast at any size). */
export const CANDIDATE_CAP = 500;
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const HEADLINE = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Filters of a search. */
export interface SearchFilter {
  locale?: string | null;
  categoryId?: string | null;
  modelId?: string | null;
  visibility?: KbVisibility | null;
}

/** One search hit, in the reader's locale or the article's default locale (`fallback`). */
export interface SearchHit {
  articleId: string;
  locale: string;
  slug: string;
  title: string;
  summary: string;
  /** Body excerpt as HTML: escaped text with the matched words in `<mark>`. */
  snippet: string;
  rank: number;
  forYourProducts: boolean;
  fallback: boolean;
  categoryId: string | null;
}

/** A facet value with its count among the ranked candidates. */
export interface FacetCount {
  value: string;
  count: number;
}

/** A page of search results with facet counts. */
export interface SearchResult {
  searchId: string | null;
  total: number;
  hits: SearchHit[];
  categories: FacetCount[];
  visibilities: FacetCount[];
  locales: FacetCount[];
}

/** A link to a readable article. */
export interface ArticleLink {
  articleId: string;
  locale: string;
  slug: string;
  title: string;
  summary: string;
}

/** An article as a reader sees it. */
export interface ArticleView extends ArticleLink {
  requestedLocale: string;
  fallback: boolean;
  /** The translation is older than the current default-locale text. */
  outdated: boolean;
  html: string;
  categoryId: string | null;
  tags: string[];
  modelIds: string[];
  forYourProducts: boolean;
  updatedAt: Date;
  related: ArticleLink[];
  slugs: Array<{ locale: string; slug: string }>;
}

interface Candidate {
  tid: string;
  article_id: string;
  locale: string;
  category_id: string | null;
  visibility: string;
  rank: number;
  mine: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tracking id (suggestion, search) from a URL: used when well-formed, ignored otherwise (a page never fails on it). */
const trackingId = (id: string | null | undefined): string | null => (id && UUID.test(id) ? id : null);

/**
 * The words of a text as a tsquery: letters and digits only (no operator can be injected), at most 16 words,
 * the last one as a prefix (the word being typed). `all` needs every word, `any` one of them.
 */
export function tsqueryText(text: string, mode: 'all' | 'any'): string | null {
  const tokens = (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .slice(0, 16)
    .map((t) => t.slice(0, 40));
  if (!tokens.length) return null;
  const last = tokens.length - 1;
  return tokens.map((t, i) => (i === last ? `${t}:*` : t)).join(mode === 'all' ? ' & ' : ' | ');
}

function snippetHtml(raw: string | null): string {
  if (!raw) return '';
  return escapeHtml(raw).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

function facet(rows: Candidate[], key: (c: Candidate) => string | null): FacetCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * What readers do: search, suggestions while writing a request, the article page, votes and guides. Every
 * read goes through {@link readableSql}, so internal, unpublished and out-of-window articles never reach a
 * customer — not in results, snippets, suggestions, related articles or guides.
 */
export class KbReader {
  constructor(private readonly ctx: PluginContext<KnowledgeBaseSettings>) {}

  /** The viewer of a request's actor. */
  viewer(actor: Actor): Promise<Viewer> {
    return viewerOf(this.ctx.db.manager, actor);
  }

  private async locale(given: string | null | undefined): Promise<string> {
    if (given == null || given === '') return (await this.ctx.settings.get()).defaultLocale;
    if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(given))
      throw new ValidationError([{ field: 'locale', message: 'must be a locale such as en or es-MX' }]);
    return given;
  }

  /**
   * Full-text search: unaccented, stemmed per language, title above summary above body, the last word as a
   * prefix, typo-tolerant titles (trigrams) when few documents match; owners of a scoped model get its
   * articles first. Only a capped set of candidates is ranked.
   */
  async search(
    viewer: Viewer,
    text: string,
    filter: SearchFilter,
    window: { skip?: number | null; take?: number | null },
    options: { mode?: 'all' | 'any'; record?: boolean; boostModelId?: string | null } = {},
  ): Promise<SearchResult> {
    if (text.length > 2000) throw new ValidationError([{ field: 'query', message: 'at most 2000 characters' }]);
    const locale = await this.locale(filter.locale);
    const skip = Math.max(0, Math.min(window.skip ?? 0, CANDIDATE_CAP));
    const take = Math.max(1, Math.min(window.take ?? 10, 50));
    const query = tsqueryText(text, options.mode ?? 'all');
    const empty: SearchResult = { searchId: null, total: 0, hits: [], categories: [], visibilities: [], locales: [] };
    if (!query) return empty;
    const categoryId = filter.categoryId ? validId('Category', filter.categoryId) : null;
    const modelId = filter.modelId ? validId('Product model', filter.modelId) : null;
    if (filter.visibility && !viewer.visibilities.includes(filter.visibility)) return empty;
    const boost = [...viewer.ownedModelIds];
    if (options.boostModelId) boost.push(validId('Product model', options.boostModelId));
    const now = this.ctx.clock.now();
    const m = this.ctx.db.manager;

    const params: unknown[] = [query, boost, locale, categoryId, modelId, filter.visibility ?? null, CANDIDATE_CAP];
    const readable = readableSql('a', viewer, now, params.length + 1);
    params.push(...readable.params);
    const where = `(t.locale = $3 OR (t.locale = a.default_locale AND NOT EXISTS (
          SELECT 1 FROM knowledge_base_translation t2 WHERE t2.article_id = t.article_id AND t2.locale = $3)))
        AND ($4::uuid IS NULL OR a.category_id = $4) AND ($5::uuid IS NULL OR $5 = ANY(a.model_ids))
        AND ($6::text IS NULL OR a.visibility = $6) AND ${readable.sql}`;
    const candidates: Candidate[] = await m.query(
      `WITH q AS (SELECT to_tsquery('kb_english', $1) AS en, to_tsquery('kb_spanish', $1) AS es, to_tsquery('kb_simple', $1) AS si)
       SELECT t.id AS tid, t.article_id, t.locale, a.category_id, a.visibility,
              ts_rank('{0.1,0.2,0.4,1.0}', t.search_vector,
                      CASE t.search_config WHEN 'kb_english' THEN q.en WHEN 'kb_spanish' THEN q.es ELSE q.si END) AS rank,
              (a.model_ids && $2::uuid[]) AS mine
         FROM q, knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
        WHERE ((t.search_config = 'kb_english' AND t.search_vector @@ q.en)
            OR (t.search_config = 'kb_spanish' AND t.search_vector @@ q.es)
            OR (t.search_config = 'kb_simple' AND t.search_vector @@ q.si))
          AND ${where}
        LIMIT $7`,
      params,
    );
    if (candidates.length < skip + take && text.trim().length >= 3) {
      // Typo tolerance: titles that look like the text (trigram word similarity), below every real match.
      const seen = candidates.map((c) => c.tid);
      const fuzzy: Candidate[] = await this.ctx.db.transaction(async (tm) => {
        await tm.query(`SET LOCAL pg_trgm.word_similarity_threshold = 0.45`);
        return tm.query(
          `SELECT t.id AS tid, t.article_id, t.locale, a.category_id, a.visibility,
                  word_similarity(lower(unaccent($1)), t.title_norm) * 0.01 AS rank, (a.model_ids && $2::uuid[]) AS mine
             FROM knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
            WHERE lower(unaccent($1)) <% t.title_norm AND t.id <> ALL($${params.length + 1}::uuid[]) AND ${where}
            ORDER BY rank DESC LIMIT $7`,
          [text.trim().slice(0, 200), ...params.slice(1), seen],
        );
      });
      candidates.push(...fuzzy);
    }
    for (const c of candidates) c.rank = Number(c.rank);
    candidates.sort((a, b) => Number(b.mine) - Number(a.mine) || b.rank - a.rank || a.article_id.localeCompare(b.article_id));
    const page = candidates.slice(skip, skip + take);
    const details: Array<{ tid: string; slug: string; title: string; summary: string; snippet: string | null; default_locale: string }> =
      page.length
        ? await m.query(
            `SELECT t.id AS tid, t.slug, t.title, t.summary, a.default_locale,
                    ts_headline(t.search_config::regconfig, t.body_text, to_tsquery(t.search_config::regconfig, $2), $3) AS snippet
               FROM knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
              WHERE t.id = ANY($1::uuid[])`,
            [page.map((c) => c.tid), query, HEADLINE],
          )
        : [];
    const byId = new Map(details.map((d) => [d.tid, d]));
    const hits: SearchHit[] = page.map((c) => {
      const d = byId.get(c.tid)!;
      return {
        articleId: c.article_id,
        locale: c.locale,
        slug: d.slug,
        title: d.title,
        summary: d.summary,
        snippet: snippetHtml(d.snippet),
        rank: c.rank,
        forYourProducts: c.mine,
        fallback: c.locale !== locale,
        categoryId: c.category_id,
      };
    });
    let searchId: string | null = null;
    if (options.record) {
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO knowledge_base_search (query, locale, result_count, customer_id, searched_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          (
            text
              .normalize('NFKC')
              .toLowerCase()
              .match(/[\p{L}\p{N}]+/gu) ?? []
          )
            .join(' ')
            .slice(0, 200),
          locale,
          candidates.length,
          viewer.customerId,
          now,
        ],
      );
      searchId = inserted[0]!.id;
    }
    return {
      searchId,
      total: candidates.length,
      hits,
      categories: facet(candidates, (c) => c.category_id),
      visibilities: facet(candidates, (c) => c.visibility),
      locales: facet(candidates, (c) => c.locale),
    };
  }

  /**
   * The best few articles for what a customer is typing (any of the words; the chosen model's and owned
   * models' articles first). For a customer, the suggestion is recorded for the deflection funnel; passing
   * the previous `suggestionId` back while the customer keeps typing updates the same record.
   */
  async suggest(
    viewer: Viewer,
    input: { text: string; modelId?: string | null; locale?: string | null; suggestionId?: string | null },
  ): Promise<{ suggestionId: string | null; articles: SearchHit[] }> {
    const { suggestionCount } = await this.ctx.settings.get();
    const result = await this.search(
      viewer,
      input.text,
      { locale: input.locale },
      { take: suggestionCount },
      {
        mode: 'any',
        boostModelId: input.modelId,
      },
    );
    if (!viewer.customerId || !result.hits.length) return { suggestionId: null, articles: result.hits };
    const ids = result.hits.map((h) => h.articleId);
    const now = this.ctx.clock.now();
    const queryText = input.text.slice(0, 500);
    const m = this.ctx.db.manager;
    const previous = trackingId(input.suggestionId);
    if (previous) {
      const updated: [unknown[], number] = await m.query(
        `UPDATE knowledge_base_suggestion
            SET query_text = $3, model_id = COALESCE($4, model_id),
                article_ids = ARRAY(SELECT DISTINCT unnest(article_ids || $5::uuid[]))
          WHERE id = $1 AND customer_id = $2 AND case_id IS NULL
          RETURNING id`,
        [previous, viewer.customerId, queryText, input.modelId ?? null, ids],
      );
      if (updated[1] > 0) return { suggestionId: previous, articles: result.hits };
    }
    const inserted: Array<{ id: string }> = await m.query(
      `INSERT INTO knowledge_base_suggestion (customer_id, model_id, query_text, article_ids, shown_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [viewer.customerId, input.modelId ?? null, queryText, ids, now],
    );
    return { suggestionId: inserted[0]!.id, articles: result.hits };
  }

  /** Readable articles among `ids`, as links in `locale` (or their default locale), in the order given. */
  async links(viewer: Viewer, ids: string[], locale: string): Promise<ArticleLink[]> {
    if (!ids.length) return [];
    const readable = readableSql('a', viewer, this.ctx.clock.now(), 3);
    const rows: Array<{ article_id: string; locale: string; slug: string; title: string; summary: string }> =
      await this.ctx.db.manager.query(
        `SELECT DISTINCT ON (a.id) a.id AS article_id, t.locale, t.slug, t.title, t.summary
         FROM knowledge_base_article a JOIN knowledge_base_translation t ON t.article_id = a.id AND (t.locale = $2 OR t.locale = a.default_locale)
        WHERE a.id = ANY($1::uuid[]) AND ${readable.sql}
        ORDER BY a.id, (t.locale = $2) DESC`,
        [ids, locale, ...readable.params],
      );
    const byId = new Map(rows.map((r) => [r.article_id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ articleId: r.article_id, locale: r.locale, slug: r.slug, title: r.title, summary: r.summary }] : [];
    });
  }

  /**
   * One article as a reader sees it, by id or slug, in `locale` or else the default locale. Opening it from a
   * suggestion (`suggestionId`) or a search (`searchId`) records the click for the funnel and analytics.
   */
  async view(
    viewer: Viewer,
    input: { id?: string | null; slug?: string | null; locale?: string | null; suggestionId?: string | null; searchId?: string | null },
  ): Promise<ArticleView> {
    const locale = await this.locale(input.locale);
    const m = this.ctx.db.manager;
    let articleId: string | null = null;
    if (input.id) articleId = validId(ARTICLE, input.id);
    else if (input.slug) {
      if (input.slug.length > 200) throw new NotFoundError(ARTICLE, input.slug);
      const found: Array<{ article_id: string }> = await m.query(
        `SELECT article_id FROM knowledge_base_translation WHERE slug = $1 ORDER BY (locale = $2) DESC LIMIT 1`,
        [input.slug, locale],
      );
      articleId = found[0]?.article_id ?? null;
    } else throw new ValidationError([{ field: 'id', message: 'give the id or the slug' }]);
    if (!articleId) throw new NotFoundError(ARTICLE, input.slug ?? '');
    const readable = readableSql('a', viewer, this.ctx.clock.now(), 2);
    const rows: KbArticleRecord[] = await m
      .createQueryBuilder(KbArticleRecord, 'a')
      .where(`a.id = :id`, { id: articleId })
      .andWhere(
        readable.sql.replace(/\$(\d+)/g, (_x, n: string) => `:p${n}`),
        { p2: readable.params[0], p3: readable.params[1] },
      )
      .getMany();
    const article = rows[0];
    if (!article) throw new NotFoundError(ARTICLE, input.id ?? input.slug ?? '');
    const translations = await m.find(KbTranslationRecord, { where: { articleId: article.id } });
    const source = translations.find((t) => t.locale === article.defaultLocale)!;
    const chosen = translations.find((t) => t.locale === locale) ?? source;
    const now = this.ctx.clock.now();
    if (trackingId(input.suggestionId) && viewer.customerId) {
      await m.query(
        `UPDATE knowledge_base_suggestion SET opened_article_id = $3, opened_at = $4
          WHERE id = $1 AND customer_id = $2 AND opened_at IS NULL AND $3 = ANY(article_ids)`,
        [input.suggestionId, viewer.customerId, article.id, now],
      );
    }
    if (trackingId(input.searchId)) {
      await m.query(
        `UPDATE knowledge_base_search SET clicked_article_id = $2
          WHERE id = $1 AND clicked_article_id IS NULL AND customer_id IS NOT DISTINCT FROM $3`,
        [input.searchId, article.id, viewer.customerId],
      );
    }
    return {
      articleId: article.id,
      locale: chosen.locale,
      requestedLocale: locale,
      fallback: chosen.locale !== locale,
      outdated: chosen.sourceRevision != null && chosen.sourceRevision < source.revision,
      slug: chosen.slug,
      title: chosen.title,
      summary: chosen.summary,
      html: chosen.html,
      categoryId: article.categoryId,
      tags: article.tags,
      modelIds: article.modelIds,
      forYourProducts: article.modelIds.some((id) => viewer.ownedModelIds.includes(id)),
      updatedAt: chosen.updatedAt,
      related: await this.links(viewer, article.relatedIds, locale),
      slugs: translations.map((t) => ({ locale: t.locale, slug: t.slug })).sort((a, b) => a.locale.localeCompare(b.locale)),
    };
  }

  /**
   * Every public article's stable URL parts per locale, for a sitemap: anonymous visibility only, so the
   * list never names a customer-only or internal article.
   */
  async sitemap(): Promise<Array<{ locale: string; slug: string; updatedAt: Date }>> {
    const readable = readableSql(
      'a',
      { visibilities: ['public'], customerId: null, ownedModelIds: [], staff: false },
      this.ctx.clock.now(),
      1,
    );
    const rows: Array<{ locale: string; slug: string; updated_at: Date }> = await this.ctx.db.manager.query(
      `SELECT t.locale, t.slug, t.updated_at FROM knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
        WHERE ${readable.sql} ORDER BY t.locale, t.slug LIMIT 50000`,
      readable.params,
    );
    return rows.map((r) => ({ locale: r.locale, slug: r.slug, updatedAt: r.updated_at }));
  }

  /** Popular and for-your-products articles for the help centre home. */
  async home(viewer: Viewer, localeGiven: string | null | undefined): Promise<{ popular: ArticleLink[]; forYou: ArticleLink[] }> {
    const locale = await this.locale(localeGiven);
    const readable = readableSql('a', viewer, this.ctx.clock.now(), 2);
    const popular: Array<{ id: string }> = await this.ctx.db.manager.query(
      `SELECT a.id FROM knowledge_base_article a
         LEFT JOIN knowledge_base_vote v ON v.article_id = a.id AND v.helpful
        WHERE ${readable.sql} AND $1::int IS NOT NULL
        GROUP BY a.id ORDER BY count(v.id) DESC, max(a.published_at) DESC LIMIT 10`,
      [1, ...readable.params],
    );
    const forYou: Array<{ id: string }> = viewer.ownedModelIds.length
      ? await this.ctx.db.manager.query(
          `SELECT a.id FROM knowledge_base_article a WHERE ${readable.sql} AND a.model_ids && $1::uuid[] ORDER BY a.published_at DESC LIMIT 10`,
          [viewer.ownedModelIds, ...readable.params],
        )
      : [];
    return {
      popular: await this.links(
        viewer,
        popular.map((r) => r.id),
        locale,
      ),
      forYou: await this.links(
        viewer,
        forYou.map((r) => r.id),
        locale,
      ),
    };
  }

  /**
   * "Was this helpful?": one vote per customer and article (a new vote replaces the old one), with an optional
   * reason; from a suggestion, the funnel records it.
   */
  async vote(
    viewer: Viewer,
    input: { articleId: string; helpful: boolean; reason?: string | null; suggestionId?: string | null },
  ): Promise<{ helpful: number; notHelpful: number }> {
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 1000) throw new ValidationError([{ field: 'reason', message: 'at most 1000 characters' }]);
    const id = validId(ARTICLE, input.articleId);
    return this.ctx.db.transaction(async (m) => {
      const readable = readableSql('a', viewer, this.ctx.clock.now(), 2);
      const found: unknown[] = await m.query(`SELECT 1 FROM knowledge_base_article a WHERE a.id = $1 AND ${readable.sql} FOR SHARE`, [
        id,
        ...readable.params,
      ]);
      if (!found.length) throw new NotFoundError(ARTICLE, input.articleId);
      const now = this.ctx.clock.now();
      if (viewer.customerId) await m.delete(KbVoteRecord, { articleId: id, customerId: viewer.customerId });
      await m.insert(KbVoteRecord, { articleId: id, customerId: viewer.customerId, helpful: input.helpful, reason, createdAt: now });
      if (trackingId(input.suggestionId) && viewer.customerId) {
        await m.query(
          `UPDATE knowledge_base_suggestion SET helpful = $3,
                  opened_article_id = COALESCE(opened_article_id, $4), opened_at = COALESCE(opened_at, $5)
            WHERE id = $1 AND customer_id = $2 AND $4 = ANY(article_ids)`,
          [input.suggestionId, viewer.customerId, input.helpful, id, now],
        );
      }
      await this.ctx.events.publish(
        m,
        articleVoted,
        { articleId: id, customerId: viewer.customerId, helpful: input.helpful },
        { aggregateId: id },
      );
      return this.votes(id, m);
    });
  }

  /** Helpful and not-helpful votes of an article. */
  async votes(articleId: string, m: EntityManager = this.ctx.db.manager): Promise<{ helpful: number; notHelpful: number }> {
    const [row]: Array<{ helpful: string; not_helpful: string }> = await m.query(
      `SELECT count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS not_helpful FROM knowledge_base_vote WHERE article_id = $1`,
      [articleId],
    );
    return { helpful: Number(row!.helpful), notHelpful: Number(row!.not_helpful) };
  }

  /** The latest 50 votes of an article with their reasons (no customer data), for editors. */
  feedback(articleId: string): Promise<Array<{ helpful: boolean; reason: string | null; createdAt: Date }>> {
    return this.ctx.db.manager.find(KbVoteRecord, {
      select: { helpful: true, reason: true, createdAt: true },
      where: { articleId },
      order: { createdAt: 'DESC' },
      take: 50,
    });
  }

  /** Guides with their readable steps; for a customer, with progress, guides for owned models first. */
  async guides(viewer: Viewer, localeGiven: string | null | undefined) {
    const locale = await this.locale(localeGiven);
    const m = this.ctx.db.manager;
    const guides = await m.find(KbGuideRecord, { order: { slug: 'ASC' } });
    const done = viewer.customerId ? await m.findBy(KbGuideProgressRecord, { customerId: viewer.customerId }) : [];
    const { defaultLocale } = await this.ctx.settings.get();
    const out = [];
    for (const g of guides) {
      const steps = await this.links(viewer, g.articleIds, locale);
      if (!steps.length) continue;
      const doneSet = new Set(done.filter((d) => d.guideId === g.id).map((d) => d.articleId));
      out.push({
        id: g.id,
        slug: g.slug,
        title: g.titles[locale] ?? g.titles[defaultLocale] ?? Object.values(g.titles)[0] ?? g.slug,
        modelId: g.modelId,
        forYourProducts: !!g.modelId && viewer.ownedModelIds.includes(g.modelId),
        steps: steps.map((s) => ({ ...s, done: doneSet.has(s.articleId) })),
        doneCount: steps.filter((s) => doneSet.has(s.articleId)).length,
      });
    }
    return out.sort((a, b) => Number(b.forYourProducts) - Number(a.forYourProducts));
  }

  /** A customer marks a step (article) of a guide done; idempotent. */
  async markStepDone(viewer: Viewer, guideId: string, articleId: string): Promise<void> {
    if (!viewer.customerId) throw new ValidationError([{ field: 'guideId', message: 'only customers keep guide progress' }]);
    const guide = await this.ctx.db.manager.findOneBy(KbGuideRecord, { id: validId('Guide', guideId) });
    if (!guide) throw new NotFoundError('Guide', guideId);
    const id = validId(ARTICLE, articleId);
    if (!guide.articleIds.includes(id) || !(await this.links(viewer, [id], 'en')).length) {
      throw new ValidationError([{ field: 'articleId', message: 'not a step of this guide' }]);
    }
    await this.ctx.db.manager.query(
      `INSERT INTO knowledge_base_guide_progress (guide_id, customer_id, article_id, done_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (guide_id, customer_id, article_id) DO NOTHING`,
      [guide.id, viewer.customerId, id, this.ctx.clock.now()],
    );
  }

  /**
   * A case was opened: every suggestion the customer was shown in the 7 days before counts as not deflected,
   * and the case counts for its product model's case volume (stale-article signal).
   */
  async caseOpened(m: EntityManager, payload: { caseId: string; customerId: string; purchaseId?: string | null }, at: Date): Promise<void> {
    await m.query(
      `UPDATE knowledge_base_suggestion SET case_id = $2, case_opened_at = $3
        WHERE customer_id = $1 AND case_id IS NULL AND shown_at <= $3 AND shown_at > $4`,
      [payload.customerId, payload.caseId, at, new Date(at.getTime() - DEFLECTION_WINDOW_DAYS * DAY)],
    );
    let modelId: string | null = null;
    if (payload.purchaseId) modelId = (await m.findOneBy(Purchase, { id: payload.purchaseId }))?.modelId ?? null;
    await m.query(
      `INSERT INTO knowledge_base_case_signal (case_id, model_id, opened_at) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING`,
      [payload.caseId, modelId, at],
    );
  }
}
