import { PageArgs } from '@aftercare/core';
import { ArrayMaxSize, IsOptional, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type KbArticleStatus, KbArticleStatusEnum, type KbVisibility, KbVisibilityEnum } from '../domain.js';

@ObjectType('KbLocalizedText', { description: 'A text in one locale.' })
export class KbLocalizedText {
  @Field() locale: string;
  @Field() text: string;
}

@InputType('KbLocalizedTextInput', { description: 'A text in one locale.' })
export class KbLocalizedTextInput {
  @Field() @MaxLength(20) locale: string;
  @Field() @MaxLength(200) text: string;
}

@ObjectType('KbTranslation', { description: 'The text of an article in one locale (for editors).' })
export class KbTranslationType {
  @Field() locale: string;
  @Field() slug: string;
  @Field() title: string;
  @Field() summary: string;
  @Field({ description: 'Markdown source.' }) body: string;
  @Field({ description: 'Rendered and sanitised HTML.' }) html: string;
  @Field(() => Int, { description: 'Revision number of this text.' }) revision: number;
  @Field({ description: 'Older than the current default-locale text it was translated from.' }) outdated: boolean;
  @Field() updatedAt: Date;
}

@ObjectType('KbArticle', { description: 'A knowledge base article as editors see it: every state and locale.' })
export class KbArticleType {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field(() => KbArticleStatusEnum) status: KbArticleStatus;
  @Field(() => KbVisibilityEnum) visibility: KbVisibility;
  @Field(() => ID, { nullable: true }) categoryId: string | null;
  @Field() defaultLocale: string;
  @Field(() => [ID], { description: 'Product models the article applies to.' }) modelIds: string[];
  @Field(() => [String]) tags: string[];
  @Field(() => [ID]) relatedIds: string[];
  @Field(() => Date, { nullable: true, description: 'Visible from (a future time: scheduled).' }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Visible until (scheduled unpublish).' }) unpublishAt: Date | null;
  @Field(() => Date, { nullable: true }) lastReviewedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'Staff user responsible for the content.' }) ownerId: string | null;
  @Field(() => Int, { description: 'Grows with every change; pass it back as expectedVersion.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('KbArticleLink', { description: 'A link to a readable article.' })
export class KbArticleLinkType {
  @Field(() => ID) articleId: string;
  @Field() locale: string;
  @Field() slug: string;
  @Field() title: string;
  @Field() summary: string;
}

@ObjectType('KbSlug', { description: 'The slug of an article in one locale (stable URL).' })
export class KbSlugType {
  @Field() locale: string;
  @Field() slug: string;
}

@ObjectType('KbSitemapEntry', { description: 'One public article in one locale: /help/<locale>/articles/<slug>.' })
export class KbSitemapEntryType extends KbSlugType {
  @Field() updatedAt: Date;
}

@ObjectType('KbArticleView', { description: 'An article as a reader sees it, in the requested locale or the default one.' })
export class KbArticleViewType extends KbArticleLinkType {
  @Field() requestedLocale: string;
  @Field({ description: 'No translation in the requested locale: this is the default-locale text.' }) fallback: boolean;
  @Field({ description: 'The translation is older than the default-locale text.' }) outdated: boolean;
  @Field({ description: 'Sanitised HTML of the body.' }) html: string;
  @Field(() => ID, { nullable: true }) categoryId: string | null;
  @Field(() => [String]) tags: string[];
  @Field({ description: 'About a product the signed-in customer owns.' }) forYourProducts: boolean;
  @Field() updatedAt: Date;
  @Field(() => [KbArticleLinkType], { description: 'Related articles the reader may read.' }) related: KbArticleLinkType[];
  @Field(() => [KbSlugType], { description: 'Slugs in every locale.' }) slugs: KbSlugType[];
}

@ObjectType('KbSearchHit', { description: 'One search result.' })
export class KbSearchHitType extends KbArticleLinkType {
  @Field({ description: 'Body excerpt as HTML: escaped text, matches in <mark>.' }) snippet: string;
  @Field(() => Float) rank: number;
  @Field() forYourProducts: boolean;
  @Field({ description: 'Shown in the default locale: no translation in the requested one.' }) fallback: boolean;
  @Field(() => ID, { nullable: true }) categoryId: string | null;
}

@ObjectType('KbFacetCount', { description: 'A facet value and how many ranked results have it.' })
export class KbFacetCountType {
  @Field() value: string;
  @Field(() => Int) count: number;
}

@ObjectType('KbSearchResult', { description: 'A page of search results with facet counts (over at most 500 ranked candidates).' })
export class KbSearchResultType {
  @Field(() => ID, { nullable: true, description: 'Pass to kbArticle(searchId) when a result is opened (click-through).' })
  searchId: string | null;
  @Field(() => Int) total: number;
  @Field(() => [KbSearchHitType]) hits: KbSearchHitType[];
  @Field(() => [KbFacetCountType]) categories: KbFacetCountType[];
  @Field(() => [KbFacetCountType]) visibilities: KbFacetCountType[];
  @Field(() => [KbFacetCountType]) locales: KbFacetCountType[];
}

@ObjectType('KbSuggestions', { description: 'Articles suggested for a text being written.' })
export class KbSuggestionsType {
  @Field(() => ID, {
    nullable: true,
    description: 'The recorded suggestion (customers): pass it back while typing, and to kbArticle and voteKbArticle.',
  })
  suggestionId: string | null;
  @Field(() => [KbSearchHitType]) articles: KbSearchHitType[];
}

@ObjectType('KbVotes', { description: 'Helpful and not-helpful votes of an article.' })
export class KbVotesType {
  @Field(() => Int) helpful: number;
  @Field(() => Int) notHelpful: number;
}

@ObjectType('KbFeedback', { description: 'One vote with its reason (for editors; no customer data).' })
export class KbFeedbackType {
  @Field() helpful: boolean;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
}

@ObjectType('KbDeflection', { description: 'The deflection funnel of suggestions shown in a period.' })
export class KbDeflectionType {
  @Field(() => Int) shown: number;
  @Field(() => Int) opened: number;
  @Field(() => Int) helpful: number;
  @Field(() => Int) notHelpful: number;
  @Field(() => Int, { description: 'Followed by a case of the customer within 7 days.' }) withCase: number;
  @Field(() => Int, { description: 'Shown at least 7 days ago.' }) matured: number;
  @Field(() => Int, { description: 'Matured, and no case within 7 days.' }) deflected: number;
  @Field(() => Int, { description: 'Younger than 7 days, no case yet.' }) pending: number;
  @Field(() => Float, { nullable: true }) deflectionRate: number | null;
  @Field(() => Float, { nullable: true }) helpfulness: number | null;
  @Field() definition: string;
}

@ObjectType('KbQueryStat', { description: 'A search query with its count.' })
export class KbQueryStatType {
  @Field() query: string;
  @Field(() => Int) count: number;
  @Field(() => Int) results: number;
  @Field(() => Float, { nullable: true }) clickThroughRate: number | null;
}

@ObjectType('KbSearchAnalytics', { description: 'Search analytics of a period.' })
export class KbSearchAnalyticsType {
  @Field(() => Int) searches: number;
  @Field(() => Int) withoutResults: number;
  @Field(() => Float, { nullable: true }) clickThroughRate: number | null;
  @Field(() => [KbQueryStatType]) topQueries: KbQueryStatType[];
  @Field(() => [KbQueryStatType], { description: 'Content gaps.' }) noResultQueries: KbQueryStatType[];
}

@ObjectType('KbStaleArticle', { description: 'A published article that needs a review, and why.' })
export class KbStaleArticleType {
  @Field(() => ID) articleId: string;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field() title: string;
  @Field(() => [String], { description: 'not_reviewed, falling_helpfulness, rising_case_volume' }) reasons: string[];
  @Field(() => Date, { nullable: true }) lastReviewedAt: Date | null;
}

@ObjectType('KbGuideStep', { description: 'An article of a guide, with the customer’s progress.' })
export class KbGuideStepType extends KbArticleLinkType {
  @Field() done: boolean;
}

@ObjectType('KbGuide', { description: 'A training guide: ordered articles.' })
export class KbGuideType {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
  @Field(() => ID, { nullable: true }) modelId: string | null;
  @Field() forYourProducts: boolean;
  @Field(() => [KbGuideStepType]) steps: KbGuideStepType[];
  @Field(() => Int) doneCount: number;
}

@ObjectType('KbHome', { description: 'The help centre home: popular and for-your-products articles.' })
export class KbHomeType {
  @Field(() => [KbArticleLinkType]) popular: KbArticleLinkType[];
  @Field(() => [KbArticleLinkType]) forYourProducts: KbArticleLinkType[];
}

@InputType('SaveKbArticleInput', { description: 'Create an article (no id) or save one locale of it.' })
export class SaveKbArticleInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) expectedVersion?: number | null;
  @Field({ description: 'Locale of this text, e.g. en or es.' }) @MaxLength(20) locale: string;
  @Field(() => String, { nullable: true, description: 'URL slug; made from the title when empty.' }) @IsOptional() @MaxLength(120) slug?:
    string | null;
  @Field() @MaxLength(200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) summary?: string | null;
  @Field({ description: 'Markdown.' }) @MaxLength(100_000) body: string;
  @Field(() => String, { nullable: true, description: 'Change note kept with the revision.' }) @IsOptional() @MaxLength(500) note?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() categoryId?: string | null;
  @Field(() => KbVisibilityEnum, { nullable: true }) @IsOptional() visibility?: KbVisibility | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) modelIds?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) tags?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(20) relatedIds?: string[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() ownerId?: string | null;
}

