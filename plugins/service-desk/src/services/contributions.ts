import type { PrivacyContributor, SlaSubjectSource, TimelineEntry, TimelineSource } from '@aftercare/core';
import { In } from 'typeorm';
import { CaseAttachment } from '../entities/case-attachment.entity.js';
import { CaseMessage } from '../entities/case-message.entity.js';
import { Case } from '../entities/case.entity.js';
import { Compensation } from '../entities/compensation.entity.js';
import type { AttachmentStorage } from './attachment-storage.js';

const KIND_LABEL: Record<string, string> = { inquiry: 'Inquiry', complaint: 'Complaint', claim: 'Claim' };

/**
 * The customer's cases in the unified history: one entry when a case was opened, one when it was
 * (last) resolved, and one per compensation decision.
 */
export const casesTimeline: TimelineSource = {
  name: 'cases',
  async load({ manager, customerId, before, limit }) {
    const rows: Array<{
      id: string;
      at: Date;
      kind: string;
      title: string;
      summary: string | null;
      object_type: string;
      object_id: string;
    }> = await manager.query(
      `SELECT * FROM (
           SELECT c.id || ':opened' AS id, c.created_at AS at, 'service-desk.case.opened' AS kind,
                  initcap(c.kind) || ' SD-' || c.number || ' opened: ' || c.subject AS title,
                  c.channel || ', ' || c.severity || ', now ' || replace(c.status, '_', ' ') AS summary, 'Case' AS object_type, c.id::text AS object_id
             FROM service_desk_case c WHERE c.customer_id = $1 AND c.status <> 'merged'
           UNION ALL
           SELECT c.id || ':resolved', c.resolved_at, 'service-desk.case.resolved',
                  initcap(c.kind) || ' SD-' || c.number || ' resolved', c.outcome || coalesce(', ' || c.root_cause, ''), 'Case', c.id::text
             FROM service_desk_case c WHERE c.customer_id = $1 AND c.resolved_at IS NOT NULL AND c.status IN ('resolved', 'closed')
           UNION ALL
           SELECT p.id || ':' || p.status, p.decided_at, 'service-desk.compensation.' || p.status,
                  'Compensation ' || p.status || ' on SD-' || c.number,
                  replace(p.type, '_', ' ') || ' ' || round(p.value_minor / 100.0, 2) || ' ' || p.currency, 'CaseCompensation', p.id::text
             FROM service_desk_compensation p JOIN service_desk_case c ON c.id = p.case_id
            WHERE c.customer_id = $1 AND p.decided_at IS NOT NULL
         ) e
         WHERE ($2::timestamptz IS NULL OR e.at < $2)
         ORDER BY e.at DESC, e.id
         LIMIT $3`,
      [customerId, before ?? null, limit],
    );
    return rows.map((r): TimelineEntry => ({
      id: r.id,
      at: new Date(r.at),
      kind: r.kind,
      title: r.title.replace(/^(\w+)/, (w) => KIND_LABEL[w.toLowerCase()] ?? w),
      summary: r.summary,
      objectType: r.object_type,
      objectId: r.object_id,
    }));
  },
};

const REMOVED = '[removed on request]';

/** What the service desk holds about a customer: cases, their conversation, attachments and compensation. */
export function casesPrivacy(storage: AttachmentStorage): PrivacyContributor {
  return {
    name: 'cases',
    async export({ manager, customerId }) {
      const cases = await manager.getRepository(Case).find({ where: { customerId }, order: { createdAt: 'ASC' } });
      const ids = cases.map((c) => c.id);
      const [messages, attachments, compensations] = ids.length
        ? await Promise.all([
            // Internal notes are staff working material, not the customer's data: they are left out.
            manager
              .getRepository(CaseMessage)
              .find({ where: { caseId: In(ids), kind: In(['reply', 'customer']) }, order: { createdAt: 'ASC' } }),
            manager.getRepository(CaseAttachment).find({ where: { caseId: In(ids), public: true } }),
            manager.getRepository(Compensation).find({ where: { caseId: In(ids) } }),
          ])
        : [[], [], []];
      return cases.map((c) => ({
        reference: `SD-${c.number}`,
        kind: c.kind,
        channel: c.channel,
        status: c.status,
        subject: c.subject,
        description: c.description,
        outcome: c.outcome,
        createdAt: c.createdAt.toISOString(),
        resolvedAt: c.resolvedAt?.toISOString() ?? null,
        messages: messages
          .filter((m) => m.caseId === c.id)
          .map((m) => ({ from: m.kind === 'customer' ? 'customer' : 'support', body: m.body, at: m.createdAt.toISOString() })),
        attachments: attachments
          .filter((a) => a.caseId === c.id)
          .map((a) => ({ fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, at: a.createdAt.toISOString() })),
        compensations: compensations
          .filter((p) => p.caseId === c.id)
          .map((p) => ({ type: p.type, valueMinor: p.valueMinor, currency: p.currency, status: p.status, description: p.description })),
      }));
    },
    async anonymize({ manager, customerId }) {
      const cases = await manager.getRepository(Case).find({ where: { customerId }, select: { id: true } });
      const ids = cases.map((c) => c.id);
      if (!ids.length) return;
      // Free text the customer wrote goes; kinds, states, durations, root causes and SLA results stay for statistics.
      await manager.getRepository(Case).update({ customerId }, { subject: REMOVED, description: REMOVED });
      await manager.getRepository(CaseMessage).update({ caseId: In(ids), kind: 'customer' }, { body: REMOVED });
      await manager.getRepository(CaseMessage).update({ caseId: In(ids), authorKind: 'customer' }, { authorDisplay: null });
      const files = await manager.getRepository(CaseAttachment).find({ where: { caseId: In(ids) } });
      await manager.getRepository(CaseAttachment).delete({ caseId: In(ids) });
      // Files go last: should the anonymisation roll back after this, rows without files remain, which
      // is acceptable for data the customer asked to erase.
      for (const f of files) await storage.delete(f.storageKey).catch(() => undefined);
    },
  };
}

/** Cases as SLA subjects: "SD-1042 · <subject>", linked to the case page of the console. */
export const caseSlaSubjects: SlaSubjectSource = {
  subjectType: 'service-desk.case',
  label: 'Service cases',
  listPath: '/service-desk/cases',
  async describe({ manager, ids }) {
    const rows = await manager.find(Case, { where: { id: In([...ids]) }, select: { id: true, number: true, subject: true } });
    return new Map(rows.map((c) => [c.id, { label: c.subject, reference: `SD-${c.number}`, adminPath: `/service-desk/cases/${c.id}` }]));
  },
};
