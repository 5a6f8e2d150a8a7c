import { actorFromKey, type DemoSeedArgs, type SlaEventType, StatusHistoryRecord } from '@aftercare/core';
import type { CaseChannel, CaseKind, CaseStatus, CompensationType } from '../domain.js';
import { CaseMessage } from '../entities/case-message.entity.js';
import { Case } from '../entities/case.entity.js';
import { Compensation } from '../entities/compensation.entity.js';
import type { ServiceDeskSettings } from '../settings.js';
import type { CaseService } from './case.service.js';
import { caseMachine } from './case-state-machine.js';
import { caseSubject, type ServiceDeskDeps } from './deps.js';
import { triageSeverity } from './triage.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

const SUBJECTS: Record<CaseKind, Array<[string, string]>> = {
  inquiry: [
    ['How do I descale it?', 'The manual is not clear about descaling. How often and with what?'],
    ['Spare filter', 'Where can I buy a spare filter for my model?'],
    ['Warranty length', 'How long is the warranty on my purchase?'],
  ],
  complaint: [
    ['Late delivery', 'The delivery arrived five days later than promised.'],
    ['Noisy when running', 'It makes a loud rattling noise since the second week.'],
    ['Rude technician', 'The technician who came was rude and left a mess.'],
    ['Smoke from the back', 'There was smoke coming from the back of the unit yesterday.'],
  ],
  claim: [
    ['Arrived broken', 'The glass door was shattered when I opened the box. I want a replacement or a refund.'],
    ['Stopped working', 'It stopped working after three months. Please repair it or give me my money back.'],
    ['Charged twice', 'I was charged twice for the same order. Please refund the second charge.'],
  ],
};

/**
 * Demo cases on the demo customers: every kind and channel, every state, some breached SLAs, some
 * reopened, and claims with compensation approved by a second person. Written directly (no events),
 * with real SLA clocks, so the inbox, the timers and the metrics show something meaningful.
 */
