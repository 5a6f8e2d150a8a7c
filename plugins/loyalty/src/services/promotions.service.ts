import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  Customer,
  idempotent,
  NotFoundError,
  type PluginContext,
  Product,
  ProductModel,
  ValidationError,
  validId,
} from '@aftercare/core';
import { type EntityManager, In } from 'typeorm';
import { normalizeCode, randomCouponCode } from '../codes.js';
import type { PromotionAction } from '../domain.js';
import { LoyaltyAccount } from '../entities/account.entity.js';
import { LoyaltyCoupon, LoyaltyCouponRedemption, LoyaltyPromotion } from '../entities/promotion.entity.js';
import type { LoyaltySettings } from '../settings.js';

/** One line of a basket. */
export interface BasketLine {
  modelId?: string | null;
  category?: string | null;
  amountMinor: number;
  quantity?: number | null;
}

/** What a shop asks about. */
export interface Basket {
  customerId?: string | null;
  channel?: string | null;
  currency: string;
  lines: BasketLine[];
  couponCodes?: string[] | null;
}

/** What one promotion gives a basket. */
export interface PromotionOutcome {
  promotionId: string;
  name: string;
  action: PromotionAction;
  couponCode: string | null;
  discountMinor: number;
  pointsMultiplierPercent: number | null;
  gift: string | null;
}

/** The answer of `evaluatePromotions`. */
export interface Evaluation {
  outcomes: PromotionOutcome[];
  totalDiscountMinor: number;
  /** Codes that were given but do not apply, with why. */
  rejectedCodes: Array<{ code: string; reason: string }>;
}

/** What `redeemCoupon` takes. */
export interface RedeemCouponFields extends Basket {
  code: string;
  orderReference: string;
  idempotencyKey: string;
}

/** What `savePromotion` takes. */
export type PromotionFields = Partial<Omit<LoyaltyPromotion, 'usesCount' | 'spentMinor' | 'id'>> & {
  id?: string | null;
  name: string;
  action: PromotionAction;
};

interface CustomerFacts {
  tier: string | null;
  tags: string[];
}

const MAX_COUPONS = 10_000;

/**
 * Promotions, coupons and their evaluation. Redeeming a coupon locks the promotion row then the
 * coupon row, so usage limits, per-customer limits and budgets hold under concurrency.
 */
export class PromotionsService {
  constructor(private readonly ctx: PluginContext<LoyaltySettings>) {}

  list(): Promise<LoyaltyPromotion[]> {
    return this.ctx.db.manager.find(LoyaltyPromotion, { order: { priority: 'DESC', name: 'ASC' } });
  }