@InputType('TransitionKbArticleInput', { description: 'Move an article in its workflow.' })
export class TransitionKbArticleInput {
  @Field(() => ID) id: string;
  @Field(() => KbArticleStatusEnum) to: KbArticleStatus;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) expectedVersion?: number | null;
  @Field(() => Date, { nullable: true, description: 'Publishing: visible from this time (scheduled publish).' })
  @IsOptional()
  publishAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Publishing: visible until this time (scheduled unpublish).' })
  @IsOptional()
  unpublishAt?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) reason?: string | null;
}

@InputType('SaveKbCategoryInput', { description: 'Create or change a category.' })
export class SaveKbCategoryInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() parentId?: string | null;
  @Field() @MaxLength(80) slug: string;
  @Field(() => [KbLocalizedTextInput]) @ArrayMaxSize(20) names: KbLocalizedTextInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() position?: number | null;
}

@InputType('SaveKbGuideInput', { description: 'Create or change a guide.' })
export class SaveKbGuideInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @MaxLength(80) slug: string;
  @Field(() => [KbLocalizedTextInput]) @ArrayMaxSize(20) titles: KbLocalizedTextInput[];
  @Field(() => ID, { nullable: true }) @IsOptional() modelId?: string | null;
  @Field(() => [ID]) @ArrayMaxSize(50) articleIds: string[];
}

