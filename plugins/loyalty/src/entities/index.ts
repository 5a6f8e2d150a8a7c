import { LoyaltyAccount, LoyaltyLedgerEntry } from './account.entity.js';
import { LoyaltyEarningRule, LoyaltyTier } from './program.entity.js';
import { LoyaltyCoupon, LoyaltyCouponRedemption, LoyaltyPromotion } from './promotion.entity.js';
import { LoyaltyReward, LoyaltyRewardRedemption } from './reward.entity.js';
import { LoyaltySweepstake, LoyaltySweepstakeEntry } from './sweepstake.entity.js';

export {
  LoyaltyAccount,
  LoyaltyLedgerEntry,
  LoyaltyEarningRule,
  LoyaltyTier,
  LoyaltyCoupon,
  LoyaltyCouponRedemption,
  LoyaltyPromotion,
  LoyaltyReward,
  LoyaltyRewardRedemption,
  LoyaltySweepstake,
  LoyaltySweepstakeEntry,
};

/** Every entity of the plugin. */
export const entities = [
  LoyaltyAccount,
  LoyaltyLedgerEntry,
  LoyaltyEarningRule,
  LoyaltyTier,
  LoyaltyReward,
  LoyaltyRewardRedemption,
  LoyaltyPromotion,
  LoyaltyCoupon,
  LoyaltyCouponRedemption,
  LoyaltySweepstake,
  LoyaltySweepstakeEntry,
];
