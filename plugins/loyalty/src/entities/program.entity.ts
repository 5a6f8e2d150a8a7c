import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RuleTriggerEnum, type RuleTrigger } from '../domain.js';

/** An earning rule: data edited in the console, applied to the events of core and other plugins. */
@Entity({ name: 'loyalty_earning_rule' })
@Index('IDX_loyalty_earning_rule_trigger', ['trigger'])
@ObjectType('LoyaltyEarningRule', { description: 'When and how many points a customer earns.' })
export class LoyaltyEarningRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_earning_rule' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field(() => RuleTriggerEnum)
  trigger: RuleTrigger;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Points per event.' })
  fixedPoints: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Points per whole currency unit of the purchase price (purchases only).' })
  pointsPerUnit: number;

  @Column({ type: 'int', default: 100 })
  @Field(() => Int, { description: 'Multiplier in percent applied to this rule’s points (200 = double).' })
  multiplierPercent: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Only for these product model ids (empty: any).' })
  modelIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Only for these product categories (empty: any).' })
  categories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Only for customers in these tiers (codes; empty: any).' })
  tiers: string[];

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  validFrom: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  validTo: Date | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'At most this many credits per customer in the cap period.' })
  capPerCustomer: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Length of the cap period in days (null: ever).' })
  capPeriodDays: number | null;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}

/** A tier: threshold on points earned in the rolling window, and its benefits. */
@Entity({ name: 'loyalty_tier' })
@Index('UQ_loyalty_tier_code', ['code'], { unique: true })
@ObjectType('LoyaltyTier', { description: 'A tier with its threshold and benefits.' })
export class LoyaltyTier {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_tier' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'Stable code (e.g. GOLD), read by other plugins as the customer tier.' })
  code: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Points earned in the rolling window needed to reach the tier.' })
  thresholdPoints: number;

  @Column({ type: 'int', default: 100 })
  @Field(() => Int, { description: 'Earning multiplier in percent for members.' })
  multiplierPercent: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Extra days added to return windows for members.' })
  extraReturnDays: number;

  @Column({ type: 'text', default: '' })
  @Field({ description: 'Benefits as shown to customers.' })
  benefits: string;
}
