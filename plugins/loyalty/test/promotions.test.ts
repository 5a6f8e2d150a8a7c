import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestClock, createTestServer, errorCodes, eventually, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { COUPON_ALPHABET } from '../src/codes.js';
import { publisher } from './helpers.js';

const SAVE_PROMO = `mutation($i: SaveLoyaltyPromotionInput!) { savePromotion(input: $i) { id } }`;
const GENERATE = `mutation($i: GenerateLoyaltyCouponsInput!) { generateCoupons(input: $i) { batchId codes } }`;
const EVALUATE = `query($b: LoyaltyBasketInput!) { evaluatePromotions(basket: $b) { totalDiscountMinor outcomes { name discountMinor couponCode gift pointsMultiplierPercent } rejectedCodes { code reason } } }`;
const REDEEM = `mutation($i: RedeemLoyaltyCouponInput!) { redeemCoupon(input: $i) { id discountMinor } }`;
const SAVE_SWEEP = `mutation($i: SaveLoyaltySweepstakeInput!) { saveSweepstake(input: $i) { id status } }`;
const PROOF = `query($id: ID!) { sweepstakeProof(id: $id) { sweepstakeId prize winnersCount seedHash listHash seed entries { id participant } winnerEntryIds } }`;

const clock = createTestClock('2026-03-02T09:00:00Z');
const surveys = publisher('surveys', ['surveys.response.submitted']);
let server: TestServer;
let admin: TestSession;
const key = () => `key-${randomUUID()}`;
const basket = (extra: Record<string, unknown> = {}) => ({
  currency: 'EUR',
  channel: 'online',
  lines: [{ amountMinor: 10_000 }],
  ...extra,
});

beforeAll(async () => {
  server = await createTestServer({ plugins: [plugin, surveys.plugin], clock });
  admin = await server.signInStaff(['Administrator']);
});
afterAll(async () => {
  await server?.stop();
});

