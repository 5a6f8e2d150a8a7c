import { type GraphQLContext, actorRef, CustomerOnly, type Page, PageOf, Public, requireCustomer, validId } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LoyaltyLedgerEntry } from '../entities/account.entity.js';
import { LoyaltyEarningRule, LoyaltyTier } from '../entities/program.entity.js';
import { LoyaltyCouponRedemption, LoyaltyPromotion } from '../entities/promotion.entity.js';
import { LoyaltyReward, LoyaltyRewardRedemption } from '../entities/reward.entity.js';
import { LoyaltySweepstake, LoyaltySweepstakeEntry } from '../entities/sweepstake.entity.js';
import { P } from '../permissions.js';
import type { Loyalty } from '../services/index.js';
import {
  AccountViewType,
  AddEntryInput,
  AdjustPointsInput,
  BalanceType,
  BasketInput,
  CouponBatchType,
  EvaluationType,
  GenerateCouponsInput,
  LedgerArgs,
  MyLoyaltyType,
  MyRedemptionType,
  MyRewardsType,
  MySweepstakeEntryType,
  RedeemCouponInput,
  RedeemMyRewardInput,
  RedeemRewardInput,
  SaveEarningRuleInput,
  SavePromotionInput,
  SaveRewardInput,
  SaveSweepstakeInput,
  SaveTierInput,
  SweepstakeProofType,
} from './types.js';

const LedgerPage = PageOf(LoyaltyLedgerEntry, 'LoyaltyLedgerPage');

/** Staff and integrator operations: accounts, ledger, programme data, promotions and sweepstakes. */
@Resolver()
export class LoyaltyResolver {
  constructor(private readonly loyalty: Loyalty) {}

  @Authorized(P.accountRead)
  @Query(() => AccountViewType, { description: 'A customer’s balance, pending and expiring points and tier, derived from the ledger.' })
  loyaltyAccount(@Arg('customerId', () => ID) customerId: string): Promise<AccountViewType> {
    return this.loyalty.points.view(validId('Customer', customerId));
  }

  @Authorized(P.accountRead)
  @Query(() => BalanceType, {
    description: 'Just the spendable and pending points of a customer (one aggregate over the ledger): the cheap read for shops.',
  })
  loyaltyBalance(@Arg('customerId', () => ID) customerId: string): Promise<BalanceType> {
    return this.loyalty.points.balanceOf(validId('Customer', customerId));
  }

  @Authorized(P.accountRead)
  @Query(() => LedgerPage, { description: 'A customer’s points ledger, newest first.' })
  loyaltyLedger(@Args() { customerId, skip, take }: LedgerArgs): Promise<Page<LoyaltyLedgerEntry>> {
    return this.loyalty.points.ledger(customerId, { skip, take });
  }

  @Authorized(P.pointsAdjust)
  @Mutation(() => LoyaltyLedgerEntry, {
    description: 'Credit or debit points by hand (idempotent; a debit never takes the balance below zero).',
  })
  adjustPoints(@Arg('input', () => AdjustPointsInput) input: AdjustPointsInput): Promise<LoyaltyLedgerEntry> {
    return this.loyalty.points.adjust(input);
  }

  @Authorized(P.accountRead)
  @Query(() => [LoyaltyEarningRule], { description: 'Earning rules.' })
  earningRules(): Promise<LoyaltyEarningRule[]> {
    return this.loyalty.points.rules();
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltyEarningRule, { description: 'Create or update an earning rule.' })
  saveEarningRule(@Arg('input', () => SaveEarningRuleInput) input: SaveEarningRuleInput): Promise<LoyaltyEarningRule> {
    return this.loyalty.points.saveRule(input);
  }

  @Authorized(P.accountRead)
  @Query(() => [LoyaltyTier], { description: 'Tiers, lowest threshold first.' })
  loyaltyTiers(): Promise<LoyaltyTier[]> {
    return this.loyalty.points.tiers();
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltyTier, { description: 'Create or update a tier.' })
  saveLoyaltyTier(@Arg('input', () => SaveTierInput) input: SaveTierInput): Promise<LoyaltyTier> {
    return this.loyalty.points.saveTier(input);
  }

  @Authorized(P.accountRead)
  @Query(() => [LoyaltyReward], { description: 'The rewards catalogue.' })
  rewards(): Promise<LoyaltyReward[]> {
    return this.loyalty.rewards.list(false);
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltyReward, { description: 'Create or update a reward.' })
  saveReward(@Arg('input', () => SaveRewardInput) input: SaveRewardInput): Promise<LoyaltyReward> {
    return this.loyalty.rewards.save(input);
  }

