import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A node of the category tree. Names are per locale; the slug is stable across locales. */
@Entity({ name: 'knowledge_base_category' })
@Index('UQ_knowledge_base_category_slug', ['slug'], { unique: true })
@ObjectType('KbCategory', { description: 'A knowledge base category (a node of the tree).' })
export class KbCategoryRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_knowledge_base_category' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The parent category; null for a top-level one.' })
  parentId: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'Stable URL part, e.g. "batteries".' })
  slug: string;

  @Column({ type: 'jsonb' })
  names: Record<string, string>;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Order among its siblings.' })
  position: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
