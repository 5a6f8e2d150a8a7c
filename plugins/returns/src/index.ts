import { definePlugin } from '@aftercare/core';
import { In } from 'typeorm';
import { REFUND_DEADLINE_SUBJECT } from './domain.js';
import { entities } from './entities/index.js';
import { ReturnRequest } from './entities/return-request.entity.js';
import { events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { returnsDemo } from './services/demo.js';
import { returnsMetrics } from './services/metrics.js';
import { ReturnsService } from './services/returns.service.js';
import { settingsSchema } from './settings.js';

/**
 * The Returns plugin: return policies and reasons, return requests whose lines carry their legal
 * basis (withdrawal, non-conformity, commercial policy), the EU withdrawal function, receipt and
 * inspection, refunds with idempotency keys and four-eyes approval, abuse signals and metrics.
 * Enable it in aftercare.config.ts (`plugins: [..., 'returns']`).
 */
export function createReturnsPlugin() {
  return definePlugin({
    name: 'returns',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'Returns and exchanges: policies, legal basis per line, EU withdrawal function, inspection, refunds and abuse signals.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    services: (ctx) => new ReturnsService(ctx),
    setup(ctx, returns) {
      const t = (name: string, en: [string, string], es: [string, string]) =>
        ctx.notify.defineTemplate(name, { en: { subject: en[0], text: en[1] }, es: { subject: es[0], text: es[1] } });
      t(
        'request-received',
        [
          'We received your return request {{reference}}',
          'Hello {{name}},\n\nwe received your return request {{reference}} and will review it shortly.',
        ],
        [
          'Hemos recibido su solicitud de devolución {{reference}}',
          'Hola {{name}}:\n\nhemos recibido su solicitud de devolución {{reference}} y la revisaremos en breve.',
        ],
      );
      t(
        'withdrawal-acknowledgement',
        [
          'Acknowledgement of your withdrawal {{reference}}',
          'Hello {{name}},\n\nwe confirm receipt of your withdrawal from the contract on {{when}}.\n\n{{content}}\n\nWe will refund you within 14 days of your withdrawal. Keep this message.',
        ],
        [
          'Acuse de recibo de su desistimiento {{reference}}',
          'Hola {{name}}:\n\nconfirmamos la recepción de su desistimiento del contrato el {{when}}.\n\n{{content}}\n\nLe reembolsaremos en un plazo de 14 días desde su desistimiento. Conserve este mensaje.',
        ],
      );
      t(
        'request-approved',
        [
          'Your return {{reference}} is approved',
          'Hello {{name}},\n\nyour return {{reference}} is approved. Please send the item back by {{sendBackBy}} with the return slip.',
        ],
        [
          'Su devolución {{reference}} está aprobada',
          'Hola {{name}}:\n\nsu devolución {{reference}} está aprobada. Envíe el artículo antes del {{sendBackBy}} con la etiqueta de devolución.',
        ],
      );
      t(
        'item-received',
        [
          'We received the item of return {{reference}}',
          'Hello {{name}},\n\nthe item of your return {{reference}} arrived; we are inspecting it.',
        ],
        [
          'Hemos recibido el artículo de la devolución {{reference}}',
          'Hola {{name}}:\n\nha llegado el artículo de su devolución {{reference}}; lo estamos revisando.',
        ],
      );
      t(
        'refund-issued',
        [
          'Refund of {{amount}} {{currency}} for return {{reference}}',
          'Hello {{name}},\n\nwe issued {{amount}} {{currency}} for your return {{reference}}.',
        ],
        [
          'Reembolso de {{amount}} {{currency}} por la devolución {{reference}}',
          'Hola {{name}}:\n\nhemos emitido {{amount}} {{currency}} por su devolución {{reference}}.',
        ],
      );

      // The customer's whole after-sales history feeds the abuse signals, learnt from events (no reads of other plugins' tables).
      ctx.subscribe('warranty.claim.submitted', 'history-claims', async (event, { manager }) => {
        const p = event.payload as { claimId: string; customerId: string };
        await returns.noteCustomerSignal(manager, p.customerId, 'warranty_claim', p.claimId);
      });
      ctx.subscribe('service-desk.compensation.approved', 'history-compensations', async (event, { manager }) => {
        const p = event.payload as { compensationId?: string; caseId: string; customerId: string };
        await returns.noteCustomerSignal(manager, p.customerId, 'compensation', p.compensationId ?? p.caseId);
      });
      // The warranty plugin opened a claim for a non-conformity line.
      ctx.subscribe('warranty.claim.opened-from-return', 'link-claim', async (event, { manager }) => {
        const p = event.payload as { claimId: string; returnLineId: string };
        await returns.linkWarrantyClaim(manager, p.returnLineId, p.claimId);
      });

      ctx.slaSubjects.contribute({
        subjectType: REFUND_DEADLINE_SUBJECT,
        label: 'Withdrawal refunds',
        listPath: '/returns',
        async describe({ manager, ids }) {
          const rows = await manager.find(ReturnRequest, { where: { id: In([...ids]) } });
          return new Map(
            rows.map((r) => [
              r.id,
              { label: `Refund of withdrawal ${r.reference}`, reference: r.reference, adminPath: `/returns/${r.id}` },
            ]),
          );
        },
      });
      ctx.timeline.contribute({
        name: 'returns',
        async load({ manager, customerId, before, limit }) {
          const qb = manager.getRepository(ReturnRequest).createQueryBuilder('r').where('r.customer_id = :customerId', { customerId });
          if (before) qb.andWhere('r.created_at < :before', { before });
          const rows = await qb.orderBy('r.created_at', 'DESC').take(limit).getMany();
          return rows.map((r) => ({
            id: `${r.id}:requested`,
            at: r.createdAt,
            kind: r.withdrawal ? 'returns.withdrawal' : 'returns.return',
            title: `${r.withdrawal ? 'Withdrawal' : 'Return'} ${r.reference} requested`,
            summary: r.status,
            objectType: 'ReturnRequest',
            objectId: r.id,
          }));
        },
      });
      ctx.privacy.contribute({
        name: 'returns',
        export: async ({ manager, customerId }) => ({ returns: await returns.ofCustomer(manager, customerId) }),
        anonymize: async ({ manager, customerId }) => returns.anonymize(manager, customerId),
      });
      for (const metric of returnsMetrics()) ctx.metrics.define(metric);
      ctx.demo.contribute(returnsDemo);
    },
  });
}

export default createReturnsPlugin();

export { ReturnsService } from './services/returns.service.js';
export { settingsSchema, type ReturnsSettings } from './settings.js';
export * from './events.js';
export * from './domain.js';
export * from './entities/index.js';
