import { PageArgs } from '@aftercare/core';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  EntryKindEnum,
  type EntryKind,
  PromotionActionEnum,
  type PromotionAction,
  RewardKindEnum,
  type RewardKind,
  RuleTriggerEnum,
  type RuleTrigger,
} from '../domain.js';
import { LoyaltyTier } from '../entities/program.entity.js';

const KEY = {
  description: 'Idempotency key: same key and same parameters return the first result; other parameters are refused (CONFLICT).',
};
const POINTS = 100_000_000;

@ArgsType()
export class LedgerArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a customer id' }) customerId: string;
}

@InputType('AdjustLoyaltyPointsInput', { description: 'A manual points adjustment.' })
export class AdjustPointsInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a customer id' }) customerId: string;
  @Field(() => Int, { description: 'Positive credits, negative debits (never below zero).' })
  @IsInt()
  @Min(-POINTS)
  @Max(POINTS)
  points: number;
  @Field() @Length(1, 500) reason: string;
  @Field(KEY) @Length(8, 100) idempotencyKey: string;
}

@InputType('SaveLoyaltyEarningRuleInput', { description: 'An earning rule (id: update, no id: create).' })
export class SaveEarningRuleInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field(() => RuleTriggerEnum) trigger: RuleTrigger;
  @Field({ defaultValue: true }) active: boolean;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(1_000_000) fixedPoints: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(10_000) pointsPerUnit: number;
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(0) @Max(10_000) multiplierPercent: number;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) modelIds: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) categories: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @MaxLength(30, { each: true }) tiers: string[];
  @Field(() => Date, { nullable: true }) @IsOptional() validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() validTo?: Date | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capPerCustomer?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) capPeriodDays?: number | null;
}

@InputType('SaveLoyaltyTierInput', { description: 'A tier (id: update, no id: create).' })
export class SaveTierInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @Length(1, 30) code: string;
  @Field() @Length(1, 100) name: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(POINTS) thresholdPoints: number;
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(100) @Max(10_000) multiplierPercent: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(365) extraReturnDays: number;
  @Field({ defaultValue: '' }) @MaxLength(2000) benefits: string;
}

@InputType('SaveLoyaltyRewardInput', { description: 'A reward of the catalogue (id: update, no id: create).' })
export class SaveRewardInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field({ defaultValue: '' }) @MaxLength(2000) description: string;
  @Field(() => RewardKindEnum) kind: RewardKind;
  @Field(() => Int) @IsInt() @Min(1) @Max(POINTS) costPoints: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000_000) valueMinor?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) percent?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) stock?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000) perCustomerLimit?: number | null;
  @Field({ defaultValue: true }) active: boolean;
}

@InputType('RedeemLoyaltyRewardInput', { description: 'Redeem a reward for a customer (console, API).' })
export class RedeemRewardInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a customer id' }) customerId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a reward id' }) rewardId: string;
  @Field(KEY) @Length(8, 100) idempotencyKey: string;
}

@InputType('RedeemMyLoyaltyRewardInput', { description: 'Redeem a reward with your points.' })
export class RedeemMyRewardInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a reward id' }) rewardId: string;
  @Field(KEY) @Length(8, 100) idempotencyKey: string;
}

@InputType('SaveLoyaltyPromotionInput', { description: 'A promotion (id: update, no id: create).' })
export class SavePromotionInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field({ defaultValue: true }) active: boolean;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(-1000) @Max(1000) priority: number;
  @Field({ defaultValue: false }) exclusive: boolean;
  @Field({ defaultValue: false }) requiresCoupon: boolean;
  @Field(() => Date, { nullable: true }) @IsOptional() startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() endsAt?: Date | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @MaxLength(30, { each: true }) tiers: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @MaxLength(100, { each: true }) tags: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) modelIds: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @MaxLength(100, { each: true }) categories: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) @MaxLength(50, { each: true }) channels: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) minSubtotalMinor?: number | null;
  @Field(() => PromotionActionEnum) action: PromotionAction;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(1_000_000_000) actionValue: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'an ISO currency code' }) currency?:
    string | null;
  @Field({ defaultValue: '' }) @MaxLength(500) giftText: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000_000) usageLimit?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000) perCustomerLimit?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(2_000_000_000) budgetMinor?: number | null;
}

