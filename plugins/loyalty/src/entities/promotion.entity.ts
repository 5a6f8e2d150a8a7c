import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PromotionActionEnum, type PromotionAction } from '../domain.js';

/** A promotion: conditions, an action, priority/exclusivity, limits and budgets. */
@Entity({ name: 'loyalty_promotion' })
@ObjectType('LoyaltyPromotion', { description: 'A promotion with its conditions, action, limits and budget.' })
export class LoyaltyPromotion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_promotion' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Higher first.' })
  priority: number;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'When it applies, no lower-priority promotion applies.' })
  exclusive: boolean;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Applies only with one of its coupon codes.' })
  requiresCoupon: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  startsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  endsAt: Date | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Customer tiers (codes; empty: any).' })
  tiers: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Customer tags (empty: any).' })
  tags: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Product model ids (empty: any).' })
  modelIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Product categories (empty: any).' })
  categories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Sales channels (empty: any).' })
  channels: string[];

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Minimum basket amount (minor units).' })
  minSubtotalMinor: number | null;

  @Column({ type: 'text' })
  @Field(() => PromotionActionEnum)
  action: PromotionAction;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Percent (percentage discount, points multiplier) or amount in minor units (fixed discount).' })
  actionValue: number;

  @Column({ type: 'char', length: 3, nullable: true })
  @Field(() => String, { nullable: true })
  currency: string | null;

  @Column({ type: 'text', default: '' })
  @Field({ description: 'The gift or free service given.' })
  giftText: string;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Uses overall (null: unlimited).' })
  usageLimit: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Uses per customer (null: unlimited).' })
  perCustomerLimit: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Discount budget in minor units; the promotion stops when spent.' })
  budgetMinor: number | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  usesCount: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Discount given so far (minor units).' })
  spentMinor: number;
}

/** A coupon code of a promotion (single or from a batch). */
@Entity({ name: 'loyalty_coupon' })
@Index('UQ_loyalty_coupon_code', ['code'], { unique: true })
@Index('IDX_loyalty_coupon_batch', ['batchId'])
@ObjectType('LoyaltyCoupon', { description: 'A coupon code.' })
export class LoyaltyCoupon {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_coupon' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  code: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  promotionId: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  batchId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Only this customer may use it (reward coupons).' })
  customerId: string | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Uses of this code (null: unlimited).' })
  maxUses: number | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  usesCount: number;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** One use of a coupon on an order. */
@Entity({ name: 'loyalty_coupon_redemption' })
@Index('IDX_loyalty_coupon_redemption_promotion', ['promotionId', 'customerId'])
@ObjectType('LoyaltyCouponRedemption', { description: 'A coupon used on an order.' })
export class LoyaltyCouponRedemption {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_coupon_redemption' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  couponId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  promotionId: string;

  @Column({ type: 'text' })
  @Field()
  code: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Column({ type: 'text' })
  @Field()
  orderReference: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  discountMinor: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
