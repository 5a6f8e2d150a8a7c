import { definePlugin } from '@aftercare/core';
import { loyaltyDemo } from './demo.js';
import { entities } from './entities/index.js';
import { events } from './events.js';
import { loyaltyMetrics } from './metrics.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { Loyalty } from './services/index.js';
import { settingsSchema } from './settings.js';

interface WithCustomer {
  customerId: string;
}

/**
 * The loyalty & promotions plugin: an append-only points ledger with pending, expiring and reversed
 * points, earning rules on other plugins' events, tiers, a rewards catalogue, promotions with coupons,
 * and sweepstakes with a verifiable draw. Enable it in aftercare.config.ts (`plugins: [..., 'loyalty']`).
 */
export function createLoyaltyPlugin() {
  return definePlugin({
    name: 'loyalty',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'Loyalty & promotions: points ledger, earning rules, tiers, rewards, promotions, coupons and sweepstakes.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    // Built once per server; the plugin's resolvers receive it in their constructor.
    services: (ctx) => new Loyalty(ctx),
    setup(ctx, loyalty) {
      const { points, sweepstakes } = loyalty;
      // Other plugins' events, by type string: the plugin never imports their packages. Each handler
      // writes through the delivery's manager, so its effect is recorded exactly once.
      ctx.subscribe('core.purchase.created', 'purchase-points', async (e, { manager }) => {
        const p = e.payload as { purchaseId: string };
        await points.earnForPurchase(manager, p.purchaseId);
      });
      ctx.subscribe('warranty.registration.created', 'registration-points', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { registrationId: string };
        await points.earn(manager, {
          trigger: 'registration',
          customerId: p.customerId,
          sourceType: 'registration',
          sourceId: p.registrationId,
        });
        await sweepstakes.enterFromEvent(manager, e.type, p.customerId, p.registrationId);
      });
      ctx.subscribe('surveys.response.submitted', 'survey-points', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { responseId: string };
        await points.earn(manager, { trigger: 'survey', customerId: p.customerId, sourceType: 'survey', sourceId: p.responseId });
        await sweepstakes.enterFromEvent(manager, e.type, p.customerId, p.responseId);
      });
      ctx.subscribe('service-desk.case.resolved', 'case-points', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { caseId: string };
        await points.earn(manager, { trigger: 'case_resolved', customerId: p.customerId, sourceType: 'case', sourceId: p.caseId });
      });
      ctx.subscribe('service-desk.compensation.approved', 'compensation-credit', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { compensationId: string; type: string; valueMinor: number; currency: string };
        await points.creditCompensation(manager, p);
      });
      ctx.subscribe('surveys.detractor.detected', 'detractor-goodwill', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { responseId: string };
        await points.creditGoodwill(manager, p.customerId, p.responseId);
      });
      ctx.subscribe('returns.return.refunded', 'return-reversal', async (e, { manager }) => {
        const p = e.payload as WithCustomer & { returnId: string; refundId?: string; purchaseId: string | null; amountMinor?: number };
        await points.reverseForReturn(manager, p);
      });
      ctx.demo.contribute(loyaltyDemo);
      for (const metric of loyaltyMetrics) ctx.metrics.define(metric);
      ctx.defineJob('daily', async () => void (await points.runDaily()), { cron: '20 2 * * *' });
      ctx.privacy.contribute({
        name: 'points',
        export: async ({ manager, customerId }) => ({ ledger: await points.exportOf(manager, customerId) }),
        // The ledger holds no personal data beyond the customer id, which anonymisation keeps.
        anonymize: async () => {},
      });
    },
  });
}

export default createLoyaltyPlugin();

export { Loyalty, PointsService, RewardsService, PromotionsService, SweepstakesService } from './services/index.js';
export { settingsSchema, type LoyaltySettings } from './settings.js';
export { drawWinners, entryListHash, sha256Hex } from './draw.js';
export * from './events.js';
export * from './domain.js';
export * from './entities/index.js';
