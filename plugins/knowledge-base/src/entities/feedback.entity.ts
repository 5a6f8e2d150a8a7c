import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A "was this helpful?" vote, with an optional reason. One per customer and article (the latest counts). */
@Entity({ name: 'knowledge_base_vote' })
@Index('IDX_knowledge_base_vote_article', ['articleId'])
export class KbVoteRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_vote' })
  id: string;

  @Column({ type: 'uuid' })
  articleId: string;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'boolean' })
  helpful: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One deflection funnel: suggestions shown to a customer while writing a request, whether one was opened,
 * whether it was marked helpful, and whether the customer opened a case within the window afterwards.
 */
@Entity({ name: 'knowledge_base_suggestion' })
@Index('IDX_knowledge_base_suggestion_customer', ['customerId', 'shownAt'])
export class KbSuggestionRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_suggestion' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  modelId: string | null;

  @Column({ type: 'text' })
  queryText: string;

  @Column({ type: 'uuid', array: true })
  articleIds: string[];

  @Column({ type: 'timestamptz' })
  shownAt: Date;

  @Column({ type: 'uuid', nullable: true })
  openedArticleId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  helpful: boolean | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  caseOpenedAt: Date | null;
}

/** One search, for analytics: normalised query, result count, and the article clicked from it. */
@Entity({ name: 'knowledge_base_search' })
@Index('IDX_knowledge_base_search_at', ['searchedAt'])
export class KbSearchRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_search' })
  id: string;

  @Column({ type: 'text' })
  query: string;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'int' })
  resultCount: number;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  clickedArticleId: string | null;

  @Column({ type: 'timestamptz' })
  searchedAt: Date;
}

/** Cases opened per product model (from service desk events), for the "rising case volume" stale signal. */
@Entity({ name: 'knowledge_base_case_signal' })
@Index('IDX_knowledge_base_case_signal_model', ['modelId', 'openedAt'])
export class KbCaseSignalRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_case_signal' })
  id: string;

  @Column({ type: 'uuid', unique: true })
  caseId: string;

  @Column({ type: 'uuid', nullable: true })
  modelId: string | null;

  @Column({ type: 'timestamptz' })
  openedAt: Date;
}
