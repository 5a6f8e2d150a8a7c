import {
  CUSTOMER,
  ValidationError,
  type GraphQLContext,
  type Page,
  PageOf,
  Public,
  StatusChangeType,
  statusHistory,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { articleMachine, type KbArticleStatus, KbArticleStatusEnum } from '../domain.js';
import { KbArticleRecord, KbCategoryRecord, KbRevisionRecord, KbTranslationRecord } from '../entities/index.js';
import { renderMarkdown } from '../lib/markdown.js';
import { P } from '../permissions.js';
import type { KnowledgeBase } from '../services/index.js';
import {
  CreateKbArticleFromCaseInput,
  KbArticlesArgs,
  KbArticleType,
  KbArticleViewType,
  KbDeflectionType,
  KbFeedbackType,
  KbGuideType,
  KbHomeType,
  KbLocalizedText,
  KbSearchAnalyticsType,
  KbSearchFilterInput,
  KbSearchResultType,
  KbSitemapEntryType,
  KbStaleArticleType,
  KbSuggestionsType,
  KbTranslationType,
  KbVotesType,
  SaveKbArticleInput,
  SaveKbCategoryInput,
  SaveKbGuideInput,
  TransitionKbArticleInput,
  VoteKbArticleInput,
} from './types.js';

const KbArticlePage = PageOf(KbArticleType, 'KbArticlePage');

/** Editors: articles, revisions, workflow, categories, guides, analytics. Every rule is in the services. */
@Resolver(() => KbArticleType)
export class KbArticleResolver {
  constructor(private readonly kb: KnowledgeBase) {}

  @Authorized(P.read)
  @Query(() => KbArticlePage, { description: 'Articles in every state, filtered, most recently changed first.' })
  kbArticles(@Args() a: KbArticlesArgs): Promise<Page<KbArticleRecord>> {
    return this.kb.articles.list(a, { skip: a.skip, take: a.take });
  }

  @Authorized(P.read)
  @Query(() => KbArticleType, { description: 'One article with every translation, for editing.' })
  kbEditableArticle(@Arg('id', () => ID) id: string): Promise<KbArticleRecord> {
    return this.kb.articles.get(id);
  }

  @Authorized(P.write)
  @Mutation(() => KbArticleType, { description: 'Create an article (no id) or save one locale of it; every save is a revision.' })
  saveKbArticle(@Arg('input', () => SaveKbArticleInput) input: SaveKbArticleInput, @Ctx() ctx: GraphQLContext): Promise<KbArticleRecord> {
    return this.kb.articles.save(input, ctx.actor);
  }

  @Authorized(P.write)
  @Mutation(() => KbArticleType, {
    description:
      'Move an article: draft → in review → published → archived. Publishing and archiving need the publish permission; publishAt schedules.',
  })
  transitionKbArticle(@Arg('input', () => TransitionKbArticleInput) input: TransitionKbArticleInput, @Ctx() ctx: GraphQLContext) {
    return this.kb.articles.transition(input, ctx.actor);
  }

  @Authorized(P.publish)
  @Mutation(() => KbArticleType, { description: 'Confirm an article is still right (clears the not-reviewed stale signal).' })
  markKbArticleReviewed(@Arg('id', () => ID) id: string) {
    return this.kb.articles.markReviewed(id);
  }

  @Authorized(P.read)
  @Query(() => [KbRevisionRecord], { description: 'Revisions of an article, newest first.' })
  kbArticleRevisions(
    @Arg('articleId', () => ID) articleId: string,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ) {
    return this.kb.articles.revisions(articleId, locale);
  }

  @Authorized(P.write)
  @Mutation(() => KbArticleType, { description: 'Make a revision’s text current again (as a new revision).' })
  restoreKbArticleRevision(
    @Arg('revisionId', () => ID) revisionId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ) {
    return this.kb.articles.restore(revisionId, expectedVersion, ctx.actor);
  }

  @Authorized(P.write)
  @Mutation(() => KbArticleType, { description: 'Start an internal draft from a resolved case, with personal data removed.' })
  createKbArticleFromCase(
    @Arg('input', () => CreateKbArticleFromCaseInput) input: CreateKbArticleFromCaseInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.kb.articles.fromCase(input, ctx.actor);
  }

  @Authorized(P.write)
  @Mutation(() => KbCategoryRecord, { description: 'Create or change a category of the tree.' })
  saveKbCategory(@Arg('input', () => SaveKbCategoryInput) input: SaveKbCategoryInput) {
    return this.kb.articles.saveCategory(input);
  }

  @Authorized(P.write)
  @Mutation(() => KbGuideType, { description: 'Create or change a guide (ordered articles).' })
  async saveKbGuide(@Arg('input', () => SaveKbGuideInput) input: SaveKbGuideInput, @Ctx() ctx: GraphQLContext) {
    const saved = await this.kb.articles.saveGuide(input);
    const viewer = await this.kb.reader.viewer(ctx.actor);
    const guides = await this.kb.reader.guides(viewer, null);
    return (
      guides.find((g) => g.id === saved.id) ?? {
        id: saved.id,
        slug: saved.slug,
        title: Object.values(saved.titles)[0] ?? saved.slug,
        modelId: saved.modelId,
        forYourProducts: false,
        steps: [],
        doneCount: 0,
      }
    );
  }

  @Authorized(P.write)
  @Query(() => String, { description: 'Markdown rendered and sanitised exactly as readers will see it (editor preview).' })
  kbPreview(@Arg('markdown') markdown: string): string {
    if (markdown.length > 100_000) throw new ValidationError([{ field: 'markdown', message: 'at most 100000 characters' }]);
    return renderMarkdown(markdown);
  }

  @Authorized(P.analytics)
  @Query(() => KbDeflectionType, { description: 'The deflection funnel of suggestions shown in [from, to), with its definition.' })
  kbDeflection(@Arg('from') from: Date, @Arg('to') to: Date) {
    return this.kb.analytics.deflection(from, to);
  }

  @Authorized(P.analytics)
  @Query(() => KbSearchAnalyticsType, { description: 'Top queries, queries without results and click-through in [from, to).' })
  kbSearchAnalytics(@Arg('from') from: Date, @Arg('to') to: Date) {
    return this.kb.analytics.search(from, to);
  }

  @Authorized(P.analytics)
  @Query(() => [KbStaleArticleType], { description: 'Published articles that need a review, with the reasons.' })
  kbStaleArticles() {
    return this.kb.analytics.stale();
  }

  @FieldResolver(() => [KbTranslationType], { description: 'Every translation, default locale first.' })
  async translations(@Root() a: KbArticleRecord): Promise<KbTranslationType[]> {
    const rows: KbTranslationRecord[] = await this.kb.articles.translations(a);
    const source = rows.find((t) => t.locale === a.defaultLocale);
    return rows.map((t) => ({
      locale: t.locale,
      slug: t.slug,
      title: t.title,
      summary: t.summary,
      body: t.body,
      html: t.html,
      revision: t.revision,
      outdated: !!source && t.sourceRevision != null && t.sourceRevision < source.revision,
      updatedAt: t.updatedAt,
    }));
  }

  @FieldResolver(() => String, { description: 'Title in the default locale.' })
  async title(@Root() a: KbArticleRecord): Promise<string> {
    const rows = await this.kb.articles.translations(a);
    return rows[0]?.title ?? '';
  }

  @FieldResolver(() => [KbArticleStatusEnum], { description: 'The workflow states the article may move to now.' })
  allowedTransitions(@Root() a: KbArticleRecord): readonly KbArticleStatus[] {
    return articleMachine.allowed(a.status);
  }

  @FieldResolver(() => [StatusChangeType], { description: 'Every workflow move, oldest first.' })
  history(@Root() a: KbArticleRecord, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, articleMachine, a.id);
  }

  @FieldResolver(() => KbVotesType, { description: 'Helpful / not helpful votes.' })
  votes(@Root() a: KbArticleRecord) {
    return this.kb.reader.votes(a.id);
  }

  @FieldResolver(() => [KbFeedbackType], { description: 'The latest votes with reasons, newest first.' })
  feedback(@Root() a: KbArticleRecord) {
    return this.kb.reader.feedback(a.id);
  }
}

