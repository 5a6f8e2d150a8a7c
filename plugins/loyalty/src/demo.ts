import type { DemoContribution } from '@aftercare/core';
import { LoyaltyAccount, LoyaltyLedgerEntry } from './entities/account.entity.js';
import { LoyaltyEarningRule, LoyaltyTier } from './entities/program.entity.js';
import { LoyaltyCoupon, LoyaltyPromotion } from './entities/promotion.entity.js';
import { LoyaltyReward } from './entities/reward.entity.js';
import { expiryOf } from './ledger.js';

const DAY = 86_400_000;

/**
 * Demo data for `pnpm start`: tiers, earning rules, rewards, a coupon promotion, and an account for
 * every demo customer with one point per currency unit of each purchase (pending during the 14-day
 * withdrawal period, as the live rule does).
 */
export const loyaltyDemo: DemoContribution = {
  name: 'programme',
  async seed({ manager: m, now, customers, purchases }) {
    await m.save(LoyaltyTier, [
      { code: 'SILVER', name: 'Silver', thresholdPoints: 500, multiplierPercent: 110, extraReturnDays: 0, benefits: '10% more points' },
      {
        code: 'GOLD',
        name: 'Gold',
        thresholdPoints: 2000,
        multiplierPercent: 125,
        extraReturnDays: 16,
        benefits: '25% more points, 30-day returns',
      },
    ]);
    const purchaseRule = await m.save(
      m.create(LoyaltyEarningRule, { name: 'Points on purchases', trigger: 'purchase', pointsPerUnit: 1, fixedPoints: 0, updatedAt: now }),
    );
    await m.save(
      m.create(LoyaltyEarningRule, {
        name: 'Thanks for your feedback',
        trigger: 'survey',
        fixedPoints: 50,
        capPerCustomer: 4,
        capPeriodDays: 365,
        updatedAt: now,
      }),
    );
    await m.save(m.create(LoyaltyEarningRule, { name: 'Product registered', trigger: 'registration', fixedPoints: 100, updatedAt: now }));
    await m.save(LoyaltyReward, [
      {
        name: '10 € voucher',
        description: 'A code worth 10 € on your next order.',
        kind: 'fixed_discount',
        costPoints: 1000,
        valueMinor: 1000,
      },
      {
        name: 'Free repair labour',
        description: 'One repair visit without labour costs.',
        kind: 'free_service',
        costPoints: 2500,
        perCustomerLimit: 1,
      },
      { name: 'Cleaning kit', description: 'Descaler and cloths for your appliance.', kind: 'gift', costPoints: 600, stock: 40 },
    ]);
    const promo = await m.save(
      m.create(LoyaltyPromotion, {
        name: 'Spring service week',
        action: 'percent_discount',
        actionValue: 10,
        requiresCoupon: true,
        perCustomerLimit: 1,
        budgetMinor: 500_000,
      }),
    );
    await m.save(m.create(LoyaltyCoupon, { code: 'SPRING-TEN', promotionId: promo.id, maxUses: null, createdAt: now }));
    for (const c of customers) {
      const account = await m.save(m.create(LoyaltyAccount, { customerId: c.id, enrolledAt: new Date(now.getTime() - 400 * DAY) }));
      for (const p of purchases.filter((x) => x.customerId === c.id)) {
        const points = Math.floor(p.priceMinor / 100);
        if (points <= 0) continue;
        const availableAt = new Date((p.deliveredAt ?? p.purchasedAt).getTime() + 14 * DAY);
        await m.save(
          m.create(LoyaltyLedgerEntry, {
            accountId: account.id,
            customerId: c.id,
            kind: 'earn',
            points,
            availableAt,
            expiresAt: expiryOf(availableAt, 'rolling', 24),
            reason: purchaseRule.name,
            sourceType: 'purchase',
            sourceId: p.id,
            ruleId: purchaseRule.id,
            actorKind: 'system',
            createdAt: p.purchasedAt,
          }),
        );
      }
    }
  },
};
