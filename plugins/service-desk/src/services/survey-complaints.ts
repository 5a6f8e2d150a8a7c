import { Customer, idempotent, type PluginContext } from '@aftercare/core';
import { Case } from '../entities/case.entity.js';
import type { ServiceDesk } from '../runtime.js';

/**
 * Payload of `surveys.detractor.detected`, declared here locally: plugins never import each other.
 * Ids only, no personal data.
 */
export interface DetractorDetected {
  responseId: string;
  surveyId: string;
  customerId: string;
  kind: 'csat' | 'nps' | 'ces';
  score: number;
  triggerEvent: string | null;
  subjectId: string | null;
}

const SCALE: Record<DetractorDetected['kind'], string> = { csat: 'CSAT (1–5)', nps: 'NPS (0–10)', ces: 'CES (1–7)' };

/**
 * Close the loop on unhappy customers: a detractor's survey answer opens a complaint case, with its
 * SLA, linked to the response (`source` in `service-desk.case.opened`). Runs in the delivery's
 * transaction and is keyed by the response id, so one response opens exactly one case.
 */
export function openComplaintsFromDetractors(ctx: PluginContext, desk: ServiceDesk): void {
  ctx.subscribe('surveys.detractor.detected', 'complaint-from-detractor', async (event, { manager }) => {
    const p = event.payload as DetractorDetected;
    const customer = await manager.findOneBy(Customer, { id: p.customerId });
    if (!customer) return; // erased meanwhile: nobody to answer
    await idempotent(manager, {
      scope: 'service-desk.case.from-survey',
      key: p.responseId,
      params: { responseId: p.responseId },
      find: (id) => manager.findOneBy(Case, { id }),
      run: () =>
        desk.cases.create(
          { kind: 'customer', customerId: customer.id, email: customer.email, sessionId: 'survey' },
          {
            customerId: customer.id,
            kind: 'complaint',
            channel: 'portal',
            subject: `Unhappy survey answer: ${SCALE[p.kind] ?? p.kind} score ${p.score}`,
            description:
              `The customer answered a satisfaction survey with a detractor score (${SCALE[p.kind] ?? p.kind}: ${p.score}).` +
              (p.triggerEvent ? ` The survey followed ${p.triggerEvent}${p.subjectId ? ` (${p.subjectId})` : ''}.` : '') +
              ' Contact the customer, find out what went wrong and record the follow-up on the survey response.',
            source: { type: 'surveys.response', id: p.responseId },
          },
          manager,
        ),
    });
  });
}