/** Readers (anyone, customers, staff): search, suggestions, article page, votes, guides, categories. */
@Resolver()
export class KbReaderResolver {
  constructor(private readonly kb: KnowledgeBase) {}

  @Public()
  @Query(() => [KbCategoryRecord], { description: 'The category tree (flat, by position; use parentId).' })
  kbCategories() {
    return this.kb.articles.categories();
  }

  @Public()
  @Query(() => KbSearchResultType, { description: 'Full-text search of the articles the caller may read.' })
  async searchKb(
    @Arg('query') query: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => KbSearchFilterInput, { nullable: true }) filter?: KbSearchFilterInput | null,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 10 }) take?: number,
  ) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    return this.kb.reader.search(viewer, query, filter ?? {}, { skip, take }, { record: true });
  }

  @Public()
  @Query(() => KbSuggestionsType, { description: 'The best few articles for a text being written (case form, case page).' })
  async suggestArticles(
    @Arg('text') text: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
    @Arg('suggestionId', () => ID, { nullable: true }) suggestionId?: string | null,
  ) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    return this.kb.reader.suggest(viewer, { text, modelId, locale, suggestionId });
  }

  @Public()
  @Query(() => KbArticleViewType, { description: 'One readable article by id or slug, in the locale or the default one.' })
  async kbArticle(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
    @Arg('suggestionId', () => ID, { nullable: true, description: 'Opened from this suggestion.' }) suggestionId?: string | null,
    @Arg('searchId', () => ID, { nullable: true, description: 'Opened from this search.' }) searchId?: string | null,
  ) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    return this.kb.reader.view(viewer, { id, slug, locale, suggestionId, searchId });
  }

  @Public()
  @Query(() => [KbSitemapEntryType], {
    description: 'Stable URL parts (locale, slug) of every public article, for a sitemap (at most 50,000).',
  })
  kbSitemap() {
    return this.kb.reader.sitemap();
  }

  @Public()
  @Query(() => KbHomeType, { description: 'Help centre home: popular and for-your-products articles.' })
  async kbHome(@Ctx() ctx: GraphQLContext, @Arg('locale', () => String, { nullable: true }) locale?: string | null) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    const home = await this.kb.reader.home(viewer, locale);
    return { popular: home.popular, forYourProducts: home.forYou };
  }

  @Public()
  @Mutation(() => KbVotesType, { description: '"Was this helpful?" — one vote per customer and article; the latest counts.' })
  async voteKbArticle(@Arg('input', () => VoteKbArticleInput) input: VoteKbArticleInput, @Ctx() ctx: GraphQLContext) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    return this.kb.reader.vote(viewer, input);
  }

  @Public()
  @Query(() => [KbGuideType], { description: 'Guides with the steps the caller may read.' })
  async kbGuides(@Ctx() ctx: GraphQLContext, @Arg('locale', () => String, { nullable: true }) locale?: string | null) {
    return this.kb.reader.guides(await this.kb.reader.viewer(ctx.actor), locale);
  }

  @Authorized(CUSTOMER)
  @Query(() => [KbGuideType], { description: 'Your guides with your progress, those for your products first.' })
  async myKbGuides(@Ctx() ctx: GraphQLContext, @Arg('locale', () => String, { nullable: true }) locale?: string | null) {
    return this.kb.reader.guides(await this.kb.reader.viewer(ctx.actor), locale);
  }

  @Authorized(CUSTOMER)
  @Mutation(() => KbGuideType, { description: 'Mark a step of a guide done.' })
  async markGuideStepDone(
    @Arg('guideId', () => ID) guideId: string,
    @Arg('articleId', () => ID) articleId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const viewer = await this.kb.reader.viewer(ctx.actor);
    await this.kb.reader.markStepDone(viewer, guideId, articleId);
    return (await this.kb.reader.guides(viewer, null)).find((g) => g.id === guideId);
  }
}

/** Category names in a locale. */
@Resolver(() => KbCategoryRecord)
export class KbCategoryResolver {
  @FieldResolver(() => [KbLocalizedText])
  names(@Root() c: KbCategoryRecord): KbLocalizedText[] {
    return Object.entries(c.names).map(([locale, text]) => ({ locale, text }));
  }

  @FieldResolver(() => String, { description: 'Name in the locale, else the first one.' })
  name(@Root() c: KbCategoryRecord, @Arg('locale', () => String, { nullable: true }) locale?: string | null): string {
    return (locale && c.names[locale]) || c.names.en || Object.values(c.names)[0] || c.slug;
  }
}