  @Authorized(P.rewardRedeem)
  @Mutation(() => LoyaltyRewardRedemption, {
    description: 'Redeem a reward for a customer (idempotent; checks balance, stock and limits).',
  })
  redeemReward(
    @Arg('input', () => RedeemRewardInput) input: RedeemRewardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoyaltyRewardRedemption> {
    return this.loyalty.rewards.redeem({ ...input, channel: actorRef(ctx.actor).kind === 'apiKey' ? 'api' : 'console' });
  }

  @Authorized(P.accountRead)
  @Query(() => [LoyaltyPromotion], { description: 'Promotions, highest priority first.' })
  promotions(): Promise<LoyaltyPromotion[]> {
    return this.loyalty.promotions.list();
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltyPromotion, { description: 'Create or update a promotion.' })
  savePromotion(@Arg('input', () => SavePromotionInput) input: SavePromotionInput): Promise<LoyaltyPromotion> {
    return this.loyalty.promotions.save(input);
  }

  @Authorized(P.programManage)
  @Mutation(() => CouponBatchType, { description: 'Make one coupon code or a batch of unique readable codes.' })
  generateCoupons(@Arg('input', () => GenerateCouponsInput) input: GenerateCouponsInput): Promise<CouponBatchType> {
    return this.loyalty.promotions.generateCoupons(input);
  }

  @Authorized(P.accountRead)
  @Query(() => String, { description: 'The codes of a batch as CSV (code,max_uses,uses).' })
  couponBatchCsv(@Arg('batchId', () => ID) batchId: string): Promise<string> {
    return this.loyalty.promotions.batchCsv(batchId);
  }

  @Authorized(P.promotionEvaluate)
  @Query(() => EvaluationType, { description: 'Which promotions and coupons apply to a basket, and what they give.' })
  evaluatePromotions(@Arg('basket', () => BasketInput) basket: BasketInput): Promise<EvaluationType> {
    return this.loyalty.promotions.evaluate(basket);
  }

  @Authorized(P.couponRedeem)
  @Mutation(() => LoyaltyCouponRedemption, {
    description: 'Use a coupon on an order (idempotent; every limit and budget holds under concurrency).',
  })
  redeemCoupon(@Arg('input', () => RedeemCouponInput) input: RedeemCouponInput): Promise<LoyaltyCouponRedemption> {
    return this.loyalty.promotions.redeemCoupon(input);
  }

  @Authorized(P.accountRead)
  @Query(() => [LoyaltySweepstake], { description: 'Sweepstakes, newest first.' })
  sweepstakes(): Promise<LoyaltySweepstake[]> {
    return this.loyalty.sweepstakes.list();
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltySweepstake, { description: 'Create or update (while open) a sweepstake with its official rules.' })
  saveSweepstake(@Arg('input', () => SaveSweepstakeInput) input: SaveSweepstakeInput): Promise<LoyaltySweepstake> {
    return this.loyalty.sweepstakes.save(input);
  }

  @Authorized(P.programManage)
  @Mutation(() => LoyaltySweepstakeEntry, { description: 'Record a free-route entry (no purchase necessary).' })
  addSweepstakeEntry(@Arg('input', () => AddEntryInput) input: AddEntryInput): Promise<LoyaltySweepstakeEntry> {
    return this.loyalty.sweepstakes.freeEntry(input.sweepstakeId, input.customerId);
  }

  @Authorized(P.sweepstakeDraw)
  @Mutation(() => LoyaltySweepstake, {
    description: 'Close entries and publish the commitment (SHA-256 of the seed and of the sorted entry list).',
  })
  commitSweepstake(@Arg('id', () => ID) id: string): Promise<LoyaltySweepstake> {
    return this.loyalty.sweepstakes.commit(id);
  }

  @Authorized(P.sweepstakeDraw)
  @Mutation(() => LoyaltySweepstake, { description: 'Draw the winners (committing first if needed) and publish the seed.' })
  drawSweepstake(@Arg('id', () => ID) id: string): Promise<LoyaltySweepstake> {
    return this.loyalty.sweepstakes.draw(id);
  }

  @Public()
  @Query(() => SweepstakeProofType, {
    description: 'Public proof of a sweepstake: the commitment, and after the draw the seed, entries and winners.',
  })
  sweepstakeProof(@Arg('id', () => ID) id: string): Promise<SweepstakeProofType> {
    return this.loyalty.sweepstakes.proof(id);
  }
}

/** The signed-in customer's own loyalty data: never another customer's, never staff-only fields. */
@Resolver()
export class MyLoyaltyResolver {
  constructor(private readonly loyalty: Loyalty) {}