@InputType('GenerateLoyaltyCouponsInput', {
  description: 'Make coupon codes for a promotion: one given code, or a batch of random readable codes.',
})
export class GenerateCouponsInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a promotion id' }) promotionId: string;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(10_000) count: number;
  @Field(() => String, { nullable: true, description: 'A single code of your choice.' }) @IsOptional() @MaxLength(40) code?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10) prefix?: string | null;
  @Field(() => Int, { nullable: true, description: 'Uses per code (default 1 for batches, unlimited for a single code).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxUses?: number | null;
}

@ObjectType('LoyaltyCouponBatch', { description: 'Codes made by generateCoupons.' })
export class CouponBatchType {
  @Field(() => ID) batchId: string;
  @Field(() => [String]) codes: string[];
}

@InputType('LoyaltyBasketLineInput', { description: 'One line of a basket.' })
export class BasketLineInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) modelId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) category?: string | null;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000_000) amountMinor: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000) quantity?: number | null;
}

@InputType('LoyaltyBasketInput', { description: 'A basket a shop asks about.' })
export class BasketInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a customer id' }) customerId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) channel?: string | null;
  @Field() @Matches(/^[A-Z]{3}$/, { message: 'an ISO currency code' }) currency: string;
  @Field(() => [BasketLineInput]) @ArrayMaxSize(200) lines: BasketLineInput[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) @MaxLength(60, { each: true }) couponCodes: string[];
}

@InputType('RedeemLoyaltyCouponInput', { description: 'Use a coupon on an order.' })
export class RedeemCouponInput extends BasketInput {
  @Field() @Length(1, 60) code: string;
  @Field() @Length(1, 100) orderReference: string;
  @Field(KEY) @Length(8, 100) idempotencyKey: string;
}

@ObjectType('LoyaltyPromotionOutcome', { description: 'What one promotion gives a basket.' })
export class PromotionOutcomeType {
  @Field(() => ID) promotionId: string;
  @Field() name: string;
  @Field(() => PromotionActionEnum) action: PromotionAction;
  @Field(() => String, { nullable: true }) couponCode: string | null;
  @Field(() => Int) discountMinor: number;
  @Field(() => Int, { nullable: true }) pointsMultiplierPercent: number | null;
  @Field(() => String, { nullable: true }) gift: string | null;
}

@ObjectType('LoyaltyRejectedCode')
export class RejectedCodeType {
  @Field() code: string;
  @Field() reason: string;
}

@ObjectType('LoyaltyPromotionEvaluation', { description: 'Promotions and coupons that apply to a basket.' })
export class EvaluationType {
  @Field(() => [PromotionOutcomeType]) outcomes: PromotionOutcomeType[];
  @Field(() => Int) totalDiscountMinor: number;
  @Field(() => [RejectedCodeType]) rejectedCodes: RejectedCodeType[];
}

@InputType('SaveLoyaltySweepstakeInput', { description: 'A sweepstake (id: update while open, no id: create).' })
export class SaveSweepstakeInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field({ description: 'Official rules.' }) @Length(1, 20000) rulesText: string;
  @Field({ defaultValue: '' }) @MaxLength(2000) eligibility: string;
  @Field() @Length(1, 200) prize: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) winnersCount: number;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(10) @MaxLength(100, { each: true }) entryEvents: string[];
}

@InputType('AddLoyaltySweepstakeEntryInput', { description: 'A free-route entry (e.g. by mail), recorded by staff.' })
export class AddEntryInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a sweepstake id' }) sweepstakeId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a customer id' }) customerId: string;
}

@ObjectType('LoyaltyDrawEntry', { description: 'An entry as published: its id and an opaque participant key.' })
export class DrawEntryType {
  @Field(() => ID) id: string;
  @Field() participant: string;
}

@ObjectType('LoyaltySweepstakeProof', {
  description:
    'What anyone needs to re-run a draw: before it only the commitment (seedHash, listHash), after it the seed and the entries too.',
})
export class SweepstakeProofType {
  @Field(() => ID) sweepstakeId: string;
  @Field() prize: string;
  @Field(() => Int) winnersCount: number;
  @Field(() => String, { nullable: true }) seedHash: string | null;
  @Field(() => String, { nullable: true }) listHash: string | null;
  @Field(() => String, { nullable: true }) seed: string | null;
  @Field(() => [DrawEntryType]) entries: DrawEntryType[];
  @Field(() => [String]) winnerEntryIds: string[];
}