describe('Promotions and coupons', () => {
  it('makes batches of unique readable codes, exports them as CSV, and evaluates a basket by priority and exclusivity', async () => {
    const tenPercent = (
      await admin.client.data(SAVE_PROMO, { i: { name: 'Ten percent', action: 'PERCENT_DISCOUNT', actionValue: 10, priority: 1 } })
    ).savePromotion;
    await admin.client.data(SAVE_PROMO, {
      i: { name: 'Gift bag', action: 'GIFT', giftText: 'Tote bag', priority: 0, minSubtotalMinor: 5_000 },
    });
    const coupon = (
      await admin.client.data(SAVE_PROMO, {
        i: { name: 'Five off', action: 'FIXED_DISCOUNT', actionValue: 500, currency: 'EUR', requiresCoupon: true, priority: 5 },
      })
    ).savePromotion;
    const batch = (await admin.client.data(GENERATE, { i: { promotionId: coupon.id, count: 200 } })).generateCoupons;
    expect(new Set(batch.codes).size).toBe(200);
    for (const code of batch.codes) expect(code.replace(/-/g, '')).toMatch(new RegExp(`^[${COUPON_ALPHABET}]{8}$`));
    const csv: string = (await admin.client.data(`query($b: ID!) { couponBatchCsv(batchId: $b) }`, { b: batch.batchId })).couponBatchCsv;
    expect(csv.split('\n')[0]).toBe('code,max_uses,uses');
    expect(csv.trim().split('\n')).toHaveLength(201);

    const plain = (await admin.client.data(EVALUATE, { b: basket() })).evaluatePromotions;
    expect(plain.outcomes.map((o: { name: string }) => o.name)).toEqual(['Ten percent', 'Gift bag']);
    expect(plain.totalDiscountMinor).toBe(1_000);

    const code = batch.codes[0].toLowerCase();
    const withCode = (await admin.client.data(EVALUATE, { b: basket({ couponCodes: [code, 'NOPE-NOPE'] }) })).evaluatePromotions;
    expect(withCode.outcomes.map((o: { name: string; discountMinor: number }) => [o.name, o.discountMinor])).toEqual([
      ['Five off', 500],
      ['Ten percent', 1_000],
      ['Gift bag', 0],
    ]);
    expect(withCode.rejectedCodes).toEqual([{ code: 'NOPE-NOPE', reason: 'unknown code' }]);

    await admin.client.data(SAVE_PROMO, {
      i: { id: tenPercent.id, name: 'Ten percent', action: 'PERCENT_DISCOUNT', actionValue: 10, priority: 1, exclusive: true },
    });
    const exclusive = (await admin.client.data(EVALUATE, { b: basket() })).evaluatePromotions;
    expect(exclusive.outcomes.map((o: { name: string }) => o.name)).toEqual(['Ten percent']);
    await admin.client.data(SAVE_PROMO, {
      i: { id: tenPercent.id, name: 'Ten percent', action: 'PERCENT_DISCOUNT', actionValue: 10, active: false },
    });
  });

  it('redeemCoupon is idempotent, and the budget and per-customer limit hold under concurrency', async () => {
    const promo = (
      await admin.client.data(SAVE_PROMO, {
        i: {
          name: 'Budgeted',
          action: 'FIXED_DISCOUNT',
          actionValue: 300,
          currency: 'EUR',
          requiresCoupon: true,
          budgetMinor: 1_000,
          perCustomerLimit: 1,
        },
      })
    ).savePromotion;
    const { codes } = (await admin.client.data(GENERATE, { i: { promotionId: promo.id, code: 'spring-sale', count: 1 } })).generateCoupons;
    expect(codes).toEqual(['SPRING-SALE']);
    const customers = await Promise.all(Array.from({ length: 6 }, () => server.fixtures.customer()));
    const attempts = await Promise.all(
      customers.flatMap((c) =>
        [1, 2].map((n) =>
          admin.client.request(REDEEM, {
            i: { ...basket(), customerId: c.id, code: 'SPRING-SALE', orderReference: `ORD-${c.id}-${n}`, idempotencyKey: key() },
          }),
        ),
      ),
    );
    const ok = attempts.filter((a) => !a.errors);
    expect(ok).toHaveLength(3); // 3 × 300 ≤ 1000 < 4 × 300
    expect(attempts.filter((a) => a.errors).every((a) => errorCodes(a)[0] === 'CONFLICT')).toBe(true);
    const [row] = await server.app.dataSource.query(`SELECT uses_count, spent_minor FROM loyalty_promotion WHERE id = $1`, [promo.id]);
    expect(row).toEqual({ uses_count: 3, spent_minor: 900 });
    const perCustomer: Array<{ n: number }> = await server.app.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM loyalty_coupon_redemption WHERE promotion_id = $1 GROUP BY customer_id`,
      [promo.id],
    );
    expect(perCustomer.every((r) => r.n === 1)).toBe(true);

    // Idempotency: the same key and order return the first redemption; another order with that key is refused.
    const open = (
      await admin.client.data(SAVE_PROMO, { i: { name: 'Open', action: 'PERCENT_DISCOUNT', actionValue: 5, requiresCoupon: true } })
    ).savePromotion;
    await admin.client.data(GENERATE, { i: { promotionId: open.id, code: 'OPEN-DOOR', count: 1 } });
    const k = key();
    const input = { ...basket(), code: 'OPEN-DOOR', orderReference: 'ORD-1', idempotencyKey: k };
    const first = (await admin.client.data(REDEEM, { i: input })).redeemCoupon;
    const again = (await admin.client.data(REDEEM, { i: input })).redeemCoupon;
    expect(again).toEqual(first);
    expect(first.discountMinor).toBe(500);
    const other = await admin.client.request(REDEEM, { i: { ...input, orderReference: 'ORD-2' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('refuses hostile promotion and coupon input with coded errors', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      [SAVE_PROMO, { i: { name: 'x', action: 'PERCENT_DISCOUNT', actionValue: 150 } }],
      [SAVE_PROMO, { i: { name: '', action: 'GIFT' } }],
      [SAVE_PROMO, { i: { name: 'x', action: 'FIXED_DISCOUNT', actionValue: 100 } }],
      [SAVE_PROMO, { i: { name: 'x', action: 'GIFT', startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' } }],
      [GENERATE, { i: { promotionId: randomUUID(), count: 1 } }],
      [GENERATE, { i: { promotionId: 'nope', count: 1 } }],
      [GENERATE, { i: { promotionId: randomUUID(), count: 1_000_000 } }],
      [REDEEM, { i: { ...basket(), code: 'NO-SUCH', orderReference: 'X', idempotencyKey: key() } }],
      [REDEEM, { i: { ...basket({ lines: [{ amountMinor: -5 }] }), code: 'OPEN-DOOR', orderReference: 'X', idempotencyKey: key() } }],
      [REDEEM, { i: { ...basket({ lines: [] }), code: 'OPEN-DOOR', orderReference: 'X', idempotencyKey: key() } }],
      [REDEEM, { i: { ...basket({ customerId: 'zzz' }), code: 'OPEN-DOOR', orderReference: 'X', idempotencyKey: key() } }],
      [REDEEM, { i: { ...basket(), code: '\u202e\u0007', orderReference: 'X', idempotencyKey: key() } }],
      [EVALUATE, { b: basket({ currency: 'euro' }) }],
      [EVALUATE, { b: basket({ lines: [{ amountMinor: 1e12 }] }) }],
    ];
    for (const [q, v] of cases) {
      const r = await admin.client.request(q, v);
      expect(r.errors?.length, JSON.stringify(v)).toBeGreaterThan(0);
      expect(errorCodes(r), JSON.stringify(v)).not.toContain('INTERNAL');
    }
  });
});

describe('Loyalty metrics', () => {
  it('report coupon discounts (budget spent) and points issued, redeemed and outstanding', async () => {
    const c = await server.fixtures.customer();
    const adjust = `mutation($i: AdjustLoyaltyPointsInput!) { adjustPoints(input: $i) { id } }`;
    await admin.client.data(adjust, { i: { customerId: c.id, points: 400, reason: 'Welcome', idempotencyKey: key() } });
    await admin.client.data(adjust, { i: { customerId: c.id, points: -100, reason: 'Correction', idempotencyKey: key() } });
    const r = await admin.client.data(
      `query { metrics(names: ["loyalty.promotion_discounts", "loyalty.points_issued", "loyalty.points_liability"], from: "2026-03-01T00:00:00Z", to: "2026-03-04T00:00:00Z", interval: day, timeZone: "UTC") { metric { name } points { bucket value } } }`,
    );
    const value = (name: string) =>
      r.metrics.find((m: { metric: { name: string } }) => m.metric.name === name).points.map((p: { value: number }) => p.value);
    expect(value('loyalty.promotion_discounts')).toEqual([1_400]); // 3 × 300 budgeted + 500 open
    expect(value('loyalty.points_issued')).toEqual([400]);
    expect(value('loyalty.points_liability')).toEqual([300]);
  });
});

describe('Sweepstakes', () => {
  it('publishes a commitment before the draw, and the published proof re-run by the script gives the same winners', async () => {
    const sweep = (
      await admin.client.data(SAVE_SWEEP, {
        i: {
          name: 'Spring draw',
          rulesText: 'One entry per survey answered; free entry from the portal. No purchase necessary.',
          prize: 'Espresso machine',
          winnersCount: 3,
          startsAt: '2026-03-01T00:00:00Z',
          endsAt: '2026-04-01T00:00:00Z',
          entryEvents: ['surveys.response.submitted'],
        },
      })
    ).saveSweepstake;
    const customers = await Promise.all(Array.from({ length: 8 }, () => server.signInCustomer()));
    for (const c of customers.slice(0, 6)) {
      await surveys.publish('surveys.response.submitted', {
        responseId: randomUUID(),
        surveyId: randomUUID(),
        customerId: c.id,
        kind: 'nps',
        score: 9,
        triggerEvent: null,
        subjectId: null,
      });
    }
    await eventually(async () => {
      const [{ n }] = await server.app.dataSource.query(
        `SELECT COUNT(*)::int AS n FROM loyalty_sweepstake_entry WHERE sweepstake_id = $1`,
        [sweep.id],
      );
      return n === 6 ? true : null;
    });
    for (const c of customers.slice(5)) {
      await c.client.data(`mutation($s: ID!) { enterMySweepstake(sweepstakeId: $s) { entryId } }`, { s: sweep.id });
    }
    const again = await customers[7]!.client.data(`mutation($s: ID!) { enterMySweepstake(sweepstakeId: $s) { entryId } }`, { s: sweep.id });
    expect(again.enterMySweepstake.entryId).toBeTruthy();

    const committed = (
      await admin.client.data(`mutation($id: ID!) { commitSweepstake(id: $id) { status seedHash listHash seed } }`, { id: sweep.id })
    ).commitSweepstake;
    expect(committed).toMatchObject({ status: 'COMMITTED', seed: null });
    const before = (await server.client.data(PROOF, { id: sweep.id })).sweepstakeProof;
    expect(before).toMatchObject({ seed: null, entries: [], seedHash: committed.seedHash, listHash: committed.listHash });
    const late = await customers[0]!.client.request(`mutation($s: ID!) { enterMySweepstake(sweepstakeId: $s) { entryId } }`, {
      s: sweep.id,
    });
    expect(errorCodes(late)).toEqual(['CONFLICT']);

    const drawn = (await admin.client.data(`mutation($id: ID!) { drawSweepstake(id: $id) { status winnerEntryIds } }`, { id: sweep.id }))
      .drawSweepstake;
    expect(drawn.status).toBe('DRAWN');
    expect(drawn.winnerEntryIds).toHaveLength(3);
    const proof = (await server.client.data(PROOF, { id: sweep.id })).sweepstakeProof;
    expect(proof.entries).toHaveLength(9);
    expect(JSON.stringify(proof)).not.toMatch(new RegExp(customers.map((c) => c.id).join('|')));

    const dir = mkdtempSync(join(tmpdir(), 'proof-'));
    writeFileSync(join(dir, 'proof.json'), JSON.stringify(proof));
    const script = fileURLToPath(new URL('../scripts/verify-draw.mjs', import.meta.url));
    const out = JSON.parse(execFileSync(process.execPath, [script, join(dir, 'proof.json')], { encoding: 'utf8' }));
    expect(out).toEqual({
      seedMatchesCommitment: true,
      entryListMatchesCommitment: true,
      winners: drawn.winnerEntryIds,
      sameWinners: true,
    });
    // A tampered seed does not match the commitment.
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...proof, seed: 'f'.repeat(64) }));
    expect(() => execFileSync(process.execPath, [script, join(dir, 'bad.json')], { encoding: 'utf8' })).toThrow();

    const winnerCustomers = new Set(
      (
        await server.app.dataSource.query(`SELECT customer_id FROM loyalty_sweepstake_entry WHERE id = ANY($1)`, [drawn.winnerEntryIds])
      ).map((r: { customer_id: string }) => r.customer_id),
    );
    expect(winnerCustomers.size).toBe(3);
    const mine = (await customers[5]!.client.data(`{ myLoyalty { sweepstakes { sweepstakeName seed seedHash won } } }`)).myLoyalty
      .sweepstakes;
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ sweepstakeName: 'Spring draw', seed: proof.seed, seedHash: proof.seedHash });
  });
});

describe('Demo data', () => {
  it('seeds tiers, rules, rewards, a coupon and consistent accounts', async () => {
    const demo = await createTestServer({ plugins: [plugin], clock: createTestClock('2026-11-16T09:00:00Z') });
    try {
      await demo.app.seedDemoData({ now: new Date('2026-11-16T09:00:00Z') });
      const [counts] = await demo.app.dataSource.query(
        `SELECT (SELECT count(*)::int FROM loyalty_account) AS accounts, (SELECT count(*)::int FROM loyalty_ledger_entry) AS entries,
                (SELECT count(*)::int FROM loyalty_reward) AS rewards, (SELECT count(*)::int FROM loyalty_tier) AS tiers`,
      );
      expect(counts.accounts).toBeGreaterThan(10);
      expect(counts.entries).toBeGreaterThan(10);
      expect(counts).toMatchObject({ rewards: 3, tiers: 2 });
      const [{ customer_id }] = await demo.app.dataSource.query(`SELECT customer_id FROM loyalty_ledger_entry LIMIT 1`);
      const staff = await demo.signInStaff(['Administrator']);
      const view = (
        await staff.client.data(`query($c: ID!) { loyaltyAccount(customerId: $c) { balance ledgerConsistent } }`, { c: customer_id })
      ).loyaltyAccount;
      expect(view.ledgerConsistent).toBe(true);
    } finally {
      await demo.stop();
    }
  });
});
