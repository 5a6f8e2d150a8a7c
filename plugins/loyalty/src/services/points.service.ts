import {
  actorRef,
  ConflictError,
  Customer,
  currentRequest,
  findPage,
  idempotent,
  NotFoundError,
  type Page,
  type PageWindow,
  type PluginContext,
  ProductModel,
  Product,
  Purchase,
  Setting,
  ValidationError,
  validId,
} from '@aftercare/core';
import { type EntityManager, IsNull } from 'typeorm';
import type { EntryKind, RuleTrigger } from '../domain.js';
import { LoyaltyAccount, LoyaltyLedgerEntry } from '../entities/account.entity.js';
import { LoyaltyEarningRule, LoyaltyTier } from '../entities/program.entity.js';
import { pointsEarned, tierChanged } from '../events.js';
import { DAY_MS, expiryOf, type Lot, replayLots } from '../ledger.js';
import { type LoyaltySettings, settingsSchema } from '../settings.js';

/** Most points one movement may move (keeps sums far from integer overflow). */
export const MAX_POINTS = 100_000_000;

/** Derived balances of an account at a time. */
export interface Balances {
  /** Spendable points (available entries only; may be negative under the "allow" policy). */
  balance: number;
  /** Points not yet available (e.g. during a purchase's withdrawal period). */
  pending: number;
  /** Points that expire within the warning window, and the earliest such date. */
  expiringPoints: number;
  nextExpiryAt: Date | null;
  /** The FIFO replay agrees with the SQL sum (the ledger check). */
  consistent: boolean;
}

/** One credit or debit. */
export interface Movement {
  kind: EntryKind;
  points: number;
  reason: string;
  sourceType: string;
  sourceId?: string | null;
  ruleId?: string | null;
  availableAt?: Date;
  lotId?: string | null;
  /** Explicit expiry; by default positive entries expire per the settings. */
  expiresAt?: Date | null;
}

/** Manual adjustment. */
export interface AdjustFields {
  customerId: string;
  points: number;
  reason: string;
  idempotencyKey: string;
}

/** Context of an event an earning rule may apply to. */
export interface EarnContext {
  trigger: RuleTrigger;
  customerId: string;
  sourceType: string;
  sourceId: string;
  /** Purchases: amount in minor units, model, category, when points unlock. */
  amountMinor?: number;
  modelId?: string | null;
  category?: string | null;
  availableAt?: Date;
}

function actorOfRequest(): { kind: string; id: string | null } {
  const actor = currentRequest()?.actor;
  if (!actor) return { kind: 'system', id: null };
  const ref = actorRef(actor);
  return { kind: ref.kind, id: ref.id };
}

/**
 * Accounts, the points ledger, earning rules and tiers. Every movement locks the account row and
 * appends to the ledger in one transaction; balances are always derived from the ledger.
 */
export class PointsService {
  constructor(private readonly ctx: PluginContext<LoyaltySettings>) {}

  now(): Date {
    return this.ctx.clock.now();
  }

  /**
   * The settings, read through the caller's manager: inside a transaction that holds an account lock,
   * `ctx.settings.get()` would need a second pooled connection, and under many concurrent movements
   * the pool could run dry while the lock holder waits for one.
   */
  async settingsIn(m: EntityManager): Promise<LoyaltySettings> {
    const row = await m.findOneBy(Setting, { owner: 'loyalty' });
    return settingsSchema.parse(row?.value ?? {});
  }

  /** The account of a customer, or null. */
  account(m: EntityManager, customerId: string): Promise<LoyaltyAccount | null> {
    return m.findOneBy(LoyaltyAccount, { customerId });
  }