@ObjectType('LoyaltyAccountView', { description: 'A customer’s points and tier, derived from the ledger.' })
export class AccountViewType {
  @Field(() => ID) customerId: string;
  @Field() enrolled: boolean;
  @Field(() => Int) balance: number;
  @Field(() => Int) pending: number;
  @Field(() => Int) expiringPoints: number;
  @Field(() => Date, { nullable: true }) nextExpiryAt: Date | null;
  @Field({ description: 'The FIFO replay of the ledger agrees with the balance.' }) ledgerConsistent: boolean;
  @Field(() => LoyaltyTier, { nullable: true }) tier: LoyaltyTier | null;
  @Field(() => Date, { nullable: true }) downgradeAt: Date | null;
  @Field(() => Int, { description: 'Points earned in the tier window.' }) earnedInWindow: number;
  @Field(() => LoyaltyTier, { nullable: true }) nextTier: LoyaltyTier | null;
}

@ObjectType('LoyaltyBalance', { description: 'Spendable and pending points, one aggregate over the ledger.' })
export class BalanceType {
  @Field(() => ID) customerId: string;
  @Field(() => Int) balance: number;
  @Field(() => Int) pending: number;
}

@ObjectType('MyLoyaltyEntry', { description: 'One movement of your points.' })
export class MyEntryType {
  @Field(() => ID) id: string;
  @Field(() => EntryKindEnum) kind: EntryKind;
  @Field(() => Int) points: number;
  @Field() reason: string;
  @Field() availableAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('MyLoyaltyTier', { description: 'A tier as customers see it.' })
export class MyTierType {
  @Field() code: string;
  @Field() name: string;
  @Field(() => Int) thresholdPoints: number;
  @Field() benefits: string;
}

@ObjectType('MySweepstakeEntry', { description: 'Your entry in a sweepstake, with its published proof.' })
export class MySweepstakeEntryType {
  @Field(() => ID) entryId: string;
  @Field(() => ID) sweepstakeId: string;
  @Field() sweepstakeName: string;
  @Field() rulesText: string;
  @Field() prize: string;
  @Field() status: string;
  @Field(() => String, { nullable: true }) seedHash: string | null;
  @Field(() => String, { nullable: true }) listHash: string | null;
  @Field(() => String, { nullable: true }) seed: string | null;
  @Field() won: boolean;
}

@ObjectType('MyLoyalty', { description: 'Your points, tier and history.' })
export class MyLoyaltyType {
  @Field() enrolled: boolean;
  @Field(() => Int) balance: number;
  @Field(() => Int) pending: number;
  @Field(() => Int) expiringPoints: number;
  @Field(() => Date, { nullable: true }) nextExpiryAt: Date | null;
  @Field(() => MyTierType, { nullable: true }) tier: MyTierType | null;
  @Field(() => MyTierType, { nullable: true }) nextTier: MyTierType | null;
  @Field(() => Int) earnedInWindow: number;
  @Field(() => [MyEntryType], { description: 'The latest 50 movements, newest first.' }) history: MyEntryType[];
  @Field(() => [MySweepstakeEntryType]) sweepstakes: MySweepstakeEntryType[];
}

@ObjectType('MyLoyaltyReward', { description: 'A reward you can buy with points.' })
export class MyRewardType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => RewardKindEnum) kind: RewardKind;
  @Field(() => Int) costPoints: number;
  @Field({ description: 'In stock and within your limit.' }) available: boolean;
  @Field({ description: 'Your balance covers it.' }) affordable: boolean;
}

@ObjectType('MyLoyaltyRedemption', { description: 'A reward you redeemed.' })
export class MyRedemptionType {
  @Field(() => ID) id: string;
  @Field(() => ID) rewardId: string;
  @Field() rewardName: string;
  @Field(() => Int) costPoints: number;
  @Field(() => String, { nullable: true }) couponCode: string | null;
  @Field() createdAt: Date;
}

@ObjectType('MyLoyaltyRewards', { description: 'The catalogue and your redemptions.' })
export class MyRewardsType {
  @Field(() => [MyRewardType]) rewards: MyRewardType[];
  @Field(() => [MyRedemptionType]) redemptions: MyRedemptionType[];
}
