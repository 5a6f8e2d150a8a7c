import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A training guide: an ordered collection of articles, e.g. "Getting started with model X". */
@Entity({ name: 'knowledge_base_guide' })
@Index('UQ_knowledge_base_guide_slug', ['slug'], { unique: true })
export class KbGuideRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_guide' })
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'jsonb' })
  titles: Record<string, string>;

  @Column({ type: 'uuid', nullable: true })
  modelId: string | null;

  @Column({ type: 'uuid', array: true })
  articleIds: string[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A step of a guide a customer marked done. */
@Entity({ name: 'knowledge_base_guide_progress' })
@Index('UQ_knowledge_base_guide_progress', ['guideId', 'customerId', 'articleId'], { unique: true })
export class KbGuideProgressRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_guide_progress' })
  id: string;

  @Column({ type: 'uuid' })
  guideId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  articleId: string;

  @Column({ type: 'timestamptz' })
  doneAt: Date;
}
