import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The text of an article in one locale: Markdown source, sanitised HTML, plain text and the search vector
 * (weighted title A, summary B, body C, built with the locale's unaccented configuration).
 */
@Entity({ name: 'knowledge_base_translation' })
@Index('UQ_knowledge_base_translation_article_locale', ['articleId', 'locale'], { unique: true })
@Index('UQ_knowledge_base_translation_locale_slug', ['locale', 'slug'], { unique: true })
export class KbTranslationRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_translation' })
  id: string;

  @Column({ type: 'uuid' })
  articleId: string;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  bodyText: string;

  /** Lower-cased, unaccented title, for typo-tolerant (trigram) matching. */
  @Index('IDX_knowledge_base_translation_title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  titleNorm: string;

  @Column({ type: 'text' })
  searchConfig: string;

  @Index('IDX_knowledge_base_translation_search', { synchronize: false })
  @Column({ type: 'tsvector', select: false, nullable: true })
  searchVector: string | null;

  /** Revision number of this translation's text. */
  @Column({ type: 'int' })
  revision: number;

  /** Revision of the default-locale text this translation was written from (null for the default locale itself). */
  @Column({ type: 'int', nullable: true })
  sourceRevision: number | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
