import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Product } from './product.entity.js';

/** A model (SKU) of a product, with the terms plugins read: default warranty and return window. */
@Entity({ name: 'product_model' })
@Index('IDX_product_model_product', ['productId'])
@ObjectType('ProductModel', { description: 'A model (SKU) of a product, with its default warranty and return window.' })
export class ProductModel {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  product?: Relation<Product>;

  @Column({ type: 'text', unique: true })
  @Field({ description: 'Stock keeping unit, unique.' })
  sku: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => GraphQLJSONObject)
  attributes: Record<string, unknown>;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Default commercial warranty in months (0: none beyond the legal guarantee).' })
  warrantyMonths: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Days after delivery within which the item may be returned.' })
  returnWindowDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
