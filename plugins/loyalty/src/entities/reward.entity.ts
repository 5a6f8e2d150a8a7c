import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type RedemptionChannel, RewardKindEnum, type RewardKind } from '../domain.js';

/** A reward of the catalogue, bought with points. */
@Entity({ name: 'loyalty_reward' })
@ObjectType('LoyaltyReward', { description: 'A reward customers buy with points.' })
export class LoyaltyReward {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_reward' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text', default: '' })
  @Field()
  description: string;

  @Column({ type: 'text' })
  @Field(() => RewardKindEnum)
  kind: RewardKind;

  @Column({ type: 'int' })
  @Field(() => Int)
  costPoints: number;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Amount in minor units (fixed discount, store credit).' })
  valueMinor: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Percent (percentage discount).' })
  percent: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Items left (null: unlimited).' })
  stock: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Redemptions allowed per customer (null: unlimited).' })
  perCustomerLimit: number | null;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  redeemedCount: number;
}

/** One redemption of a reward: the points went out through a ledger entry. */
@Entity({ name: 'loyalty_reward_redemption' })
@Index('IDX_loyalty_reward_redemption_customer', ['customerId', 'rewardId'])
@ObjectType('LoyaltyRewardRedemption', { description: 'A reward redeemed by a customer.' })
export class LoyaltyRewardRedemption {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_reward_redemption' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  rewardId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  ledgerEntryId: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  costPoints: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The coupon code the reward gave, if any.' })
  couponCode: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'console, portal or api.' })
  channel: RedemptionChannel;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
