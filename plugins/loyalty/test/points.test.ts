import { randomUUID } from 'node:crypto';
import {
  createTestClock,
  createTestServer,
  errorCodes,
  eventually,
  schemaDrift,
  type TestServer,
  type TestSession,
} from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { DAY, publisher } from './helpers.js';

const ACCOUNT = `query($c: ID!) { loyaltyAccount(customerId: $c) { balance pending expiringPoints ledgerConsistent earnedInWindow downgradeAt tier { code } } }`;
const ADJUST = `mutation($i: AdjustLoyaltyPointsInput!) { adjustPoints(input: $i) { id kind points } }`;
const LEDGER = `query($c: ID!) { loyaltyLedger(customerId: $c, take: 100) { totalCount items { kind points reason sourceType lotId } } }`;
const SAVE_RULE = `mutation($i: SaveLoyaltyEarningRuleInput!) { saveEarningRule(input: $i) { id } }`;
const SAVE_TIER = `mutation($i: SaveLoyaltyTierInput!) { saveLoyaltyTier(input: $i) { id code } }`;
const SAVE_REWARD = `mutation($i: SaveLoyaltyRewardInput!) { saveReward(input: $i) { id stock } }`;
const REDEEM = `mutation($i: RedeemLoyaltyRewardInput!) { redeemReward(input: $i) { id costPoints } }`;

const clock = createTestClock('2026-03-02T09:00:00Z');
const returns = publisher('returns', ['returns.return.refunded']);
const surveys = publisher('surveys', ['surveys.response.submitted', 'surveys.detractor.detected']);
const desk = publisher('service-desk', ['service-desk.compensation.approved']);
let server: TestServer;
let admin: TestSession;

const key = () => `key-${randomUUID()}`;
const account = async (customerId: string) => (await admin.client.data(ACCOUNT, { c: customerId })).loyaltyAccount;
const adjust = (customerId: string, points: number, idempotencyKey = key()) =>
  admin.client.data(ADJUST, { i: { customerId, points, reason: 'Test', idempotencyKey } });

beforeAll(async () => {
  server = await createTestServer({
    plugins: [plugin, returns.plugin, surveys.plugin, desk.plugin],
    clock,
    config: { jobPollSeconds: 0.5 },
  });
  admin = await server.signInStaff(['Administrator']);
});
afterAll(async () => {
  await server?.stop();
});