  @CustomerOnly()
  @Query(() => MyLoyaltyType, { description: 'Your balance, pending and expiring points, tier progress, history and sweepstake entries.' })
  async myLoyalty(@Ctx() ctx: GraphQLContext): Promise<MyLoyaltyType> {
    const customerId = requireCustomer(ctx);
    const view = await this.loyalty.points.view(customerId);
    const history = view.enrolled ? (await this.loyalty.points.ledger(customerId, { skip: 0, take: 50 })).items : [];
    const entries = await this.loyalty.sweepstakes.entriesOf(customerId);
    const sweepstakes: MySweepstakeEntryType[] = [];
    for (const e of entries) {
      const s = await this.loyalty.sweepstakes.get(e.sweepstakeId);
      sweepstakes.push({
        entryId: e.id,
        sweepstakeId: s.id,
        sweepstakeName: s.name,
        rulesText: s.rulesText,
        prize: s.prize,
        status: s.status,
        seedHash: s.seedHash,
        listHash: s.listHash,
        seed: s.status === 'drawn' ? s.seed : null,
        won: (s.winnerEntryIds ?? []).includes(e.id),
      });
    }
    const tierOf = (t: LoyaltyTier | null) =>
      t ? { code: t.code, name: t.name, thresholdPoints: t.thresholdPoints, benefits: t.benefits } : null;
    return {
      enrolled: view.enrolled,
      balance: view.balance,
      pending: view.pending,
      expiringPoints: view.expiringPoints,
      nextExpiryAt: view.nextExpiryAt,
      tier: tierOf(view.tier),
      nextTier: tierOf(view.nextTier),
      earnedInWindow: view.earnedInWindow,
      history: history.map((h) => ({
        id: h.id,
        kind: h.kind,
        points: h.points,
        reason: h.reason,
        availableAt: h.availableAt,
        expiresAt: h.expiresAt,
        createdAt: h.createdAt,
      })),
      sweepstakes,
    };
  }

  @CustomerOnly()
  @Query(() => MyRewardsType, { description: 'The rewards you can buy with points, and your redemptions.' })
  async myRewards(@Ctx() ctx: GraphQLContext): Promise<MyRewardsType> {
    const customerId = requireCustomer(ctx);
    const view = await this.loyalty.points.view(customerId);
    const rewards = await this.loyalty.rewards.list(true);
    const redemptions = await this.loyalty.rewards.redemptionsOf(customerId);
    return {
      rewards: rewards.map((r) => {
        const used = redemptions.filter((x) => x.rewardId === r.id).length;
        return {
          id: r.id,
          name: r.name,
          description: r.description,
          kind: r.kind,
          costPoints: r.costPoints,
          available: (r.stock == null || r.stock > 0) && (r.perCustomerLimit == null || used < r.perCustomerLimit),
          affordable: view.balance >= r.costPoints,
        };
      }),
      redemptions: redemptions.map((x) => this.myRedemption(x, rewards)),
    };
  }

  @CustomerOnly()
  @Mutation(() => MyRedemptionType, { description: 'Redeem a reward with your points (idempotent on the key).' })
  async redeemMyReward(
    @Arg('input', () => RedeemMyRewardInput) input: RedeemMyRewardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MyRedemptionType> {
    const customerId = requireCustomer(ctx);
    const redemption = await this.loyalty.rewards.redeem({
      customerId,
      rewardId: input.rewardId,
      idempotencyKey: input.idempotencyKey,
      channel: 'portal',
    });
    return this.myRedemption(redemption, await this.loyalty.rewards.list(false));
  }

  @CustomerOnly()
  @Mutation(() => MySweepstakeEntryType, { description: 'Enter a sweepstake through its free entry route.' })
  async enterMySweepstake(@Arg('sweepstakeId', () => ID) sweepstakeId: string, @Ctx() ctx: GraphQLContext): Promise<MySweepstakeEntryType> {
    const customerId = requireCustomer(ctx);
    const e = await this.loyalty.sweepstakes.freeEntry(sweepstakeId, customerId);
    const s = await this.loyalty.sweepstakes.get(e.sweepstakeId);
    return {
      entryId: e.id,
      sweepstakeId: s.id,
      sweepstakeName: s.name,
      rulesText: s.rulesText,
      prize: s.prize,
      status: s.status,
      seedHash: s.seedHash,
      listHash: s.listHash,
      seed: null,
      won: false,
    };
  }

  @CustomerOnly()
  @Mutation(() => Boolean, { description: 'Join the loyalty programme (when enrolment is opt-in).' })
  async joinLoyalty(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await this.loyalty.points.join(requireCustomer(ctx));
    return true;
  }

  private myRedemption(x: LoyaltyRewardRedemption, rewards: LoyaltyReward[]): MyRedemptionType {
    return {
      id: x.id,
      rewardId: x.rewardId,
      rewardName: rewards.find((r) => r.id === x.rewardId)?.name ?? '',
      costPoints: x.costPoints,
      couponCode: x.couponCode,
      createdAt: x.createdAt,
    };
  }
}
