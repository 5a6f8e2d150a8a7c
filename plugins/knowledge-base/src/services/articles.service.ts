import {
  ConflictError,
  Customer,
  ForbiddenError,
  hasPermission,
  NotFoundError,
  type Actor,
  type Page,
  type PageWindow,
  type PluginContext,
  ProductModel,
  queryPage,
  currentRequest,
  ValidationError,
  validId,
} from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { articleMachine, type KbArticleStatus, type KbVisibility, searchConfigFor } from '../domain.js';
import { KbArticleRecord, KbCategoryRecord, KbGuideRecord, KbRevisionRecord, KbTranslationRecord } from '../entities/index.js';
import { articleCreated, articleStatusChanged } from '../events.js';
import { markdownText, renderMarkdown } from '../lib/markdown.js';
import { removePersonalData } from '../lib/pii.js';
import { P } from '../permissions.js';
import type { KnowledgeBaseSettings } from '../settings.js';

const ARTICLE = articleMachine.objectName;
const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What `saveKbArticle` takes: the text of one locale, plus article-wide fields (null/undefined keeps them). */
export interface SaveArticleFields {
  id?: string | null;
  expectedVersion?: number | null;
  locale: string;
  slug?: string | null;
  title: string;
  summary?: string | null;
  body: string;
  note?: string | null;
  categoryId?: string | null;
  visibility?: KbVisibility | null;
  modelIds?: string[] | null;
  tags?: string[] | null;
  relatedIds?: string[] | null;
  ownerId?: string | null;
}

/** One workflow move; publishing may be scheduled with `publishAt` and limited with `unpublishAt`. */
export interface TransitionFields {
  id: string;
  to: KbArticleStatus;
  expectedVersion?: number | null;
  publishAt?: Date | null;
  unpublishAt?: Date | null;
  reason?: string | null;
}

/** Filter of the editors' article list. */
export interface ArticleFilter {
  status?: KbArticleStatus | null;
  visibility?: KbVisibility | null;
  categoryId?: string | null;
  modelId?: string | null;
  locale?: string | null;
  text?: string | null;
}

/** What `saveKbCategory` takes. */
export interface SaveCategoryFields {
  id?: string | null;
  parentId?: string | null;
  slug: string;
  names: Array<{ locale: string; text: string }>;
  position?: number | null;
}

/** What `saveKbGuide` takes. */
export interface SaveGuideFields {
  id?: string | null;
  slug: string;
  titles: Array<{ locale: string; text: string }>;
  modelId?: string | null;
  articleIds: string[];
}

/** What `createKbArticleFromCase` takes: the case's text as the console shows it, and whose case it is. */
export interface FromCaseFields {
  caseId: string;
  caseReference?: string | null;
  customerId?: string | null;
  locale?: string | null;
  title: string;
  body: string;
}

/** Turn a title into a URL slug: unaccented, lower case, words joined by dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

function actorDisplay(actor: Actor | undefined): string | null {
  if (!actor) return null;
  if (actor.kind === 'staff') return actor.email;
  if (actor.kind === 'apiKey') return actor.name;
  return null;
}

function checkLocale(locale: string, field = 'locale'): string {
  if (!LOCALE.test(locale)) throw new ValidationError([{ field, message: 'must be a locale such as en or es-MX' }]);
  return locale;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Articles, their translations and revisions, the workflow, categories and guides: every editor rule.
 * Every mutation is one transaction; article writes lock the article row and honour `expectedVersion`.
 */
export class KbArticles {
  constructor(private readonly ctx: PluginContext<KnowledgeBaseSettings>) {}

  /** One article for editors; NOT_FOUND for an unknown or malformed id. */
  async get(id: string, m: EntityManager = this.ctx.db.manager): Promise<KbArticleRecord> {
    const row = await m.findOneBy(KbArticleRecord, { id: validId(ARTICLE, id) });
    if (!row) throw new NotFoundError(ARTICLE, id);
    return row;
  }

