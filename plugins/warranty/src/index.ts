import { ANONYMOUS, definePlugin, purchaseCreated } from '@aftercare/core';
import { entities } from './entities/index.js';
import { claimOpenedFromReturn, events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { Warranty } from './runtime.js';
import { claimSlaSubjects, repairSlaSubjects, warrantyPrivacy, warrantyTimeline } from './services/contributions.js';
import { warrantyDemo } from './services/demo.js';
import { warrantyMetrics } from './services/metrics.service.js';
import { settingsSchema } from './settings.js';

/** The warranty plugin. */
export function createWarrantyPlugin() {
  return definePlugin({
    name: 'warranty',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description:
      'Warranty coverage and entitlement, registrations, extended warranties, claims, repair orders, technicians and spare parts.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    services: (ctx) =>
      new Warranty({
        db: ctx.db,
        sla: ctx.sla,
        states: ctx.states,
        audit: ctx.audit,
        events: ctx.events,
        jobs: ctx.jobs,
        notify: ctx.notify,
        settings: ctx.settings,
        logger: ctx.logger,
        now: () => ctx.clock.now(),
      }),
    setup(ctx, w) {
      ctx.notify.defineTemplate('claim-received', {
        en: {
          subject: 'We received your warranty claim {{reference}}',
          text: 'Hello {{name}},\n\nwe received your warranty claim {{reference}} and will review it shortly.',
        },
        es: {
          subject: 'Hemos recibido su reclamación de garantía {{reference}}',
          text: 'Hola {{name}}:\n\nhemos recibido su reclamación de garantía {{reference}} y la revisaremos en breve.',
        },
      });
      ctx.notify.defineTemplate('warranty-expiring', {
        en: {
          subject: 'Your warranty ends on {{lastDay}}',
          text: 'Hello {{name}},\n\nyour warranty covers your item until {{lastDay}}. Ask us about an extended warranty.',
        },
        es: {
          subject: 'Su garantía termina el {{lastDay}}',
          text: 'Hola {{name}}:\n\nsu garantía cubre el artículo hasta el {{lastDay}}. Pregúntenos por una garantía ampliada.',
        },
      });
      ctx.notify.defineTemplate('repair-estimate', {
        en: {
          subject: 'Estimate for repair {{reference}}: {{amount}} {{currency}}',
          text: 'Hello {{name}},\n\nthe repair {{reference}} will cost {{amount}} {{currency}}. Accept or decline it in your portal; we start only after you accept.',
        },
        es: {
          subject: 'Presupuesto de la reparación {{reference}}: {{amount}} {{currency}}',
          text: 'Hola {{name}}:\n\nla reparación {{reference}} costará {{amount}} {{currency}}. Acéptelo o rechácelo en su portal; empezamos solo cuando lo acepte.',
        },
      });
      // Every purchase gets its commercial registration automatically (idempotent per purchase).
      ctx.subscribe(purchaseCreated, 'auto-register', async (event, { manager }) => {
        await w.registrations.fromPurchase(manager, event.payload.purchaseId);
      });
      // A return line that points to a defect becomes a warranty claim (repair or replacement first,
      // EU 2019/771); the returns plugin links its line to the claim from the event published back.
      ctx.subscribe('returns.line.nonconformity-reported', 'claim-from-return', async (event, { manager }) => {
        const p = event.payload as { returnId: string; returnLineId: string; customerId: string; purchaseId: string; reason: string };
        const marker = `[return line ${p.returnLineId}]`;
        const [existing] = await manager.query(`SELECT id FROM warranty_claim WHERE purchase_id = $1 AND position($2 in description) > 0`, [
          p.purchaseId,
          marker,
        ]);
        const claimId: string =
          existing?.id ??
          (
            await w.claims.submit(ANONYMOUS, {
              customerId: p.customerId,
              purchaseId: p.purchaseId,
              description: `Non-conformity reported on a return (reason: ${p.reason}) ${marker}`,
            })
          ).id;
        await ctx.events.publish(
          manager,
          claimOpenedFromReturn,
          { claimId, customerId: p.customerId, returnId: p.returnId, returnLineId: p.returnLineId },
          { aggregateId: claimId },
        );
      });
      ctx.defineJob('daily-expiry', async () => void (await w.registrations.runDaily()), { cron: '10 2 * * *' });
      ctx.timeline.contribute(warrantyTimeline);
      ctx.slaSubjects.contribute(claimSlaSubjects);
      ctx.slaSubjects.contribute(repairSlaSubjects);
      ctx.privacy.contribute(warrantyPrivacy);
      ctx.demo.contribute(warrantyDemo(ctx.sla));
      for (const metric of warrantyMetrics(() => ctx.settings.get())) ctx.metrics.define(metric);
    },
  });
}

export default createWarrantyPlugin();

export { Warranty } from './runtime.js';
export { settingsSchema, type WarrantySettings, type Jurisdiction } from './settings.js';
export * from './events.js';
export { P as WARRANTY_PERMISSIONS } from './permissions.js';
export { CLAIM_TRANSITIONS, allowedClaimTransitions, claimTransition } from './services/claim-state-machine.js';
export { computeCoverage, period, type CoverageInput, type CoverageResult, type CoverageLayer } from './services/coverage.js';
export * from './domain.js';
export * from './entities/index.js';