  async save(fields: PromotionFields): Promise<LoyaltyPromotion> {
    const name = fields.name.trim();
    const problems = [];
    if (!name || name.length > 200) problems.push({ field: 'name', message: '1 to 200 characters' });
    const v = fields.actionValue ?? 0;
    if (fields.action === 'percent_discount' && (v < 1 || v > 100))
      problems.push({ field: 'actionValue', message: 'a percentage from 1 to 100' });
    if (fields.action === 'fixed_discount' && v < 1) problems.push({ field: 'actionValue', message: 'an amount above 0 in minor units' });
    if (fields.action === 'fixed_discount' && !fields.currency)
      problems.push({ field: 'currency', message: 'a fixed discount needs a currency' });
    if (fields.action === 'points_multiplier' && (v < 100 || v > 10000))
      problems.push({ field: 'actionValue', message: 'a multiplier in percent from 100 to 10000' });
    if (fields.startsAt && fields.endsAt && fields.startsAt > fields.endsAt)
      problems.push({ field: 'endsAt', message: 'must be after startsAt' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      let promotion: LoyaltyPromotion;
      if (fields.id) {
        const found = await m.findOne(LoyaltyPromotion, {
          where: { id: validId('Promotion', fields.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) throw new NotFoundError('Promotion', fields.id);
        promotion = found;
      } else promotion = m.create(LoyaltyPromotion, { usesCount: 0, spentMinor: 0 });
      const { id: _id, ...rest } = fields;
      Object.assign(promotion, rest, { name, actionValue: v, giftText: fields.giftText?.trim() ?? '' });
      const saved = await m.save(promotion);
      await this.ctx.audit.record(m, {
        action: 'loyaltyPromotion.save',
        objectType: 'LoyaltyPromotion',
        objectId: saved.id,
        before: null,
        after: { name, action: saved.action, actionValue: saved.actionValue },
      });
      return saved;
    });
  }

  /** Make `count` unique codes for a promotion (or exactly `code` when given); returns the batch id and codes. */
  async generateCoupons(input: {
    promotionId: string;
    count: number;
    code?: string | null;
    prefix?: string | null;
    maxUses?: number | null;
  }): Promise<{ batchId: string; codes: string[] }> {
    const promotionId = validId('Promotion', input.promotionId);
    const problems = [];
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_COUPONS)
      problems.push({ field: 'count', message: `from 1 to ${MAX_COUPONS}` });
    const single = input.code ? normalizeCode(input.code) : null;
    if (single && !/^[A-Z0-9-]{3,40}$/.test(single)) problems.push({ field: 'code', message: '3 to 40 letters, digits or -' });
    if (single && input.count !== 1) problems.push({ field: 'count', message: 'a given code makes exactly one coupon' });
    const prefix = input.prefix ? normalizeCode(input.prefix) : '';
    if (prefix && !/^[A-Z0-9]{1,10}$/.test(prefix)) problems.push({ field: 'prefix', message: '1 to 10 letters or digits' });
    if (input.maxUses != null && (input.maxUses < 1 || input.maxUses > 1_000_000))
      problems.push({ field: 'maxUses', message: 'from 1 to 1000000, or empty for unlimited' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(LoyaltyPromotion, { id: promotionId }))) throw new NotFoundError('Promotion', promotionId);
      const batchId = randomUUID();
      const wanted = single ? [single] : [];
      while (wanted.length < input.count) {
        const need = input.count - wanted.length;
        const fresh = new Set<string>();
        while (fresh.size < need) fresh.add(randomCouponCode(8, prefix));
        const taken = new Set(
          (await m.find(LoyaltyCoupon, { where: { code: In([...fresh]) }, select: { code: true } })).map((c) => c.code),
        );
        for (const c of fresh) if (!taken.has(c) && !wanted.includes(c)) wanted.push(c);
      }
      if (single && (await m.existsBy(LoyaltyCoupon, { code: single })))
        throw new ValidationError([{ field: 'code', message: 'this code exists already' }]);
      const at = this.ctx.clock.now();
      for (let i = 0; i < wanted.length; i += 1000) {
        await m.insert(
          LoyaltyCoupon,
          wanted
            .slice(i, i + 1000)
            .map((code) => ({ code, promotionId, batchId, maxUses: input.maxUses ?? (single ? null : 1), usesCount: 0, createdAt: at })),
        );
      }
      await this.ctx.audit.record(m, {
        action: 'loyaltyCoupons.generate',
        objectType: 'LoyaltyPromotion',
        objectId: promotionId,
        before: null,
        after: { batchId, count: wanted.length },
      });
      return { batchId, codes: wanted };
    });
  }

  /** The codes of a batch as CSV (code,max_uses,uses). */
  async batchCsv(batchId: string): Promise<string> {
    const coupons = await this.ctx.db.manager.find(LoyaltyCoupon, {
      where: { batchId: validId('Coupon batch', batchId) },
      order: { code: 'ASC' },
    });
    if (coupons.length === 0) throw new NotFoundError('Coupon batch', batchId);
    return ['code,max_uses,uses', ...coupons.map((c) => `${c.code},${c.maxUses ?? ''},${c.usesCount}`)].join('\n') + '\n';
  }

  private async facts(m: EntityManager, customerId: string | null | undefined): Promise<CustomerFacts> {
    if (!customerId) return { tier: null, tags: [] };
    const account = await m.findOneBy(LoyaltyAccount, { customerId });
    const customer = await m.findOneBy(Customer, { id: customerId });
    const tags = customer?.tags ?? [];
    return { tier: account?.tierCode ?? null, tags };
  }