  /**
   * The account row of a customer, locked for this transaction; created on first use when
   * enrolment is automatic (or `create` is true). Null when the customer has not joined an opt-in programme.
   */
  async lockAccount(m: EntityManager, customerId: string, create: boolean): Promise<LoyaltyAccount | null> {
    const existing = await m.findOne(LoyaltyAccount, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
    if (existing) return existing;
    if (!create) {
      const { enrolment } = await this.settingsIn(m);
      if (enrolment !== 'automatic') return null;
    }
    await m.query(`INSERT INTO loyalty_account (customer_id, enrolled_at) VALUES ($1, $2) ON CONFLICT (customer_id) DO NOTHING`, [
      customerId,
      this.now(),
    ]);
    return m.findOne(LoyaltyAccount, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
  }

  private async requireCustomer(m: EntityManager, customerId: string, field = 'customerId'): Promise<string> {
    const id = validId('Customer', customerId);
    if (!(await m.existsBy(Customer, { id }))) throw new ValidationError([{ field, message: 'no such customer' }]);
    return id;
  }

  /** Spendable and pending points from the ledger (one indexed aggregate). */
  async sums(m: EntityManager, accountId: string, at = this.now()): Promise<{ balance: number; pending: number }> {
    const [row] = await m.query(
      `SELECT COALESCE(SUM(points) FILTER (WHERE available_at <= $2), 0)::bigint AS balance,
              COALESCE(SUM(points) FILTER (WHERE available_at > $2), 0)::bigint AS pending
         FROM loyalty_ledger_entry WHERE account_id = $1`,
      [accountId, at],
    );
    return { balance: Number(row.balance), pending: Number(row.pending) };
  }

  /** The lots of an account with what is left of each (FIFO replay of the ledger). */
  async lots(m: EntityManager, accountId: string): Promise<{ lots: Lot[]; debt: number }> {
    const lines = await m.find(LoyaltyLedgerEntry, { where: { accountId }, order: { number: 'ASC' } });
    return replayLots(lines);
  }

  /** Balances with the expiry outlook and the ledger check. */
  async balances(m: EntityManager, account: LoyaltyAccount): Promise<Balances> {
    const at = this.now();
    const { expiryWarningDays } = await this.settingsIn(m);
    const { balance, pending } = await this.sums(m, account.id, at);
    const { lots, debt } = await this.lots(m, account.id);
    const available = lots.filter((l) => l.availableAt <= at);
    const replayed = available.reduce((s, l) => s + l.remaining, 0) - debt;
    const horizon = at.getTime() + expiryWarningDays * DAY_MS;
    const expiring = available.filter((l) => l.remaining > 0 && l.expiresAt && l.expiresAt.getTime() <= horizon);
    const nextExpiryAt = expiring.reduce<Date | null>((min, l) => (!min || l.expiresAt! < min ? l.expiresAt : min), null);
    return {
      balance,
      pending,
      expiringPoints: expiring.reduce((s, l) => s + l.remaining, 0),
      nextExpiryAt,
      consistent: replayed === balance,
    };
  }

  /** Append one entry to the ledger (the caller holds the account lock). Positive entries get their expiry from the settings. */
  async append(m: EntityManager, account: LoyaltyAccount, move: Movement): Promise<LoyaltyLedgerEntry> {
    const at = this.now();
    const settings = await this.settingsIn(m);
    const availableAt = move.availableAt ?? at;
    const expiresAt =
      move.expiresAt !== undefined
        ? move.expiresAt
        : move.points > 0
          ? expiryOf(availableAt, settings.expiryMode, settings.expiryMonths)
          : null;
    const actor = actorOfRequest();
    const entry = await m.save(
      m.create(LoyaltyLedgerEntry, {
        accountId: account.id,
        customerId: account.customerId,
        kind: move.kind,
        points: move.points,
        availableAt,
        expiresAt,
        lotId: move.lotId ?? null,
        reason: move.reason,
        sourceType: move.sourceType,
        sourceId: move.sourceId ?? null,
        ruleId: move.ruleId ?? null,
        actorKind: actor.kind,
        actorId: actor.id,
        createdAt: at,
      }),
    );
    if (move.points > 0) {
      await this.ctx.events.publish(
        m,
        pointsEarned,
        {
          customerId: account.customerId,
          entryId: entry.id,
          points: entry.points,
          sourceType: entry.sourceType,
          sourceId: entry.sourceId,
          availableAt: availableAt.toISOString(),
        },
        { aggregateId: account.customerId },
      );
      await this.evaluateTier(m, account);
    }
    return entry;
  }

  /**
   * Take `points` from the spendable balance (locked account): refuses with CONFLICT when the
   * balance would go below zero. Due expiries are written first, so expired points are never spent.
   */
  async debit(m: EntityManager, account: LoyaltyAccount, points: number, move: Omit<Movement, 'points'>): Promise<LoyaltyLedgerEntry> {
    await this.expireAccount(m, account);
    const { balance } = await this.sums(m, account.id);
    if (balance < points) {
      throw new ConflictError(`Not enough points: the balance is ${balance}, ${points} are needed.`, {
        reason: 'INSUFFICIENT_POINTS',
        field: 'points',
        balance,
      });
    }
    return this.append(m, account, { ...move, points: -points });
  }

  /** Manual adjustment (positive or negative), idempotent on its key. */
  async adjust(fields: AdjustFields): Promise<LoyaltyLedgerEntry> {
    const reason = fields.reason.trim();
    const problems = [];
    if (!Number.isInteger(fields.points) || fields.points === 0 || Math.abs(fields.points) > MAX_POINTS) {
      problems.push({ field: 'points', message: `a whole number between -${MAX_POINTS} and ${MAX_POINTS}, not 0` });
    }
    if (!reason) problems.push({ field: 'reason', message: 'must not be empty' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      const customerId = await this.requireCustomer(m, fields.customerId);
      return idempotent(m, {
        scope: 'loyalty.points.adjust',
        key: fields.idempotencyKey,
        params: { customerId, points: fields.points, reason },
        find: (id) => m.findOneBy(LoyaltyLedgerEntry, { id }),
        run: async () => {
          const account = (await this.lockAccount(m, customerId, true))!;
          const move = { kind: 'adjust' as const, reason, sourceType: 'manual', sourceId: null };
          const entry =
            fields.points > 0
              ? await this.append(m, account, { ...move, points: fields.points })
              : await this.debit(m, account, -fields.points, move);
          await this.ctx.audit.record(m, {
            action: 'loyaltyPoints.adjust',
            objectType: 'LoyaltyAccount',
            objectId: account.id,
            before: null,
            after: { points: fields.points, reason },
          });
          return entry;
        },
      });
    });
  }

  /** Credit points once per source (events are delivered at least once; this makes the effect exactly once). */
  async creditOnce(m: EntityManager, customerId: string, move: Movement): Promise<LoyaltyLedgerEntry | null> {
    if (move.points <= 0) return null;
    const account = await this.lockAccount(m, customerId, false);
    if (!account) return null;
    const seen = await m.existsBy(LoyaltyLedgerEntry, {
      accountId: account.id,
      sourceType: move.sourceType,
      sourceId: move.sourceId ?? IsNull(),
      ruleId: move.ruleId ?? IsNull(),
      kind: move.kind,
    });
    if (seen) return null;
    return this.append(m, account, move);
  }

  /** Apply the earning rules of a trigger to an event (in the event delivery's transaction). */
  async earn(m: EntityManager, e: EarnContext): Promise<LoyaltyLedgerEntry[]> {
    if (!(await m.existsBy(Customer, { id: e.customerId }))) return [];
    const at = this.now();
    const rules = await m.find(LoyaltyEarningRule, { where: { trigger: e.trigger, active: true }, order: { updatedAt: 'ASC' } });
    if (rules.length === 0) return [];
    const account = await this.lockAccount(m, e.customerId, false);
    if (!account) return [];
    const tier = account.tierCode ? await m.findOneBy(LoyaltyTier, { code: account.tierCode }) : null;
    const written: LoyaltyLedgerEntry[] = [];
    for (const rule of rules) {
      if (rule.validFrom && at < rule.validFrom) continue;
      if (rule.validTo && at > rule.validTo) continue;
      if (rule.modelIds.length && (!e.modelId || !rule.modelIds.includes(e.modelId))) continue;
      if (rule.categories.length && (!e.category || !rule.categories.includes(e.category))) continue;
      if (rule.tiers.length && (!account.tierCode || !rule.tiers.includes(account.tierCode))) continue;
      if (rule.capPerCustomer != null) {
        const since = rule.capPeriodDays != null ? new Date(at.getTime() - rule.capPeriodDays * DAY_MS) : new Date(0);
        const [{ n }] = await m.query(
          `SELECT COUNT(*)::int AS n FROM loyalty_ledger_entry WHERE account_id = $1 AND rule_id = $2 AND kind = 'earn' AND created_at > $3`,
          [account.id, rule.id, since],
        );
        if (n >= rule.capPerCustomer) continue;
      }
      const units = Math.floor((e.amountMinor ?? 0) / 100);
      const base = rule.fixedPoints + rule.pointsPerUnit * units;
      const points = Math.floor((base * rule.multiplierPercent * (tier?.multiplierPercent ?? 100)) / 10000);
      if (points <= 0 || points > MAX_POINTS) continue;
      const entry = await this.creditOnce(m, e.customerId, {
        kind: 'earn',
        points,
        reason: rule.name,
        sourceType: e.sourceType,
        sourceId: e.sourceId,
        ruleId: rule.id,
        availableAt: e.availableAt && e.availableAt > at ? e.availableAt : at,
      });
      if (entry) written.push(entry);
    }
    return written;
  }

  /** Points for a purchase: amount, model and category from core; pending until the end of the withdrawal period. */
  async earnForPurchase(m: EntityManager, purchaseId: string): Promise<void> {
    const purchase = await m.findOneBy(Purchase, { id: purchaseId });
    if (!purchase) return;
    const model = await m.findOneBy(ProductModel, { id: purchase.modelId });
    const product = model ? await m.findOneBy(Product, { id: model.productId }) : null;
    const { withdrawalDays } = await this.settingsIn(m);
    const from = purchase.deliveredAt ?? purchase.purchasedAt;
    await this.earn(m, {
      trigger: 'purchase',
      customerId: purchase.customerId,
      sourceType: 'purchase',
      sourceId: purchase.id,
      amountMinor: purchase.priceMinor,
      modelId: purchase.modelId,
      category: product?.category ?? null,
      availableAt: new Date(from.getTime() + withdrawalDays * DAY_MS),
    });
  }

  /**
   * A refunded return takes back the points earned on its purchase, in proportion to the refunded
   * amount. Pending points are cancelled before they ever count; spent points follow the policy.
   */
  async reverseForReturn(
    m: EntityManager,
    p: { returnId: string; refundId?: string; customerId: string; purchaseId: string | null; amountMinor?: number },
  ): Promise<void> {
    if (!p.purchaseId) return;
    const account = await this.lockAccount(m, p.customerId, false);
    if (!account) return;
    const sourceId = p.refundId ?? p.returnId;
    if (await m.existsBy(LoyaltyLedgerEntry, { accountId: account.id, kind: 'reverse', sourceType: 'return', sourceId })) return;
    const earned = await m.find(LoyaltyLedgerEntry, {
      where: { accountId: account.id, sourceType: 'purchase', sourceId: p.purchaseId, kind: 'earn' },
      order: { number: 'ASC' },
    });
    if (earned.length === 0) return;
    const purchase = await m.findOneBy(Purchase, { id: p.purchaseId });
    const share =
      purchase && purchase.priceMinor > 0 && p.amountMinor != null ? Math.min(1, Math.max(0, p.amountMinor / purchase.priceMinor)) : 1;
    const { negativeBalancePolicy } = await this.settingsIn(m);
    const at = this.now();
    const { lots } = await this.lots(m, account.id);
    // What earlier reversals of the same earnings already took back.
    const reversed = await m.find(LoyaltyLedgerEntry, { where: { accountId: account.id, kind: 'reverse' } });
    for (const lot of earned) {
      const already = reversed.filter((r) => r.lotId === lot.id).reduce((s, r) => s - r.points, 0);
      let take = Math.min(Math.round(lot.points * share), lot.points - already);
      if (take <= 0) continue;
      const pendingLot = lot.availableAt > at;
      if (!pendingLot && negativeBalancePolicy === 'clamp') {
        const left = lots.find((l) => l.id === lot.id)?.remaining ?? 0;
        const { balance } = await this.sums(m, account.id, at);
        take = Math.min(take, Math.max(left, Math.max(0, balance)));
        if (take <= 0) continue;
      }
      await this.append(m, account, {
        kind: 'reverse',
        points: -take,
        reason: 'Return refunded',
        sourceType: 'return',
        sourceId,
        lotId: lot.id,
        // A pending lot is cancelled where it sits: the reversal becomes "available" with it, so it never counts.
        availableAt: pendingLot ? lot.availableAt : at,
        expiresAt: null,
      });
    }
  }

  /**
   * An approved service-desk compensation of type store credit (or points) becomes points, exactly
   * once per compensation: store credit at the configured point value, points as they are.
   */
  async creditCompensation(
    m: EntityManager,
    p: { customerId: string; compensationId: string; type: string; valueMinor: number; currency: string },
  ): Promise<void> {
    if (p.type !== 'store_credit' && p.type !== 'points') return;
    if (!(await m.existsBy(Customer, { id: p.customerId }))) return;
    const { pointValueMinor } = await this.settingsIn(m);
    const points = p.type === 'points' ? p.valueMinor : Math.floor(p.valueMinor / pointValueMinor);
    if (!Number.isInteger(points) || points <= 0 || points > MAX_POINTS) return;
    const account = await this.lockAccount(m, p.customerId, true);
    if (!account) return;
    await this.creditOnce(m, p.customerId, {
      kind: 'adjust',
      points,
      reason: 'Service recovery compensation',
      sourceType: 'compensation',
      sourceId: p.compensationId,
    });
  }

  /** The configured goodwill offer for a survey detractor (off when 0 points). */
  async creditGoodwill(m: EntityManager, customerId: string, responseId: string): Promise<void> {
    const { detractorGoodwillPoints } = await this.settingsIn(m);
    if (detractorGoodwillPoints <= 0 || !(await m.existsBy(Customer, { id: customerId }))) return;
    await this.creditOnce(m, customerId, {
      kind: 'adjust',
      points: detractorGoodwillPoints,
      reason: 'Goodwill after feedback',
      sourceType: 'detractor',
      sourceId: responseId,
    });
  }

  /** Write expiry entries for lots of one account whose expiry has passed (the caller holds the lock). */
  async expireAccount(m: EntityManager, account: LoyaltyAccount): Promise<number> {
    const at = this.now();
    const { lots } = await this.lots(m, account.id);
    let expired = 0;
    for (const lot of lots) {
      if (lot.remaining <= 0 || !lot.expiresAt || lot.expiresAt > at) continue;
      await this.append(m, account, {
        kind: 'expire',
        points: -lot.remaining,
        reason: 'Points expired',
        sourceType: 'expiry',
        sourceId: lot.id,
        lotId: lot.id,
        expiresAt: null,
      });
      expired += lot.remaining;
    }
    return expired;
  }

  /** The daily job: expire due points and re-evaluate tiers (grace downgrades) of every account. */
  async runDaily(): Promise<{ expiredPoints: number; tierChanges: number }> {
    const ids: Array<{ id: string }> = await this.ctx.db.manager.query(`SELECT id FROM loyalty_account ORDER BY id`);
    let expiredPoints = 0;
    let tierChanges = 0;
    for (const { id } of ids) {
      await this.ctx.db.transaction(async (m) => {
        const account = await m.findOne(LoyaltyAccount, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!account) return;
        expiredPoints += await this.expireAccount(m, account);
        if (await this.evaluateTier(m, account)) tierChanges += 1;
      });
    }
    return { expiredPoints, tierChanges };
  }

  /** Points earned in the rolling tier window (earnings minus their reversals). */
  async earnedInWindow(m: EntityManager, accountId: string): Promise<number> {
    const { tierWindowDays } = await this.settingsIn(m);
    const since = new Date(this.now().getTime() - tierWindowDays * DAY_MS);
    const [row] = await m.query(
      `SELECT COALESCE(SUM(points), 0)::bigint AS n FROM loyalty_ledger_entry
        WHERE account_id = $1 AND kind IN ('earn', 'reverse') AND created_at > $2`,
      [accountId, since],
    );
    return Number(row.n);
  }

  /**
   * Move the account to the tier its window earns: up at once; down only after the grace period
   * (the first evaluation below the tier starts it, qualifying again cancels it). Returns whether it changed.
   */
  async evaluateTier(m: EntityManager, account: LoyaltyAccount): Promise<boolean> {
    const tiers = await m.find(LoyaltyTier, { order: { thresholdPoints: 'DESC' } });
    const earned = await this.earnedInWindow(m, account.id);
    const qualified = tiers.find((t) => earned >= t.thresholdPoints) ?? null;
    const current = account.tierCode ? (tiers.find((t) => t.code === account.tierCode) ?? null) : null;
    const at = this.now();
    const { tierGraceDays } = await this.settingsIn(m);
    const change = async (to: LoyaltyTier | null) => {
      const from = account.tierCode;
      account.tierCode = to?.code ?? null;
      account.tierSince = at;
      account.downgradeAt = null;
      await m.update(LoyaltyAccount, account.id, { tierCode: account.tierCode, tierSince: at, downgradeAt: null });
      await this.ctx.events.publish(
        m,
        tierChanged,
        { customerId: account.customerId, from, to: account.tierCode },
        { aggregateId: account.customerId },
      );
      return true;
    };
    if (!current) return qualified ? change(qualified) : false;
    if (qualified && qualified.thresholdPoints >= current.thresholdPoints) {
      if (qualified.code !== current.code) return change(qualified);
      if (account.downgradeAt) {
        account.downgradeAt = null;
        await m.update(LoyaltyAccount, account.id, { downgradeAt: null });
      }
      return false;
    }
    if (!account.downgradeAt) {
      account.downgradeAt = new Date(at.getTime() + tierGraceDays * DAY_MS);
      await m.update(LoyaltyAccount, account.id, { downgradeAt: account.downgradeAt });
      if (tierGraceDays > 0) return false;
    }
    if (account.downgradeAt <= at) return change(qualified);
    return false;
  }

  /** A customer's account for staff (created lazily only by movements; null before). */
  async accountOf(customerId: string): Promise<LoyaltyAccount | null> {
    const id = validId('Customer', customerId);
    return this.ctx.db.manager.findOneBy(LoyaltyAccount, { customerId: id });
  }

  /** Balances, tier and tier progress of a customer (zeros before the account exists). */
  async view(customerId: string) {
    const m = this.ctx.db.manager;
    const account = await this.account(m, customerId);
    const tiers = await m.find(LoyaltyTier, { order: { thresholdPoints: 'ASC' } });
    const b = account
      ? await this.balances(m, account)
      : { balance: 0, pending: 0, expiringPoints: 0, nextExpiryAt: null, consistent: true };
    const earnedInWindow = account ? await this.earnedInWindow(m, account.id) : 0;
    const tier = account?.tierCode ? (tiers.find((t) => t.code === account.tierCode) ?? null) : null;
    const nextTier = tiers.find((t) => t.thresholdPoints > (tier?.thresholdPoints ?? -1) && t.code !== tier?.code) ?? null;
    return {
      customerId,
      enrolled: !!account,
      balance: b.balance,
      pending: b.pending,
      expiringPoints: b.expiringPoints,
      nextExpiryAt: b.nextExpiryAt,
      ledgerConsistent: b.consistent,
      tier,
      downgradeAt: account?.downgradeAt ?? null,
      earnedInWindow,
      nextTier,
    };
  }

  /** Spendable and pending points only (zeros before the account exists). */
  async balanceOf(customerId: string): Promise<{ customerId: string; balance: number; pending: number }> {
    const m = this.ctx.db.manager;
    const account = await m.findOne(LoyaltyAccount, { where: { customerId }, select: { id: true } });
    return { customerId, ...(account ? await this.sums(m, account.id) : { balance: 0, pending: 0 }) };
  }

  /** A page of a customer's ledger, newest first. */
  ledger(customerId: string, window: PageWindow): Promise<Page<LoyaltyLedgerEntry>> {
    return findPage(this.ctx.db.getRepository(LoyaltyLedgerEntry), {
      where: { customerId: validId('Customer', customerId) },
      order: { number: 'DESC' },
      ...window,
    });
  }

  /** Join an opt-in programme (or nothing when already a member). */
  async join(customerId: string): Promise<LoyaltyAccount> {
    return this.ctx.db.transaction(async (m) => (await this.lockAccount(m, await this.requireCustomer(m, customerId), true))!);
  }

  /** Tiers, lowest first. */
  tiers(): Promise<LoyaltyTier[]> {
    return this.ctx.db.manager.find(LoyaltyTier, { order: { thresholdPoints: 'ASC' } });
  }

  /** Earning rules. */
  rules(): Promise<LoyaltyEarningRule[]> {
    return this.ctx.db.manager.find(LoyaltyEarningRule, { order: { trigger: 'ASC', name: 'ASC' } });
  }

  /** Create or update an earning rule. */
  async saveRule(fields: Partial<Omit<LoyaltyEarningRule, 'id'>> & { id?: string | null }): Promise<LoyaltyEarningRule> {
    const name = fields.name?.trim() ?? '';
    const problems = [];
    if (!name || name.length > 200) problems.push({ field: 'name', message: '1 to 200 characters' });
    if (fields.validFrom && fields.validTo && fields.validFrom > fields.validTo)
      problems.push({ field: 'validTo', message: 'must be after validFrom' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      let rule: LoyaltyEarningRule;
      if (fields.id) {
        const found = await m.findOne(LoyaltyEarningRule, {
          where: { id: validId('Earning rule', fields.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) throw new NotFoundError('Earning rule', fields.id);
        rule = found;
      } else {
        rule = m.create(LoyaltyEarningRule, {});
      }
      const { id: _id, ...rest } = fields;
      Object.assign(rule, rest, { name, updatedAt: this.now() });
      const saved = await m.save(rule);
      await this.ctx.audit.record(m, {
        action: 'loyaltyEarningRule.save',
        objectType: 'LoyaltyEarningRule',
        objectId: saved.id,
        before: null,
        after: { name, trigger: saved.trigger },
      });
      return saved;
    });
  }

  /** Create or update a tier (codes are unique). */
  async saveTier(fields: Partial<Omit<LoyaltyTier, 'id'>> & { id?: string | null }): Promise<LoyaltyTier> {
    const code = fields.code?.trim().toUpperCase() ?? '';
    const name = fields.name?.trim() ?? '';
    const problems = [];
    if (!/^[A-Z0-9_-]{1,30}$/.test(code)) problems.push({ field: 'code', message: '1 to 30 letters, digits, _ or -' });
    if (!name || name.length > 100) problems.push({ field: 'name', message: '1 to 100 characters' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      const clash = await m.findOneBy(LoyaltyTier, { code });
      if (clash && clash.id !== fields.id) throw new ValidationError([{ field: 'code', message: `tier ${code} exists already` }]);
      let tier: LoyaltyTier;
      if (fields.id) {
        const found = await m.findOneBy(LoyaltyTier, { id: validId('Tier', fields.id) });
        if (!found) throw new NotFoundError('Tier', fields.id);
        tier = found;
      } else tier = m.create(LoyaltyTier, {});
      const { id: _id, ...rest } = fields;
      Object.assign(tier, rest, { code, name });
      const saved = await m.save(tier);
      await this.ctx.audit.record(m, {
        action: 'loyaltyTier.save',
        objectType: 'LoyaltyTier',
        objectId: saved.id,
        before: null,
        after: { code, name, thresholdPoints: saved.thresholdPoints },
      });
      return saved;
    });
  }

  /** A customer's ledger as plain JSON, for the privacy export. */
  async exportOf(m: EntityManager, customerId: string) {
    const entries = await m.find(LoyaltyLedgerEntry, { where: { customerId }, order: { number: 'ASC' } });
    return entries.map((e) => ({ kind: e.kind, points: e.points, reason: e.reason, createdAt: e.createdAt.toISOString() }));
  }
}
