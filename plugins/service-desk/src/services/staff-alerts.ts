import { type PluginContext, slaBreached, slaWarning, type StaffNotifier } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { Case } from '../entities/case.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { caseAssigned } from '../events.js';
import { reference } from './deps.js';

/** The staff notification kinds of the service desk. */
export const STAFF_KINDS = {
  assigned: { name: 'case-assigned', description: 'A case was assigned to me', emailByDefault: true },
  teamQueue: { name: 'case-in-team-queue', description: "A new case waits unassigned in my team's queue" },
  customerReplied: { name: 'customer-replied', description: 'A customer wrote on my case', emailByDefault: true },
  slaWarning: { name: 'sla-warning', description: "A case of mine or my team's is about to miss its SLA" },
  slaBreach: { name: 'sla-breach', description: "A case of mine or my team's missed its SLA", emailByDefault: true },
} as const;

const link = (c: { id: string }) => `/service-desk/cases/${c.id}`;

async function teamMembers(m: EntityManager, teamId: string | null, onlySupervisors = false): Promise<string[]> {
  if (!teamId) return [];
  const rows = await m.getRepository(TeamMember).findBy(onlySupervisors ? { teamId, supervisor: true } : { teamId, absent: false });
  return rows.map((r) => r.staffUserId);
}

/**
 * Tell staff what concerns them: a case assigned to them, a new unassigned case in their team's
 * queue, a customer writing on their case, and SLA warnings and breaches on their cases (the
 * assignee and the team's supervisors). Each person chooses per kind whether they also get an e-mail.
 */
export function setupStaffAlerts(ctx: PluginContext<any>): { customerReplied(m: EntityManager, caseId: string): Promise<void> } {
  const notifier: StaffNotifier = ctx.staffNotifications;
  for (const kind of Object.values(STAFF_KINDS)) notifier.defineKind(kind);

  ctx.subscribe(caseAssigned, 'notify-staff-of-assignment', async (event, { manager }) => {
    const c = await manager.getRepository(Case).findOneBy({ id: event.payload.caseId });
    if (!c) return;
    if (event.payload.assigneeId) {
      await notifier.notify(manager, {
        kind: STAFF_KINDS.assigned.name,
        recipients: [event.payload.assigneeId],
        title: `${reference(c)} was assigned to you: ${c.subject}`,
        link: link(c),
      });
    } else if (event.payload.teamId && !c.assigneeId) {
      await notifier.notify(manager, {
        kind: STAFF_KINDS.teamQueue.name,
        recipients: await teamMembers(manager, event.payload.teamId),
        title: `New case ${reference(c)} in your team's queue: ${c.subject}`,
        link: link(c),
      });
    }
  });

  for (const [event, kind, word] of [
    [slaWarning, STAFF_KINDS.slaWarning, 'is about to miss'],
    [slaBreached, STAFF_KINDS.slaBreach, 'missed'],
  ] as const) {
    ctx.subscribe(event, `notify-staff-of-${kind.name}`, async (e, { manager }) => {
      if (e.payload.subjectType !== 'service-desk.case') return;
      const c = await manager.getRepository(Case).findOneBy({ id: e.payload.subjectId });
      if (!c) return;
      await notifier.notify(manager, {
        kind: kind.name,
        recipients: [c.assigneeId, ...(await teamMembers(manager, c.teamId, true))],
        title: `${reference(c)} ${word} its ${e.payload.target.replace(/_/g, ' ')} target`,
        link: link(c),
      });
    });
  }

  return {
    async customerReplied(m, caseId) {
      const c = await m.getRepository(Case).findOneBy({ id: caseId });
      if (!c) return;
      await notifier.notify(m, {
        kind: STAFF_KINDS.customerReplied.name,
        recipients: c.assigneeId ? [c.assigneeId] : await teamMembers(m, c.teamId),
        title: `The customer wrote on ${reference(c)}: ${c.subject}`,
        link: link(c),
      });
    },
  };
}