  private async categorize(m: EntityManager, lines: BasketLine[]): Promise<BasketLine[]> {
    const ids = [...new Set(lines.map((l) => l.modelId).filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
    if (ids.length === 0) return lines;
    const models = await m.find(ProductModel, { where: { id: In(ids) } });
    const products = await m.find(Product, { where: { id: In([...new Set(models.map((x) => x.productId))]) } });
    return lines.map((l) => {
      const model = models.find((x) => x.id === l.modelId);
      return { ...l, category: l.category ?? products.find((p) => p.id === model?.productId)?.category ?? null };
    });
  }

  /** Why a promotion does not apply to this basket (null: it applies), and the amount it applies to. */
  private check(
    p: LoyaltyPromotion,
    basket: Basket,
    lines: BasketLine[],
    facts: CustomerFacts,
    usedByCustomer: number,
  ): { reason: string | null; eligibleMinor: number } {
    const at = this.ctx.clock.now();
    const eligible = lines.filter(
      (l) =>
        (!p.modelIds.length || (l.modelId && p.modelIds.includes(l.modelId))) &&
        (!p.categories.length || (l.category && p.categories.includes(l.category))),
    );
    const eligibleMinor = eligible.reduce((s, l) => s + l.amountMinor * (l.quantity ?? 1), 0);
    const subtotal = lines.reduce((s, l) => s + l.amountMinor * (l.quantity ?? 1), 0);
    const reason = !p.active
      ? 'inactive'
      : p.startsAt && at < p.startsAt
        ? 'not started'
        : p.endsAt && at > p.endsAt
          ? 'ended'
          : p.tiers.length && (!facts.tier || !p.tiers.includes(facts.tier))
            ? 'tier'
            : p.tags.length && !p.tags.some((t) => facts.tags.includes(t))
              ? 'segment'
              : p.channels.length && (!basket.channel || !p.channels.includes(basket.channel))
                ? 'channel'
                : eligible.length === 0
                  ? 'no eligible items'
                  : p.minSubtotalMinor != null && subtotal < p.minSubtotalMinor
                    ? 'basket too small'
                    : p.currency && p.action === 'fixed_discount' && p.currency !== basket.currency
                      ? 'currency'
                      : p.usageLimit != null && p.usesCount >= p.usageLimit
                        ? 'usage limit reached'
                        : p.perCustomerLimit != null && usedByCustomer >= p.perCustomerLimit
                          ? 'customer limit reached'
                          : p.budgetMinor != null && p.spentMinor >= p.budgetMinor
                            ? 'budget spent'
                            : null;
    return { reason, eligibleMinor };
  }

  private outcome(p: LoyaltyPromotion, eligibleMinor: number, code: string | null): PromotionOutcome {
    const discountMinor =
      p.action === 'percent_discount'
        ? Math.floor((eligibleMinor * p.actionValue) / 100)
        : p.action === 'fixed_discount'
          ? Math.min(p.actionValue, eligibleMinor)
          : 0;
    return {
      promotionId: p.id,
      name: p.name,
      action: p.action,
      couponCode: code,
      discountMinor,
      pointsMultiplierPercent: p.action === 'points_multiplier' ? p.actionValue : null,
      gift: p.action === 'gift' || p.action === 'free_service' ? p.giftText : null,
    };
  }

  private validateBasket(basket: Basket) {
    const problems = [];
    if (!Array.isArray(basket.lines) || basket.lines.length === 0 || basket.lines.length > 200)
      problems.push({ field: 'lines', message: '1 to 200 lines' });
    basket.lines?.forEach((l, i) => {
      if (!Number.isInteger(l.amountMinor) || l.amountMinor < 0 || l.amountMinor > 1_000_000_000)
        problems.push({ field: `lines.${i}.amountMinor`, message: 'from 0 to 1000000000' });
      if (l.quantity != null && (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 10_000))
        problems.push({ field: `lines.${i}.quantity`, message: 'from 1 to 10000' });
    });
    if ((basket.couponCodes?.length ?? 0) > 20) problems.push({ field: 'couponCodes', message: 'at most 20 codes' });
    if (problems.length) throw new ValidationError(problems);
  }

  /** Which promotions and coupons apply to a basket and what they give: priority first, an exclusive one stops the rest. */
  async evaluate(basket: Basket): Promise<Evaluation> {
    this.validateBasket(basket);
    const m = this.ctx.db.manager;
    const customerId = basket.customerId ? validId('Customer', basket.customerId) : null;
    const facts = await this.facts(m, customerId);
    const lines = await this.categorize(m, basket.lines);
    const rejectedCodes: Evaluation['rejectedCodes'] = [];
    const codes = [...new Set((basket.couponCodes ?? []).map(normalizeCode))];
    const coupons = codes.length ? await m.find(LoyaltyCoupon, { where: { code: In(codes) } }) : [];
    for (const code of codes) {
      const c = coupons.find((x) => x.code === code);
      if (!c) rejectedCodes.push({ code, reason: 'unknown code' });
      else if (c.maxUses != null && c.usesCount >= c.maxUses) rejectedCodes.push({ code, reason: 'code used up' });
      else if (c.customerId && c.customerId !== customerId) rejectedCodes.push({ code, reason: 'code of another customer' });
    }
    const usable = coupons.filter((c) => !rejectedCodes.some((r) => r.code === c.code));
    const promotions = await m.find(LoyaltyPromotion, { where: { active: true }, order: { priority: 'DESC', name: 'ASC' } });
    const outcomes: PromotionOutcome[] = [];
    for (const p of promotions) {
      const coupon = usable.find((c) => c.promotionId === p.id) ?? null;
      if (p.requiresCoupon && !coupon) continue;
      const used =
        customerId && p.perCustomerLimit != null ? await m.countBy(LoyaltyCouponRedemption, { promotionId: p.id, customerId }) : 0;
      const { reason, eligibleMinor } = this.check(p, basket, lines, facts, used);
      if (reason) {
        if (coupon) rejectedCodes.push({ code: coupon.code, reason });
        continue;
      }
      if (outcomes.length && p.exclusive) continue;
      outcomes.push(this.outcome(p, eligibleMinor, coupon?.code ?? null));
      if (p.exclusive) break;
    }
    return { outcomes, totalDiscountMinor: outcomes.reduce((s, o) => s + o.discountMinor, 0), rejectedCodes };
  }

  /**
   * Use a coupon on an order: same key and same order → the same redemption; other parameters →
   * CONFLICT. Limits (code uses, promotion uses, per customer) and the budget hold under concurrency.
   */
  async redeemCoupon(fields: RedeemCouponFields): Promise<LoyaltyCouponRedemption> {
    this.validateBasket(fields);
    const code = normalizeCode(fields.code);
    const orderReference = fields.orderReference.trim();
    const problems = [];
    if (!code || code.length > 60) problems.push({ field: 'code', message: 'a coupon code' });
    if (!orderReference || orderReference.length > 100) problems.push({ field: 'orderReference', message: '1 to 100 characters' });
    if (problems.length) throw new ValidationError(problems);
    const customerId = fields.customerId ? validId('Customer', fields.customerId) : null;
    return this.ctx.db.transaction(async (m) =>
      idempotent(m, {
        scope: 'loyalty.coupon.redeem',
        key: fields.idempotencyKey,
        params: { code, orderReference, customerId, currency: fields.currency, channel: fields.channel ?? null, lines: fields.lines },
        find: (id) => m.findOneBy(LoyaltyCouponRedemption, { id }),
        run: async () => {
          const found = await m.findOneBy(LoyaltyCoupon, { code });
          if (!found) throw new ValidationError([{ field: 'code', message: 'no such coupon code' }]);
          const promotion = await m.findOne(LoyaltyPromotion, { where: { id: found.promotionId }, lock: { mode: 'pessimistic_write' } });
          const coupon = await m.findOne(LoyaltyCoupon, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
          if (!promotion || !coupon) throw new ValidationError([{ field: 'code', message: 'no such coupon code' }]);
          if (coupon.customerId && coupon.customerId !== customerId)
            throw new ValidationError([{ field: 'code', message: 'this code belongs to another customer' }]);
          if (coupon.maxUses != null && coupon.usesCount >= coupon.maxUses) {
            throw new ConflictError('This coupon code has been used up.', { reason: 'COUPON_USED', field: 'code' });
          }
          if (customerId && !(await m.existsBy(Customer, { id: customerId })))
            throw new ValidationError([{ field: 'customerId', message: 'no such customer' }]);
          const used = customerId ? await m.countBy(LoyaltyCouponRedemption, { promotionId: promotion.id, customerId }) : 0;
          const facts = await this.facts(m, customerId);
          const lines = await this.categorize(m, fields.lines);
          const { reason, eligibleMinor } = this.check(promotion, fields, lines, facts, used);
          if (reason)
            throw new ConflictError(`The coupon does not apply: ${reason}.`, {
              reason: 'PROMOTION_NOT_APPLICABLE',
              field: 'code',
              detail: reason,
            });
          const result = this.outcome(promotion, eligibleMinor, code);
          if (promotion.budgetMinor != null && promotion.spentMinor + result.discountMinor > promotion.budgetMinor) {
            throw new ConflictError('The promotion’s budget does not cover this discount.', { reason: 'BUDGET_SPENT', field: 'code' });
          }
          await m.update(LoyaltyCoupon, coupon.id, { usesCount: coupon.usesCount + 1 });
          await m.update(LoyaltyPromotion, promotion.id, {
            usesCount: promotion.usesCount + 1,
            spentMinor: promotion.spentMinor + result.discountMinor,
          });
          const redemption = await m.save(
            m.create(LoyaltyCouponRedemption, {
              couponId: coupon.id,
              promotionId: promotion.id,
              code,
              customerId,
              orderReference,
              discountMinor: result.discountMinor,
              currency: fields.currency,
              createdAt: this.ctx.clock.now(),
            }),
          );
          await this.ctx.audit.record(m, {
            action: 'loyaltyCoupon.redeem',
            objectType: 'LoyaltyPromotion',
            objectId: promotion.id,
            before: null,
            after: { redemptionId: redemption.id, discountMinor: result.discountMinor },
          });
          return redemption;
        },
      }),
    );
  }
}
