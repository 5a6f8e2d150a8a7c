import { ConflictError, Customer, idempotent, NotFoundError, type PluginContext, ValidationError, validId } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { randomCouponCode } from '../codes.js';
import type { RedemptionChannel, RewardKind } from '../domain.js';
import { LoyaltyReward, LoyaltyRewardRedemption } from '../entities/reward.entity.js';
import type { LoyaltySettings } from '../settings.js';
import { MAX_POINTS, type PointsService } from './points.service.js';

/** What `saveReward` takes. */
export interface RewardFields {
  id?: string | null;
  name: string;
  description?: string | null;
  kind: RewardKind;
  costPoints: number;
  valueMinor?: number | null;
  percent?: number | null;
  stock?: number | null;
  perCustomerLimit?: number | null;
  active?: boolean | null;
}

/** What a redemption takes. */
export interface RedeemFields {
  customerId: string;
  rewardId: string;
  idempotencyKey: string;
  channel: RedemptionChannel;
}

/**
 * The rewards catalogue and redemptions. A redemption locks the account, then the reward (always in
 * this order), checks balance, stock and the per-customer limit, and writes the ledger entry.
 */
export class RewardsService {
  constructor(
    private readonly ctx: PluginContext<LoyaltySettings>,
    private readonly points: PointsService,
  ) {}

  list(activeOnly: boolean): Promise<LoyaltyReward[]> {
    return this.ctx.db.manager.find(LoyaltyReward, {
      where: activeOnly ? { active: true } : {},
      order: { costPoints: 'ASC', name: 'ASC' },
    });
  }

  async save(fields: RewardFields): Promise<LoyaltyReward> {
    const name = fields.name.trim();
    const problems = [];
    if (!name || name.length > 200) problems.push({ field: 'name', message: '1 to 200 characters' });
    if (!Number.isInteger(fields.costPoints) || fields.costPoints < 1 || fields.costPoints > MAX_POINTS) {
      problems.push({ field: 'costPoints', message: `a whole number from 1 to ${MAX_POINTS}` });
    }
    if (fields.kind === 'percent_discount' && (fields.percent == null || fields.percent < 1 || fields.percent > 100)) {
      problems.push({ field: 'percent', message: 'a percentage from 1 to 100' });
    }
    if ((fields.kind === 'fixed_discount' || fields.kind === 'store_credit') && (fields.valueMinor == null || fields.valueMinor < 1)) {
      problems.push({ field: 'valueMinor', message: 'an amount above 0 in minor units' });
    }
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      let reward: LoyaltyReward;
      if (fields.id) {
        const found = await m.findOne(LoyaltyReward, { where: { id: validId('Reward', fields.id) }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw new NotFoundError('Reward', fields.id);
        reward = found;
      } else reward = m.create(LoyaltyReward, { redeemedCount: 0 });
      Object.assign(reward, {
        name,
        description: fields.description?.trim() ?? '',
        kind: fields.kind,
        costPoints: fields.costPoints,
        valueMinor: fields.valueMinor ?? null,
        percent: fields.percent ?? null,
        stock: fields.stock ?? null,
        perCustomerLimit: fields.perCustomerLimit ?? null,
        active: fields.active ?? true,
      });
      const saved = await m.save(reward);
      await this.ctx.audit.record(m, {
        action: 'loyaltyReward.save',
        objectType: 'LoyaltyReward',
        objectId: saved.id,
        before: null,
        after: { name, costPoints: saved.costPoints, stock: saved.stock },
      });
      return saved;
    });
  }

  /** Redeem a reward for a customer; same key and same reward → the same redemption, other reward → CONFLICT. */
  async redeem(fields: RedeemFields): Promise<LoyaltyRewardRedemption> {
    const rewardId = validId('Reward', fields.rewardId);
    return this.ctx.db.transaction(async (m) => {
      const customerId = validId('Customer', fields.customerId);
      if (!(await m.existsBy(Customer, { id: customerId })))
        throw new ValidationError([{ field: 'customerId', message: 'no such customer' }]);
      return idempotent(m, {
        scope: `loyalty.reward.redeem:${customerId}`,
        key: fields.idempotencyKey,
        params: { customerId, rewardId },
        find: (id) => m.findOneBy(LoyaltyRewardRedemption, { id }),
        run: () => this.redeemNow(m, customerId, rewardId, fields.channel),
      });
    });
  }

  private async redeemNow(
    m: EntityManager,
    customerId: string,
    rewardId: string,
    channel: RedemptionChannel,
  ): Promise<LoyaltyRewardRedemption> {
    const account = await this.points.lockAccount(m, customerId, false);
    if (!account) throw new ConflictError('The customer has not joined the loyalty programme.', { reason: 'NOT_ENROLLED' });
    const reward = await m.findOne(LoyaltyReward, { where: { id: rewardId }, lock: { mode: 'pessimistic_write' } });
    if (!reward || !reward.active) throw new NotFoundError('Reward', rewardId);
    if (reward.stock != null && reward.stock <= 0) {
      throw new ConflictError(`“${reward.name}” is out of stock.`, { reason: 'OUT_OF_STOCK', field: 'rewardId' });
    }
    if (reward.perCustomerLimit != null) {
      const used = await m.countBy(LoyaltyRewardRedemption, { rewardId, customerId });
      if (used >= reward.perCustomerLimit) {
        throw new ConflictError(`“${reward.name}” can be redeemed ${reward.perCustomerLimit} time(s) per customer.`, {
          reason: 'LIMIT_REACHED',
          field: 'rewardId',
        });
      }
    }
    const entry = await this.points.debit(m, account, reward.costPoints, {
      kind: 'redeem',
      reason: `Reward: ${reward.name}`,
      sourceType: 'reward',
      sourceId: reward.id,
    });
    await m.query(
      `UPDATE loyalty_reward SET redeemed_count = redeemed_count + 1, stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - 1 END WHERE id = $1`,
      [reward.id],
    );
    const couponCode = ['coupon', 'fixed_discount', 'percent_discount'].includes(reward.kind) ? randomCouponCode(8, 'RW') : null;
    const redemption = await m.save(
      m.create(LoyaltyRewardRedemption, {
        rewardId: reward.id,
        customerId,
        ledgerEntryId: entry.id,
        costPoints: reward.costPoints,
        couponCode,
        channel,
        createdAt: this.points.now(),
      }),
    );
    await this.ctx.audit.record(m, {
      action: 'loyaltyReward.redeem',
      objectType: 'LoyaltyReward',
      objectId: reward.id,
      before: null,
      after: { redemptionId: redemption.id, costPoints: reward.costPoints, channel },
    });
    return redemption;
  }

  /** A customer's redemptions, newest first. */
  redemptionsOf(customerId: string): Promise<LoyaltyRewardRedemption[]> {
    return this.ctx.db.manager.find(LoyaltyRewardRedemption, { where: { customerId }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
