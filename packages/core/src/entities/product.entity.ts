import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What is sold, e.g. "Aqua 500 dishwasher"; its models (SKUs) carry warranty and return terms. */
@Entity({ name: 'product' })
@Index('IDX_product_category', ['category'])
@ObjectType({ description: 'What is sold; its models (SKUs) carry warranty and return terms.' })
export class Product {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', unique: true })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field({ description: 'e.g. "Dishwashers".' })
  category: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => GraphQLJSONObject, { description: 'Free attributes, e.g. { "brand": "Aqua", "energyClass": "A" }.' })
  attributes: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