export async function seedDemoCases(
  d: ServiceDeskDeps,
  cases: CaseService,
  settings: ServiceDeskSettings,
  args: DemoSeedArgs,
): Promise<number> {
  const { manager: m, random: r, now, customers, purchases } = args;
  if (!customers.length) return 0;
  const count = Math.min(60, customers.length);
  const chosen = r.shuffle(customers).slice(0, count);
  let made = 0;
  for (const customer of chosen) {
    const own = purchases.filter((p) => p.customerId === customer.id);
    const purchase = own.length && r.chance(0.8) ? r.pick(own) : null;
    const kind = r.weighted<CaseKind>([
      ['inquiry', 4],
      ['complaint', 3],
      ['claim', 3],
    ]);
    const channel = r.weighted<CaseChannel>([
      ['email', 4],
      ['portal', 3],
      ['phone', 3],
      ['chat', 1],
      ['api', 1],
    ]);
    const [subject, description] = r.pick(SUBJECTS[kind]);
    const severity = triageSeverity({ kind, subject, description, seriousKeywords: settings.seriousKeywords });
    const status = r.weighted<CaseStatus>([
      ['resolved', 5],
      ['closed', 3],
      ['open', 3],
      ['waiting_on_customer', 2],
      ['waiting_on_third_party', 1],
      ['new', 2],
    ]);
    const createdAt = r.date(new Date(now.getTime() - 45 * DAY), new Date(now.getTime() - (status === 'new' ? 0 : 1) * DAY));
    const c = await m.getRepository(Case).save(
      m.getRepository(Case).create({
        kind,
        channel,
        severity,
        status: 'new',
        subject: purchase ? `${subject} (${purchase.modelName})` : subject,
        description,
        customerId: customer.id,
        purchaseId: purchase?.id ?? null,
        createdBy: channel === 'portal' ? `customer:${customer.id}` : 'system',
        createdAt,
        updatedAt: createdAt,
      }),
    );
    const subjectRef = caseSubject(c.id);
    await d.sla.startClock(
      m,
      'service-desk',
      subjectRef,
      { kind, severity, channel, customerTier: customer.tier, productId: purchase?.productId ?? null },
      createdAt,
    );
    const history: Array<{ to: CaseStatus; at: Date }> = [];
    const messages: Array<{ kind: 'reply' | 'customer' | 'note'; body: string; at: Date }> = [];
    let at = createdAt;
    const step = (min: number, max: number) => (at = new Date(Math.min(at.getTime() + r.int(min, max) * MINUTE, now.getTime() - MINUTE)));
    const sla = (type: SlaEventType) => d.sla.record(m, subjectRef, type, at);
    if (status !== 'new') {
      // Some answers come late: those cases show a breached first response.
      if (r.chance(0.25)) step(600, 3000);
      else step(20, 300);
      messages.push({ kind: 'reply', body: `Hello ${customer.name}, thank you for your message. We are looking into it.`, at });
      await sla('agent_public_reply');
      history.push({ to: 'open', at });
      if (r.chance(0.3)) {
        step(10, 60);
        messages.push({ kind: 'note', body: 'Checked the order history; nothing unusual.', at });
      }
    }
    if (status === 'waiting_on_customer' || status === 'waiting_on_third_party') {
      step(30, 240);
      await sla('paused');
      history.push({ to: status, at });
    }
    let reopened = false;
    if (status === 'resolved' || status === 'closed') {
      step(60, 4000);
      await sla('resolved');
      history.push({ to: 'resolved', at });
      c.firstResolvedAt = at;
      if (r.chance(0.15)) {
        reopened = true;
        step(600, 4000);
        messages.push({ kind: 'customer', body: 'It happened again.', at });
        await sla('reopened');
        history.push({ to: 'open', at });
        step(60, 600);
        messages.push({ kind: 'reply', body: 'We have replaced the part; it should be fine now.', at });
        await sla('agent_public_reply');
        step(30, 600);
        await sla('resolved');
        history.push({ to: 'resolved', at });
      }
      c.resolvedAt = at;
      c.outcome = kind === 'inquiry' && r.chance(0.3) ? 'unfounded' : 'resolved';
      c.category = r.pick(settings.categories);
      c.rootCause = c.outcome === 'unfounded' ? 'customer_misunderstanding' : r.pick(settings.rootCauses);
      c.resolutionNote = 'Solved with the customer.';
      if (status === 'closed') {
        step(60, 600);
        history.push({ to: 'closed', at });
        c.closedAt = at;
      }
    }
    let previous: CaseStatus = 'new';
    // Demo history is written as it would have happened, at its past moments.
    const creator = actorFromKey(c.createdBy);
    const row = (fromStatus: CaseStatus | null, toStatus: CaseStatus, at: Date, actor = creator) => ({
      subjectType: caseMachine.subjectType,
      subjectId: c.id,
      fromStatus,
      toStatus,
      actorKind: actor.kind,
      actorId: actor.id,
      reason: null,
      at,
    });
    await m.getRepository(StatusHistoryRecord).insert(row(null, 'new', createdAt));
    for (const h of history) {
      await m.getRepository(StatusHistoryRecord).insert(row(previous, h.to, h.at, actorFromKey('system')));
      previous = h.to;
    }
    for (const msg of messages) {
      await m.getRepository(CaseMessage).insert({
        caseId: c.id,
        kind: msg.kind,
        body: msg.body,
        authorKind: msg.kind === 'customer' ? 'customer' : 'staff',
        authorId: msg.kind === 'customer' ? customer.id : null,
        authorDisplay: msg.kind === 'customer' ? customer.name : 'Customer service',
        createdAt: msg.at,
      });
    }
    c.status = previous;
    c.staffReplyCount = messages.filter((x) => x.kind === 'reply').length;
    c.firstResponseAt = messages.find((x) => x.kind === 'reply')?.at ?? null;
    c.reopenCount = reopened ? 1 : 0;
    const view = await d.sla.clock(subjectRef, m);
    if (view) cases.mirror(c, view);
    if (c.resolvedAt) c.resolutionBusinessMinutes = await cases.openMinutes(m, c.id);
    c.updatedAt = at;
    await m.getRepository(Case).save(c);
    if (kind === 'claim' && (status === 'resolved' || status === 'closed')) {
      const type = r.pick<CompensationType>(['refund', 'store_credit', 'replacement', 'gesture']);
      const value = purchase ? Math.round(purchase.priceMinor * (type === 'gesture' ? 0.1 : 1)) : r.int(1000, 20000);
      await m.getRepository(Compensation).insert({
        caseId: c.id,
        type,
        valueMinor: value,
        currency: purchase?.currency ?? 'EUR',
        description: `${type.replace('_', ' ')} for ${subject.toLowerCase()}`,
        status: 'approved',
        idempotencyKey: `demo-${c.id}`,
        proposedByKind: 'staff',
        proposedById: null,
        proposedByDisplay: 'Agent (demo)',
        decidedByKind: 'staff',
        decidedById: null,
        decidedByDisplay: 'Supervisor (demo)',
        decisionReason: 'Confirmed with photos',
        decidedAt: c.resolvedAt,
        createdAt: c.resolvedAt ?? at,
      });
    }
    made++;
  }
  return made;
}
