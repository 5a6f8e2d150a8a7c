import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { KbArticleStatus, KbVisibility } from '../domain.js';

/**
 * An article: workflow state, visibility, scope and publishing window. Its text lives in one translation
 * per locale ({@link KbTranslationRecord}); every save writes a revision.
 */
@Entity({ name: 'knowledge_base_article' })
@Index('IDX_knowledge_base_article_status', ['status'])
@Index('IDX_knowledge_base_article_category', ['categoryId'])
export class KbArticleRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_article' })
  id: string;

  @Column({ type: 'int', generated: 'increment' })
  number: number;

  @Column({ type: 'text' })
  status: KbArticleStatus;

  @Column({ type: 'text' })
  visibility: KbVisibility;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'text' })
  defaultLocale: string;

  /** Product models the article applies to (owners of them see it first). */
  @Column({ type: 'uuid', array: true })
  modelIds: string[];

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'uuid', array: true })
  relatedIds: string[];

  /** When it becomes (or became) visible; set on publishing, in the future for a scheduled publish. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** When it stops being visible (scheduled unpublish). */
  @Column({ type: 'timestamptz', nullable: true })
  unpublishAt: Date | null;

  /** Last time an editor confirmed the content is right (publishing counts). */
  @Column({ type: 'timestamptz', nullable: true })
  lastReviewedAt: Date | null;

  /** The staff user responsible for the content (stale-article tasks go to them). */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @VersionColumn()
  version: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
