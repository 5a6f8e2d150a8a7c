import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import {
  type RefundMethod,
  RefundMethodEnum,
  type ShippingPayer,
  ShippingPayerEnum,
  type WindowStart,
  WindowStartEnum,
} from '../domain.js';

/**
 * A return policy: the first active policy by priority whose models or categories match a purchase
 * applies; otherwise the default one. It holds the commercial terms and the jurisdiction's legal settings.
 */
@Entity({ name: 'returns_policy' })
@Index('IDX_returns_policy_priority', ['priority'])
@ObjectType('ReturnPolicy', { description: 'Return terms for product models or categories (first match by priority, one default).' })
export class ReturnPolicy {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_policy' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'int', default: 100 })
  @Field(() => Int, { description: 'Lower is checked first.' })
  priority: number;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Applies when no other policy matches; exactly one policy is the default.' })
  isDefault: boolean;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID], { description: 'Product models it applies to (empty: any).' })
  modelIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Product categories it applies to (empty: any).' })
  categories: string[];

  @Column({ type: 'int', default: 30 })
  @Field(() => Int, { description: 'Commercial return window in days.' })
  windowDays: number;

  @Column({ type: 'text', default: 'delivery' })
  @Field(() => WindowStartEnum)
  windowStart: WindowStart;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Days added to the purchase date when the window starts at purchase (transit).' })
  transitBufferDays: number;

  @Column({ type: 'text', default: '' })
  @Field({ description: 'Condition the item must be in, shown to the customer.' })
  conditionRequirements: string;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Final sale: no commercial returns (legal rights stay).' })
  finalSale: boolean;

  @Column({ type: 'text', default: 'free' })
  @Field(() => ShippingPayerEnum)
  returnShipping: ShippingPayer;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Flat return shipping fee in minor units (returnShipping FLAT_FEE).' })
  returnShippingFeeMinor: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Restocking fee in percent of the price (commercial returns only).' })
  restockingFeePercent: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Minimum restocking fee in minor units, when a fee applies.' })
  restockingFeeMinMinor: number;

  @Column({ type: 'text', array: true, default: () => "'{original}'" })
  @Field(() => [RefundMethodEnum])
  refundMethods: RefundMethod[];

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Items priced below this (minor units) are kept by the customer: no shipping (0: never).' })
  keepItemBelowMinor: number;

  @Column({ type: 'text', default: 'EU' })
  @Field({ description: 'Jurisdiction whose consumer law applies, e.g. EU.' })
  jurisdiction: string;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'The statutory 14-day right of withdrawal applies to distance sales.' })
  withdrawalRight: boolean;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Customers were informed of the right of withdrawal; when not, the period is extended by 12 months.' })
  withdrawalInformed: boolean;

  @VersionColumn()
  @Field(() => Int)
  version: number;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
