import { defineEnum, defineStateMachine } from '@aftercare/core';

/** The workflow states of an article, as stored. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type KbArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const KbArticleStatusEnum = defineEnum(ARTICLE_STATUSES, 'KbArticleStatus', 'Workflow state of a knowledge base article.');

/** Who may read an article: anyone, signed-in customers, or staff only. */
export const VISIBILITIES = ['public', 'customers', 'internal'] as const;
export type KbVisibility = (typeof VISIBILITIES)[number];
export const KbVisibilityEnum = defineEnum(VISIBILITIES, 'KbVisibility', 'Who may read a knowledge base article.');

/**
 * The one table of allowed workflow moves. Publishing (to `published`, from review or straight from a draft)
 * needs the publish permission; the service checks it.
 */
export const articleMachine = defineStateMachine<KbArticleStatus>({
  subjectType: 'knowledge-base.article',
  objectName: 'Knowledge base article',
  auditObjectType: 'KbArticle',
  initial: 'draft',
  transitions: {
    draft: ['in_review', 'published', 'archived'],
    in_review: ['published', 'draft', 'archived'],
    published: ['archived', 'draft'],
    archived: ['draft'],
  },
  labels: { draft: 'Draft', in_review: 'In review', published: 'Published', archived: 'Archived' },
});

/** Locales with a language-specific text search configuration; every other locale uses the simple one. */
export const SEARCH_CONFIGS: Record<string, string> = { en: 'kb_english', es: 'kb_spanish' };
/** The unaccented configuration without stemming, for locales without their own. */
export const SIMPLE_SEARCH_CONFIG = 'kb_simple';
/** Every text search configuration the migration creates. */
export const ALL_SEARCH_CONFIGS = ['kb_english', 'kb_spanish', 'kb_simple'] as const;

/** The text search configuration for a locale (`es-MX` → Spanish). */
export function searchConfigFor(locale: string): string {
  return SEARCH_CONFIGS[locale.slice(0, 2).toLowerCase()] ?? SIMPLE_SEARCH_CONFIG;
}

/** Days after a shown suggestion during which a new case by the same customer counts against deflection. */
export const DEFLECTION_WINDOW_DAYS = 7;
