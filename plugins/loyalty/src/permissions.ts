import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the plugin, so code refers to them by constant. */
export const P = {
  accountRead: 'loyalty.account.read',
  pointsAdjust: 'loyalty.points.adjust',
  programManage: 'loyalty.program.manage',
  rewardRedeem: 'loyalty.reward.redeem',
  promotionEvaluate: 'loyalty.promotion.evaluate',
  couponRedeem: 'loyalty.coupon.redeem',
  sweepstakeDraw: 'loyalty.sweepstake.draw',
} as const;

/** The permissions the plugin declares, with the built-in roles that get them when it is first enabled. */
export const permissions: PermissionDeclaration[] = [
  {
    name: P.accountRead,
    description: 'See loyalty accounts, ledgers, rules, rewards, promotions and sweepstakes',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  { name: P.pointsAdjust, description: 'Adjust a customer’s points by hand', defaultRoles: ['Supervisor'] },
  {
    name: P.programManage,
    description: 'Edit earning rules, tiers, rewards, promotions, coupons and sweepstakes',
    defaultRoles: ['Supervisor'],
  },
  { name: P.rewardRedeem, description: 'Redeem rewards for a customer', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.promotionEvaluate, description: 'Ask which promotions apply to a basket (shops)', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.couponRedeem, description: 'Redeem coupons on orders (shops)', defaultRoles: ['Supervisor'] },
  { name: P.sweepstakeDraw, description: 'Commit and draw sweepstakes', defaultRoles: ['Supervisor'] },
];