  /** Every translation of an article, default locale first. */
  async translations(article: KbArticleRecord): Promise<KbTranslationRecord[]> {
    const rows = await this.ctx.db.manager.find(KbTranslationRecord, { where: { articleId: article.id }, order: { locale: 'ASC' } });
    return rows.sort((a, b) => Number(b.locale === article.defaultLocale) - Number(a.locale === article.defaultLocale));
  }

  /** The editors' list: every state, filtered, newest change first. */
  list(filter: ArticleFilter, window: PageWindow): Promise<Page<KbArticleRecord>> {
    const qb = this.ctx.db.manager.createQueryBuilder(KbArticleRecord, 'a');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.visibility) qb.andWhere('a.visibility = :visibility', { visibility: filter.visibility });
    if (filter.categoryId) qb.andWhere('a.category_id = :cat', { cat: validId('Category', filter.categoryId) });
    if (filter.modelId) qb.andWhere(':model = ANY(a.model_ids)', { model: validId('Product model', filter.modelId) });
    if (filter.locale || filter.text) {
      const params: Record<string, unknown> = {};
      let cond = 't.article_id = a.id';
      if (filter.locale) {
        cond += ' AND t.locale = :loc';
        params.loc = filter.locale;
      }
      if (filter.text?.trim()) {
        cond += ` AND (t.title ILIKE :text ESCAPE '\\' OR t.slug ILIKE :text ESCAPE '\\')`;
        params.text = `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      qb.andWhere(`EXISTS (SELECT 1 FROM knowledge_base_translation t WHERE ${cond})`, params);
    }
    qb.orderBy('a.updated_at', 'DESC').addOrderBy('a.id', 'ASC');
    return queryPage(qb, window);
  }

  /**
   * Save the text of one locale (creating the article on the first save): validates every field, renders
   * and sanitises the Markdown, refreshes the search vector and writes a revision — one transaction.
   */
  async save(fields: SaveArticleFields, actor?: Actor): Promise<KbArticleRecord> {
    const locale = checkLocale(fields.locale);
    const title = fields.title.trim();
    const summary = (fields.summary ?? '').trim();
    const body = fields.body;
    const problems: Array<{ field: string; message: string }> = [];
    if (!title) problems.push({ field: 'title', message: 'must not be empty' });
    if (title.length > 200) problems.push({ field: 'title', message: 'at most 200 characters' });
    if (summary.length > 1000) problems.push({ field: 'summary', message: 'at most 1000 characters' });
    if (body.length > 100_000) problems.push({ field: 'body', message: 'at most 100000 characters' });
    if ((fields.note ?? '').length > 500) problems.push({ field: 'note', message: 'at most 500 characters' });
    const slugGiven = fields.slug?.trim() || null;
    if (slugGiven && (!SLUG.test(slugGiven) || slugGiven.length > 120)) {
      problems.push({ field: 'slug', message: 'lower-case letters, digits and single dashes, at most 120 characters' });
    }
    const tags = fields.tags == null ? null : uniq(fields.tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
    if (tags && (tags.length > 20 || tags.some((t) => t.length > 40)))
      problems.push({ field: 'tags', message: 'at most 20 tags of 40 characters' });
    if (fields.modelIds && fields.modelIds.length > 50) problems.push({ field: 'modelIds', message: 'at most 50 models' });
    if (fields.relatedIds && fields.relatedIds.length > 20) problems.push({ field: 'relatedIds', message: 'at most 20 related articles' });
    if (problems.length) throw new ValidationError(problems);

    return this.ctx.db
      .transaction(async (m) => {
        const now = this.ctx.clock.now();
        let article: KbArticleRecord;
        let created = false;
        if (fields.id) {
          const id = validId(ARTICLE, fields.id);
          const locked = await m.findOne(KbArticleRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!locked) throw new NotFoundError(ARTICLE, fields.id);
          if (fields.expectedVersion != null && fields.expectedVersion !== locked.version) {
            throw new ConflictError(`${ARTICLE} was changed by someone else (version ${locked.version}): reload it and try again.`, {
              currentVersion: locked.version,
            });
          }
          article = locked;
        } else {
          article = m.create(KbArticleRecord, {
            status: articleMachine.initial,
            visibility: 'public',
            categoryId: null,
            defaultLocale: locale,
            modelIds: [],
            tags: [],
            relatedIds: [],
            publishedAt: null,
            unpublishAt: null,
            lastReviewedAt: null,
            ownerId: actor?.kind === 'staff' ? actor.userId : null,
            createdAt: now,
            updatedAt: now,
          });
          created = true;
        }
        if (fields.categoryId !== undefined) {
          if (fields.categoryId && !(await m.existsBy(KbCategoryRecord, { id: validIdOr(fields.categoryId, 'categoryId') }))) {
            throw new ValidationError([{ field: 'categoryId', message: 'no such category' }]);
          }
          article.categoryId = fields.categoryId ?? null;
        }
        if (fields.visibility) article.visibility = fields.visibility;
        if (tags) article.tags = tags;
        if (fields.modelIds) {
          const ids = uniq(fields.modelIds.map((id) => validIdOr(id, 'modelIds')));
          if (
            ids.length &&
            (await m.countBy(
              ProductModel,
              ids.map((id) => ({ id })),
            )) !== ids.length
          ) {
            throw new ValidationError([{ field: 'modelIds', message: 'no such product model' }]);
          }
          article.modelIds = ids;
        }
        if (fields.relatedIds) {
          const ids = uniq(fields.relatedIds.map((id) => validIdOr(id, 'relatedIds'))).filter((id) => id !== article.id);
          if (
            ids.length &&
            (await m.countBy(
              KbArticleRecord,
              ids.map((id) => ({ id })),
            )) !== ids.length
          ) {
            throw new ValidationError([{ field: 'relatedIds', message: 'no such article' }]);
          }
          article.relatedIds = ids;
        }
        if (fields.ownerId !== undefined) article.ownerId = fields.ownerId ? validIdOr(fields.ownerId, 'ownerId') : null;
        article.updatedAt = now;
        article = await m.save(article);
        if (!created) {
          // Every save is a new version, even when only the text (another table) changed.
          await m.increment(KbArticleRecord, { id: article.id }, 'version', 1);
          article.version += 1;
        }
        if (created) {
          await this.ctx.states.recordCreated(m, articleMachine, article.id, { at: now });
          await this.ctx.events.publish(m, articleCreated, { articleId: article.id, number: article.number }, { aggregateId: article.id });
        }

        let translation = await m.findOne(KbTranslationRecord, {
          where: { articleId: article.id, locale },
          lock: { mode: 'pessimistic_write' },
        });
        const slug = slugGiven ?? translation?.slug ?? (await this.freeSlug(m, locale, slugify(title) || `article-${article.number}`));
        const clash = await m.findOneBy(KbTranslationRecord, { locale, slug });
        if (clash && clash.articleId !== article.id)
          throw new ValidationError([{ field: 'slug', message: 'another article uses this slug in this locale' }]);
        let sourceRevision: number | null = null;
        if (locale !== article.defaultLocale) {
          const source = await m.findOneBy(KbTranslationRecord, { articleId: article.id, locale: article.defaultLocale });
          sourceRevision = source?.revision ?? null;
        }
        const revision = (translation?.revision ?? 0) + 1;
        translation = m.merge(KbTranslationRecord, translation ?? m.create(KbTranslationRecord, { articleId: article.id, locale }), {
          slug,
          title,
          summary,
          body,
          html: renderMarkdown(body),
          bodyText: markdownText(body),
          searchConfig: searchConfigFor(locale),
          titleNorm: '',
          revision,
          sourceRevision,
          updatedAt: now,
        });
        translation = await m.save(translation);
        await this.refreshSearch(m, translation.id, article.tags);
        await m.insert(KbRevisionRecord, {
          articleId: article.id,
          locale,
          number: revision,
          slug,
          title,
          summary,
          body,
          note: fields.note?.trim() || null,
          author: actorDisplay(actor),
          createdAt: now,
        });
        await this.ctx.audit.record(m, {
          action: created ? 'kbArticle.create' : 'kbArticle.save',
          objectType: articleMachine.auditObjectType,
          objectId: article.id,
          before: null,
          after: { locale, revision, visibility: article.visibility },
        });
        return article;
      })
      .catch((err: unknown) => {
        // Two writers taking the same free slug at once: the unique index decides, the loser is told which field.
        if ((err as { code?: string }).code === '23505') {
          throw new ValidationError([{ field: 'slug', message: 'another article uses this slug in this locale' }]);
        }
        throw err;
      });
  }

  /** Rebuild a translation's search vector (title A, summary and tags B, body C) and normalised title. */
  private async refreshSearch(m: EntityManager, translationId: string, tags: string[]): Promise<void> {
    await m.query(
      `UPDATE knowledge_base_translation
          SET search_vector = setweight(to_tsvector(search_config::regconfig, title), 'A')
                           || setweight(to_tsvector(search_config::regconfig, summary || ' ' || $2), 'B')
                           || setweight(to_tsvector(search_config::regconfig, body_text), 'C'),
              title_norm = lower(unaccent(title))
        WHERE id = $1`,
      [translationId, tags.join(' ')],
    );
  }

  private async freeSlug(m: EntityManager, locale: string, base: string): Promise<string> {
    const taken: Array<{ slug: string }> = await m.query(
      `SELECT slug FROM knowledge_base_translation WHERE locale = $1 AND (slug = $2 OR slug LIKE $3)`,
      [locale, base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`],
    );
    const set = new Set(taken.map((t) => t.slug));
    if (!set.has(base)) return base;
    for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`;
  }

  /** Revisions of an article (optionally one locale), newest first. */
  async revisions(articleId: string, locale?: string | null): Promise<KbRevisionRecord[]> {
    const article = await this.get(articleId);
    return this.ctx.db.manager.find(KbRevisionRecord, {
      where: { articleId: article.id, ...(locale ? { locale } : {}) },
      order: { createdAt: 'DESC', number: 'DESC' },
    });
  }

  /** Restore a revision: its text becomes the current text again, as a new revision (nothing is lost). */
  async restore(revisionId: string, expectedVersion: number | null | undefined, actor?: Actor): Promise<KbArticleRecord> {
    const rev = await this.ctx.db.manager.findOneBy(KbRevisionRecord, { id: validId('Revision', revisionId) });
    if (!rev) throw new NotFoundError('Revision', revisionId);
    return this.save(
      {
        id: rev.articleId,
        expectedVersion,
        locale: rev.locale,
        slug: rev.slug,
        title: rev.title,
        summary: rev.summary,
        body: rev.body,
        note: `Restored revision ${rev.number}`,
      },
      actor,
    );
  }

  /**
   * Move an article in its workflow. Publishing, and archiving a published article, need the publish permission;
   * `publishAt` in the future schedules the publication, `unpublishAt` ends it — readers see the article exactly
   * inside that window (checked against the server clock on every read).
   */
  async transition(fields: TransitionFields, actor: Actor): Promise<KbArticleRecord> {
    const id = validId(ARTICLE, fields.id);
    if (fields.to === 'published' || fields.to === 'archived') {
      if (!hasPermission(actor, P.publish))
        throw new ForbiddenError(`Publishing needs the permission '${P.publish}'.`, { required: [P.publish] });
    }
    if (fields.publishAt && fields.unpublishAt && fields.unpublishAt <= fields.publishAt) {
      throw new ValidationError([{ field: 'unpublishAt', message: 'must be after publishAt' }]);
    }
    if ((fields.reason ?? '').length > 500) throw new ValidationError([{ field: 'reason', message: 'at most 500 characters' }]);
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.ctx.states.transition(m, articleMachine, {
        entity: KbArticleRecord,
        id,
        to: fields.to,
        expectedVersion: fields.expectedVersion ?? null,
        reason: fields.reason?.trim() || null,
        patch: (_row, _from, at) => {
          if (fields.to === 'published') {
            const publishedAt = fields.publishAt && fields.publishAt > at ? fields.publishAt : at;
            if (fields.unpublishAt && fields.unpublishAt <= publishedAt) {
              throw new ValidationError([{ field: 'unpublishAt', message: 'must be after the publication time' }]);
            }
            return { publishedAt, unpublishAt: fields.unpublishAt ?? null, lastReviewedAt: at, updatedAt: at };
          }
          return { updatedAt: at };
        },
        event: {
          type: articleStatusChanged,
          payload: (a, from) => ({ articleId: a.id, number: a.number, from, to: a.status }),
        },
      });
      return row;
    });
  }

  /** Confirm an article is still right (clears the "not reviewed" stale signal). */
  async markReviewed(id: string): Promise<KbArticleRecord> {
    return this.ctx.db.transaction(async (m) => {
      const article = await m.findOne(KbArticleRecord, { where: { id: validId(ARTICLE, id) }, lock: { mode: 'pessimistic_write' } });
      if (!article) throw new NotFoundError(ARTICLE, id);
      article.lastReviewedAt = this.ctx.clock.now();
      const saved = await m.save(article);
      await this.ctx.audit.record(m, {
        action: 'kbArticle.review',
        objectType: 'KbArticle',
        objectId: id,
        before: null,
        after: { reviewed: true },
      });
      return saved;
    });
  }

  /**
   * Start an internal draft from a resolved case: the customer's known names, e-mails and phone numbers, and
   * anything that looks like an e-mail, phone number or order/case reference, are removed from title and body.
   */
  async fromCase(fields: FromCaseFields, actor: Actor): Promise<KbArticleRecord> {
    validId('Case', fields.caseId);
    const known = { names: [] as string[], emails: [] as string[], phones: [] as string[], references: [] as string[] };
    if (fields.caseReference?.trim()) known.references.push(fields.caseReference.trim());
    if (fields.customerId) {
      const customer = await this.ctx.db.manager.findOneBy(Customer, { id: validIdOr(fields.customerId, 'customerId') });
      if (!customer) throw new ValidationError([{ field: 'customerId', message: 'no such customer' }]);
      known.names.push(customer.name);
      known.emails.push(customer.email, ...customer.emails);
      known.phones.push(...customer.phones.map((p) => p.number));
    }
    const body = removePersonalData(fields.body, known);
    const title = removePersonalData(fields.title, known).slice(0, 200);
    const settings = await this.ctx.settings.get();
    return this.save(
      {
        locale: fields.locale ?? settings.defaultLocale,
        title,
        body,
        summary: '',
        visibility: 'internal',
        note: 'Created from a resolved case',
      },
      actor,
    );
  }

  /** Every category, tree order (parents before children, by position). */
  async categories(): Promise<KbCategoryRecord[]> {
    return this.ctx.db.manager.find(KbCategoryRecord, { order: { position: 'ASC', slug: 'ASC' } });
  }

  /** Create or change a category; refuses a parent that would make a cycle. */
  async saveCategory(fields: SaveCategoryFields): Promise<KbCategoryRecord> {
    const slug = fields.slug.trim();
    if (!SLUG.test(slug) || slug.length > 80)
      throw new ValidationError([{ field: 'slug', message: 'lower-case letters, digits and single dashes' }]);
    if (!fields.names.length) throw new ValidationError([{ field: 'names', message: 'give at least one name' }]);
    const names: Record<string, string> = {};
    for (const n of fields.names) {
      checkLocale(n.locale, 'names');
      const text = n.text.trim();
      if (!text || text.length > 100) throw new ValidationError([{ field: 'names', message: 'each name 1 to 100 characters' }]);
      names[n.locale] = text;
    }
    const position = fields.position ?? 0;
    if (!Number.isInteger(position) || position < 0 || position > 100_000)
      throw new ValidationError([{ field: 'position', message: '0 to 100000' }]);
    return this.ctx.db.transaction(async (m) => {
      const now = this.ctx.clock.now();
      let row: KbCategoryRecord;
      if (fields.id) {
        const found = await m.findOne(KbCategoryRecord, {
          where: { id: validId('Category', fields.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) throw new NotFoundError('Category', fields.id);
        row = found;
      } else {
        row = m.create(KbCategoryRecord, { createdAt: now });
      }
      const parentId = fields.parentId ? validIdOr(fields.parentId, 'parentId') : null;
      if (parentId) {
        let cursor: string | null = parentId;
        for (let depth = 0; cursor; depth++) {
          if (cursor === row.id || depth > 50) throw new ValidationError([{ field: 'parentId', message: 'would make a cycle' }]);
          const parent: KbCategoryRecord | null = await m.findOneBy(KbCategoryRecord, { id: cursor });
          if (!parent) throw new ValidationError([{ field: 'parentId', message: 'no such category' }]);
          cursor = parent.parentId;
        }
      }
      const clash = await m.findOneBy(KbCategoryRecord, { slug });
      if (clash && clash.id !== row.id) throw new ValidationError([{ field: 'slug', message: 'already used by another category' }]);
      Object.assign(row, { parentId, slug, names, position, updatedAt: now });
      const saved = await m.save(row);
      await this.ctx.audit.record(m, {
        action: 'kbCategory.save',
        objectType: 'KbCategory',
        objectId: saved.id,
        before: null,
        after: { slug, parentId },
      });
      return saved;
    });
  }

  /** Every guide. */
  guides(): Promise<KbGuideRecord[]> {
    return this.ctx.db.manager.find(KbGuideRecord, { order: { slug: 'ASC' } });
  }

  /** Create or change a guide (its articles in order). */
  async saveGuide(fields: SaveGuideFields): Promise<KbGuideRecord> {
    const slug = fields.slug.trim();
    if (!SLUG.test(slug) || slug.length > 80)
      throw new ValidationError([{ field: 'slug', message: 'lower-case letters, digits and single dashes' }]);
    const titles: Record<string, string> = {};
    for (const t of fields.titles) {
      checkLocale(t.locale, 'titles');
      const text = t.text.trim();
      if (!text || text.length > 200) throw new ValidationError([{ field: 'titles', message: 'each title 1 to 200 characters' }]);
      titles[t.locale] = text;
    }
    if (!Object.keys(titles).length) throw new ValidationError([{ field: 'titles', message: 'give at least one title' }]);
    const articleIds = uniq(fields.articleIds.map((id) => validIdOr(id, 'articleIds')));
    if (!articleIds.length || articleIds.length > 50) throw new ValidationError([{ field: 'articleIds', message: '1 to 50 articles' }]);
    return this.ctx.db.transaction(async (m) => {
      if (
        (await m.countBy(
          KbArticleRecord,
          articleIds.map((id) => ({ id })),
        )) !== articleIds.length
      ) {
        throw new ValidationError([{ field: 'articleIds', message: 'no such article' }]);
      }
      const modelId = fields.modelId ? validIdOr(fields.modelId, 'modelId') : null;
      if (modelId && !(await m.existsBy(ProductModel, { id: modelId })))
        throw new ValidationError([{ field: 'modelId', message: 'no such product model' }]);
      const now = this.ctx.clock.now();
      let row: KbGuideRecord;
      if (fields.id) {
        const found = await m.findOne(KbGuideRecord, { where: { id: validId('Guide', fields.id) }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw new NotFoundError('Guide', fields.id);
        row = found;
      } else row = m.create(KbGuideRecord, { createdAt: now });
      const clash = await m.findOneBy(KbGuideRecord, { slug });
      if (clash && clash.id !== row.id) throw new ValidationError([{ field: 'slug', message: 'already used by another guide' }]);
      Object.assign(row, { slug, titles, modelId, articleIds, updatedAt: now });
      const saved = await m.save(row);
      await this.ctx.audit.record(m, { action: 'kbGuide.save', objectType: 'KbGuide', objectId: saved.id, before: null, after: { slug } });
      return saved;
    });
  }

  /** The request's actor (for services called outside a resolver). */
  static requestActor(): Actor | undefined {
    return currentRequest()?.actor;
  }
}

/** A well-formed id or VALIDATION_FAILED naming the field (ids inside inputs are fields, not lookups). */
export function validIdOr(id: string, field: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new ValidationError([{ field, message: 'not a valid id' }]);
  return id;
}
