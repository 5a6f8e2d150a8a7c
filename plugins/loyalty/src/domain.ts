import { defineEnum } from '@aftercare/core';

/** Kinds of ledger entries. Positive: earn and positive adjustments; negative: redeem, expire, reverse, negative adjustments. */
export const ENTRY_KINDS = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const EntryKindEnum = defineEnum(ENTRY_KINDS, 'LoyaltyEntryKind', 'Kind of a points ledger entry.');

/** What an earning rule reacts to (each maps to one event type of core or another plugin). */
export const RULE_TRIGGERS = ['purchase', 'registration', 'survey', 'case_resolved'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];
export const RuleTriggerEnum = defineEnum(RULE_TRIGGERS, 'LoyaltyRuleTrigger', 'The event an earning rule reacts to.');

/** The event type each trigger listens to. */
export const TRIGGER_EVENTS: Record<RuleTrigger, string> = {
  purchase: 'core.purchase.created',
  registration: 'warranty.registration.created',
  survey: 'surveys.response.submitted',
  case_resolved: 'service-desk.case.resolved',
};

/** What a reward gives. */
export const REWARD_KINDS = ['coupon', 'fixed_discount', 'percent_discount', 'free_service', 'gift', 'store_credit'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const RewardKindEnum = defineEnum(REWARD_KINDS, 'LoyaltyRewardKind', 'What a reward gives.');

/** What a promotion does when its conditions hold. */
export const PROMOTION_ACTIONS = ['percent_discount', 'fixed_discount', 'points_multiplier', 'gift', 'free_service'] as const;
export type PromotionAction = (typeof PROMOTION_ACTIONS)[number];
export const PromotionActionEnum = defineEnum(PROMOTION_ACTIONS, 'LoyaltyPromotionAction', 'What a promotion gives.');

/** Life of a sweepstake: entries are taken while open; committed publishes the commitment; drawn reveals seed and winners. */
export const SWEEPSTAKE_STATUSES = ['open', 'committed', 'drawn'] as const;
export type SweepstakeStatus = (typeof SWEEPSTAKE_STATUSES)[number];
export const SweepstakeStatusEnum = defineEnum(SWEEPSTAKE_STATUSES, 'LoyaltySweepstakeStatus', 'State of a sweepstake.');

/** Where a redemption was made. */
export type RedemptionChannel = 'console' | 'portal' | 'api';