describe('Points ledger', () => {
  it('the migrations create exactly what the entities describe', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('same key and same amount: one movement; same key, other amount: CONFLICT naming the key', async () => {
    const c = await server.fixtures.customer();
    const k = key();
    const first = (await adjust(c.id, 100, k)).adjustPoints;
    const again = (await adjust(c.id, 100, k)).adjustPoints;
    expect(again.id).toBe(first.id);
    expect(
      (await admin.client.data(`query($c: ID!) { loyaltyBalance(customerId: $c) { balance pending } }`, { c: c.id })).loyaltyBalance,
    ).toEqual({
      balance: 100,
      pending: 0,
    });
    const other = await admin.client.request(ADJUST, { i: { customerId: c.id, points: 90, reason: 'Test', idempotencyKey: k } });
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    expect(other.errors?.[0]?.extensions?.field).toBe('idempotencyKey');
    expect((await account(c.id)).balance).toBe(100);
  });

  it('20 concurrent redemptions never take the balance below zero', async () => {
    const c = await server.fixtures.customer();
    await adjust(c.id, 100);
    const reward = (await admin.client.data(SAVE_REWARD, { i: { name: 'Mug', kind: 'GIFT', costPoints: 10 } })).saveReward;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin.client.request(REDEEM, { i: { customerId: c.id, rewardId: reward.id, idempotencyKey: key() } }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(10);
    expect(results.filter((r) => r.errors).every((r) => errorCodes(r)[0] === 'CONFLICT')).toBe(true);
    const a = await account(c.id);
    expect(a.balance).toBe(0);
    expect(a.ledgerConsistent).toBe(true);
  });

  it('reward stock and per-customer limits hold', async () => {
    const c = await server.fixtures.customer();
    await adjust(c.id, 1000);
    const reward = (
      await admin.client.data(SAVE_REWARD, {
        i: { name: 'Voucher', kind: 'STORE_CREDIT', valueMinor: 500, costPoints: 50, stock: 3, perCustomerLimit: 2 },
      })
    ).saveReward;
    await admin.client.data(REDEEM, { i: { customerId: c.id, rewardId: reward.id, idempotencyKey: key() } });
    await admin.client.data(REDEEM, { i: { customerId: c.id, rewardId: reward.id, idempotencyKey: key() } });
    const third = await admin.client.request(REDEEM, { i: { customerId: c.id, rewardId: reward.id, idempotencyKey: key() } });
    expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED' });
    const other = await server.fixtures.customer();
    await adjust(other.id, 1000);
    await admin.client.data(REDEEM, { i: { customerId: other.id, rewardId: reward.id, idempotencyKey: key() } });
    const outOfStock = await admin.client.request(REDEEM, { i: { customerId: other.id, rewardId: reward.id, idempotencyKey: key() } });
    expect(outOfStock.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUT_OF_STOCK' });
    expect((await account(c.id)).balance).toBe(900);
  });

  it('purchase points stay pending until the end of the withdrawal period, then unlock on that day; a refunded return cancels them', async () => {
    await admin.client.data(SAVE_RULE, { i: { name: 'Purchase points', trigger: 'PURCHASE', pointsPerUnit: 1 } });
    const c = await server.fixtures.customer();
    const now = clock.now();
    const bought = await server.fixtures.purchase({
      customerId: c.id,
      priceMinor: 12_000,
      purchasedAt: now.toISOString(),
      deliveredAt: now.toISOString(),
    });
    const pending = await eventually(async () => {
      const a = await account(c.id);
      return a.pending === 120 ? a : null;
    });
    expect(pending.balance).toBe(0);
    await server.advanceClock(13 * DAY + 23 * 3_600_000);
    expect((await account(c.id)).balance).toBe(0);
    await server.advanceClock(3_600_000);
    expect(await account(c.id)).toMatchObject({ balance: 120, pending: 0 });

    // A second purchase, returned and refunded within its withdrawal period: its points never count.
    const second = await server.fixtures.purchase({
      customerId: c.id,
      priceMinor: 5_000,
      purchasedAt: clock.now().toISOString(),
      deliveredAt: clock.now().toISOString(),
    });
    await eventually(async () => ((await account(c.id)).pending === 50 ? true : null));
    await returns.publish('returns.return.refunded', {
      returnId: randomUUID(),
      reference: 'RMA-1',
      customerId: c.id,
      purchaseId: second.id,
      refundId: randomUUID(),
      amountMinor: 5_000,
      currency: 'EUR',
      method: 'original',
      lines: [],
    });
    await eventually(async () => ((await account(c.id)).pending === 0 ? true : null));
    await server.advanceClock(15 * DAY);
    expect(await account(c.id)).toMatchObject({ balance: 120, pending: 0, ledgerConsistent: true });

    // The first purchase refunded after its points were spent: the balance goes negative (policy "allow").
    await adjust(c.id, -100);
    const refundId = randomUUID();
    const refund = {
      returnId: randomUUID(),
      reference: 'RMA-2',
      customerId: c.id,
      purchaseId: bought.id,
      refundId,
      amountMinor: 12_000,
      currency: 'EUR',
      method: 'original',
      lines: [],
    };
    await returns.publish('returns.return.refunded', refund);
    await returns.publish('returns.return.refunded', refund);
    await eventually(async () => ((await account(c.id)).balance === -100 ? true : null));
    const ledger = (await admin.client.data(LEDGER, { c: c.id })).loyaltyLedger.items;
    expect(ledger.filter((e: { kind: string }) => e.kind === 'REVERSE')).toHaveLength(2);
  });

  it('redemptions consume the oldest points first, and expiry takes only what is left of each earning', async () => {
    const c = await server.fixtures.customer();
    await adjust(c.id, 100); // expires in 24 months
    await server.advanceClock(365 * DAY);
    await adjust(c.id, 50);
    await adjust(c.id, -120); // 100 from the first earning, 20 from the second
    await server.advanceClock(366 * DAY); // the first earning's expiry has passed
    await server.app.servicesOf(plugin).points.runDaily();
    expect(await account(c.id)).toMatchObject({ balance: 30, ledgerConsistent: true });
    await server.advanceClock(366 * DAY);
    const run = await server.app.servicesOf(plugin).points.runDaily();
    expect(run.expiredPoints).toBeGreaterThanOrEqual(30);
    expect((await account(c.id)).balance).toBe(0);
    const ledger = (await admin.client.data(LEDGER, { c: c.id })).loyaltyLedger.items;
    expect(ledger.filter((e: { kind: string }) => e.kind === 'EXPIRE').map((e: { points: number }) => e.points)).toEqual([-30]);
  });

  it('tiers go up at once and down only after the grace period', async () => {
    await admin.client.data(SAVE_TIER, { i: { code: 'SILVER', name: 'Silver', thresholdPoints: 100 } });
    await admin.client.data(SAVE_TIER, { i: { code: 'GOLD', name: 'Gold', thresholdPoints: 300, multiplierPercent: 100 } });
    await admin.client.data(SAVE_RULE, { i: { name: 'Survey answered', trigger: 'SURVEY', fixedPoints: 150 } });
    const c = await server.fixtures.customer();
    const answer = () =>
      surveys.publish('surveys.response.submitted', {
        responseId: randomUUID(),
        surveyId: randomUUID(),
        customerId: c.id,
        kind: 'csat',
        score: 5,
        triggerEvent: null,
        subjectId: null,
      });
    await answer();
    await eventually(async () => ((await account(c.id)).tier?.code === 'SILVER' ? true : null));
    await answer();
    await eventually(async () => ((await account(c.id)).tier?.code === 'GOLD' ? true : null));
    await server.advanceClock(366 * DAY);
    await server.app.servicesOf(plugin).points.runDaily();
    const graced = await account(c.id);
    expect(graced.tier.code).toBe('GOLD');
    expect(graced.downgradeAt).not.toBeNull();
    await server.advanceClock(31 * DAY);
    await server.app.servicesOf(plugin).points.runDaily();
    expect((await account(c.id)).tier).toBeNull();
    const events: Array<{ payload: { from: string | null; to: string | null } }> = await server.app.dataSource.query(
      `SELECT payload FROM event_outbox WHERE type = 'loyalty.tier.changed' AND aggregate_id = $1 ORDER BY occurred_at, id`,
      [c.id],
    );
    expect(events.map((e) => [e.payload.from, e.payload.to])).toEqual([
      [null, 'SILVER'],
      ['SILVER', 'GOLD'],
      ['GOLD', null],
    ]);
  });

  it('an approved store-credit compensation is credited exactly once and shows in the customer’s portal balance', async () => {
    const customer = await server.signInCustomer();
    const id = customer.id;
    const approved = {
      compensationId: randomUUID(),
      caseId: randomUUID(),
      customerId: id,
      type: 'store_credit',
      valueMinor: 2500,
      currency: 'EUR',
      approvedBy: null,
    };
    await desk.publish('service-desk.compensation.approved', approved);
    await desk.publish('service-desk.compensation.approved', approved);
    await desk.publish('service-desk.compensation.approved', { ...approved, compensationId: randomUUID(), type: 'refund' });
    const mine = await eventually(async () => {
      const r = (await customer.client.data(`{ myLoyalty { balance history { kind points reason } } }`)).myLoyalty;
      return r.balance > 0 ? r : null;
    });
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await customer.client.data(`{ myLoyalty { balance history { kind points } } }`)).myLoyalty;
    expect(mine.balance).toBe(2500);
    expect(after.balance).toBe(2500);
    expect(after.history).toHaveLength(1);
  });

  it('refuses hostile input with coded errors naming the field and changes nothing', async () => {
    const c = await server.fixtures.customer();
    const bad = [
      { customerId: c.id, points: 0, reason: 'x', idempotencyKey: key() },
      { customerId: c.id, points: 2 ** 31, reason: 'x', idempotencyKey: key() },
      { customerId: c.id, points: -5, reason: 'x', idempotencyKey: key() },
      { customerId: 'not-a-uuid', points: 5, reason: 'x', idempotencyKey: key() },
      { customerId: randomUUID(), points: 5, reason: 'x', idempotencyKey: key() },
      { customerId: c.id, points: 5, reason: 'bad\u0000reason', idempotencyKey: key() },
      { customerId: c.id, points: 5, reason: '   ', idempotencyKey: key() },
      { customerId: c.id, points: 5, reason: 'x', idempotencyKey: 'short' },
      { customerId: c.id, points: 5.5, reason: 'x', idempotencyKey: key() },
    ];
    for (const i of bad) {
      const r = await admin.client.request(ADJUST, { i });
      expect(r.errors?.length, JSON.stringify(i)).toBeGreaterThan(0);
      expect(errorCodes(r)).not.toContain('INTERNAL');
    }
    expect((await account(c.id)).balance).toBe(0);
    const rule = await admin.client.request(SAVE_RULE, {
      i: { name: 'Broken', trigger: 'PURCHASE', validFrom: '2026-05-01T00:00:00Z', validTo: '2026-04-01T00:00:00Z' },
    });
    expect(rule.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    const reward = await admin.client.request(SAVE_REWARD, { i: { name: 'Bad', kind: 'PERCENT_DISCOUNT', costPoints: 10 } });
    expect(errorCodes(reward)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('Customer isolation', () => {
  it('a customer sees and spends only their own points; staff operations are refused', async () => {
    const a = await server.signInCustomer();
    const b = await server.signInCustomer();
    const idA = a.id;
    const idB = b.id;
    await adjust(idA, 500);
    const reward = (await admin.client.data(SAVE_REWARD, { i: { name: 'Free labour', kind: 'FREE_SERVICE', costPoints: 200 } })).saveReward;
    expect((await a.client.data(`{ myLoyalty { balance } }`)).myLoyalty.balance).toBe(500);
    expect((await b.client.data(`{ myLoyalty { balance history { id } } }`)).myLoyalty).toEqual({ balance: 0, history: [] });
    const denied = await b.client.request(`mutation($i: RedeemMyLoyaltyRewardInput!) { redeemMyReward(input: $i) { id } }`, {
      i: { rewardId: reward.id, idempotencyKey: key() },
    });
    expect(errorCodes(denied)).toEqual(['CONFLICT']);
    const k = key();
    const mine = await a.client.data(
      `mutation($i: RedeemMyLoyaltyRewardInput!) { redeemMyReward(input: $i) { id rewardName costPoints } }`,
      {
        i: { rewardId: reward.id, idempotencyKey: k },
      },
    );
    expect(mine.redeemMyReward).toMatchObject({ rewardName: 'Free labour', costPoints: 200 });
    // B reusing A's key is B's own request: it does not return A's redemption.
    const reuse = await b.client.request(`mutation($i: RedeemMyLoyaltyRewardInput!) { redeemMyReward(input: $i) { id } }`, {
      i: { rewardId: reward.id, idempotencyKey: k },
    });
    expect(errorCodes(reuse)).toEqual(['CONFLICT']);
    expect(
      (await a.client.data(`{ myRewards { redemptions { rewardName } rewards { name affordable } } }`)).myRewards.redemptions,
    ).toHaveLength(1);
    expect((await b.client.data(`{ myRewards { redemptions { rewardName } } }`)).myRewards.redemptions).toHaveLength(0);
    for (const q of [
      `query { loyaltyAccount(customerId: "${idA}") { balance } }`,
      `query { loyaltyLedger(customerId: "${idA}") { totalCount } }`,
    ]) {
      expect(errorCodes(await b.client.request(q))).toEqual(['FORBIDDEN']);
    }
    expect((await account(idA)).balance).toBe(300);
    expect((await account(idB)).balance).toBe(0);
  });
});
