import {
  AuditEvent,
  actorRef,
  computeSlaClock,
  currentRequest,
  Customer,
  evaluateAt,
  Purchase,
  type GraphQLContext,
  SlaClockRecord,
  StaffUser,
  toCalendar,
} from '@aftercare/core';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { CaseAttachment } from '../entities/case-attachment.entity.js';
import { CaseMessage } from '../entities/case-message.entity.js';
import { Case } from '../entities/case.entity.js';
import { CaseStatusChange } from '../entities/case-status-change.entity.js';
import { Compensation } from '../entities/compensation.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { Team } from '../entities/team.entity.js';
import { serviceDesk } from '../runtime.js';
import { caseSubject } from '../services/deps.js';

/** An SLA clock as the Case type shows it (core's SlaClock type). */
export interface SlaClockValue {
  policyName: string;
  paused: boolean;
  closed: boolean;
  firstResponse: unknown;
  nextResponse: unknown;
  resolution: unknown;
}

function byKey<K, V>(keys: readonly K[], rows: V[], key: (v: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupBy<K, V>(keys: readonly K[], rows: V[], key: (v: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(key(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
}

function createLoaders(ctx: GraphQLContext) {
  const m = ctx.db.manager;
  return {
    /** Customers of cases. Staff reads of personal data are audited: one entry per customer read. */
    customer: new DataLoader<string, Customer | null>(async (ids) => {
      const rows = await m.getRepository(Customer).findBy({ id: In([...ids]) });
      if (rows.length && ctx.actor.kind !== 'customer') {
        const ref = actorRef(ctx.actor);
        const req = currentRequest();
        await m.getRepository(AuditEvent).insert(
          rows.map((c) => ({
            actorKind: ref.kind,
            actorId: ref.id,
            actorDisplay: ref.display,
            action: 'customer.read',
            objectType: 'Customer',
            objectId: c.id,
            changes: null,
            metadata: { via: 'service-desk.case' },
            requestId: req?.requestId ?? null,
            ip: req?.ip ?? null,
          })),
        );
      }
      return byKey(ids, rows, (r) => r.id);
    }),
    purchase: new DataLoader<string, Purchase | null>(async (ids) =>
      byKey(ids, await m.getRepository(Purchase).findBy({ id: In([...ids]) }), (r) => r.id),
    ),
    staff: new DataLoader<string, StaffUser | null>(async (ids) =>
      byKey(ids, await m.getRepository(StaffUser).findBy({ id: In([...ids]) }), (r) => r.id),
    ),
    team: new DataLoader<string, Team | null>(async (ids) =>
      byKey(ids, await m.getRepository(Team).findBy({ id: In([...ids]) }), (r) => r.id),
    ),
    teamMembers: new DataLoader<string, TeamMember[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(TeamMember).find({ where: { teamId: In([...ids]) }, order: { joinedAt: 'ASC' } }),
        (r) => r.teamId,
      ),
    ),
    messages: new DataLoader<string, CaseMessage[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(CaseMessage).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (r) => r.caseId,
      ),
    ),
    attachments: new DataLoader<string, CaseAttachment[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(CaseAttachment).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (r) => r.caseId,
      ),
    ),
    statusChanges: new DataLoader<string, CaseStatusChange[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(CaseStatusChange).find({ where: { caseId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } }),
        (r) => r.caseId,
      ),
    ),
    compensations: new DataLoader<string, Compensation[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(Compensation).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (r) => r.caseId,
      ),
    ),
    duplicates: new DataLoader<Case, Case[], string>(
      async (cases) => {
        const found = await serviceDesk().cases.duplicatesOf(m, [...cases]);
        return cases.map((c) => found.get(c.id) ?? []);
      },
      { cacheKeyFn: (c) => c.id },
    ),
    /** SLA clocks of cases, evaluated now, in one query for a whole page. */
    sla: new DataLoader<string, SlaClockValue | null>(async (ids) => {
      const clocks = await m.getRepository(SlaClockRecord).find({
        where: { subjectType: caseSubject('').subjectType, subjectId: In([...ids]) },
        relations: { policy: { calendar: true } },
      });
      const now = serviceDesk().deps.now();
      return byKey(
        ids,
        clocks.map((k) => {
          const events = k.events.map((e) => ({ type: e.type, at: new Date(e.at) }));
          const last = events.at(-1)?.at ?? now;
          const asOf = last > now ? last : now;
          const targets = {
            ...(k.policy.firstResponseMinutes != null ? { firstResponse: k.policy.firstResponseMinutes } : {}),
            ...(k.policy.nextResponseMinutes != null ? { nextResponse: k.policy.nextResponseMinutes } : {}),
            ...(k.policy.resolutionMinutes != null ? { resolution: k.policy.resolutionMinutes } : {}),
          };
          const state = computeSlaClock(toCalendar(k.policy.calendar), targets, events, asOf);
          const evaluated = evaluateAt(
            state,
            asOf,
            k.policy.warningLeadMinutes != null ? { warningLeadMinutes: k.policy.warningLeadMinutes } : {},
          );
          const target = (kind: keyof typeof evaluated) => ({
            ...evaluated[kind],
            metAt: state.targets[kind].metAt,
            breachedAt: state.targets[kind].breachedAt,
          });
          return {
            subjectId: k.subjectId,
            policyName: k.policy.name,
            paused: k.paused,
            closed: k.closed,
            firstResponse: target('firstResponse'),
            nextResponse: target('nextResponse'),
            resolution: target('resolution'),
          };
        }),
        (v) => v.subjectId,
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
const perRequest = new WeakMap<object, Loaders>();

/** The DataLoaders of this request (created on first use, dropped with the request). */
export function loaders(ctx: GraphQLContext): Loaders {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}