@InputType('CreateKbArticleFromCaseInput', { description: 'Start a draft from a resolved case; personal data is removed.' })
export class CreateKbArticleFromCaseInput {
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true, description: 'The case reference, removed from the text.' })
  @IsOptional()
  @MaxLength(50)
  caseReference?: string | null;
  @Field(() => ID, { nullable: true, description: 'The case’s customer: their name, e-mails and phones are removed.' })
  @IsOptional()
  customerId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) locale?: string | null;
  @Field() @MaxLength(200) title: string;
  @Field({ description: 'The problem and its solution, as Markdown.' }) @MaxLength(100_000) body: string;
}

@InputType('VoteKbArticleInput', { description: '"Was this helpful?"' })
export class VoteKbArticleInput {
  @Field(() => ID) articleId: string;
  @Field() helpful: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) reason?: string | null;
  @Field(() => ID, { nullable: true, description: 'The suggestion the article was opened from.' }) @IsOptional() suggestionId?:
    string | null;
}

@InputType('KbSearchFilter', { description: 'Search filters.' })
export class KbSearchFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) locale?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() categoryId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() modelId?: string | null;
  @Field(() => KbVisibilityEnum, { nullable: true }) @IsOptional() visibility?: KbVisibility | null;
}

@ArgsType()
export class KbArticlesArgs extends PageArgs {
  @Field(() => KbArticleStatusEnum, { nullable: true }) @IsOptional() status?: KbArticleStatus | null;
  @Field(() => KbVisibilityEnum, { nullable: true }) @IsOptional() visibility?: KbVisibility | null;
  @Field(() => ID, { nullable: true }) @IsOptional() categoryId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() modelId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) locale?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of a title or slug.' }) @IsOptional() @MaxLength(200) text?: string | null;
}
