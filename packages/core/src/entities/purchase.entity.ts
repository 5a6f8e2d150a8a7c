import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Customer } from './customer.entity.js';
import { ProductModel } from './product-model.entity.js';

/** The sales channels a purchase can come from. */
export const PURCHASE_CHANNELS = ['online', 'store', 'phone', 'marketplace', 'other'] as const;

/** One sold item: who bought which model, with which serial number, when, where and for how much. */
@Entity({ name: 'purchase' })
@Index('IDX_purchase_customer', ['customerId', 'purchasedAt'])
@Index('UQ_purchase_model_serial', ['modelId', 'serialNumber'], { unique: true })
@Index('IDX_purchase_serial', ['serialNumber'])
@ObjectType({ description: 'One sold item: model, serial number, dates, channel and price.' })
export class Purchase {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  customer?: Relation<Customer>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  modelId: string;

  @ManyToOne(() => ProductModel, { onDelete: 'RESTRICT' })
  model?: Relation<ProductModel>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unique per model when present.' })
  serialNumber: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  purchasedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'text' })
  @Field({ description: `One of: ${PURCHASE_CHANNELS.join(', ')}.` })
  channel: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The seller's order number." })
  orderReference: string | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Price paid, in minor units of the currency (cents).' })
  priceMinor: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'ISO 4217 currency code, e.g. EUR.' })
  currency: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
