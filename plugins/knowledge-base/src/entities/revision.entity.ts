import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One saved state of an article's text in one locale: who, when, why. */
@Entity({ name: 'knowledge_base_revision' })
@Index('UQ_knowledge_base_revision_number', ['articleId', 'locale', 'number'], { unique: true })
@ObjectType('KbRevision', { description: 'One saved version of an article text in one locale.' })
export class KbRevisionRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_revision' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  articleId: string;

  @Column({ type: 'text' })
  @Field()
  locale: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  number: number;

  @Column({ type: 'text' })
  @Field()
  slug: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  summary: string;

  @Column({ type: 'text' })
  @Field({ description: 'Markdown source.' })
  body: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The change note.' })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who saved it (staff e-mail or key name).' })
  author: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
