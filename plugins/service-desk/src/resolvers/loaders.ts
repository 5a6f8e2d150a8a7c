import { defineServiceLoader, type GraphQLContext } from '@aftercare/core';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { CaseAttachment } from '../entities/case-attachment.entity.js';
import { CaseMessage } from '../entities/case-message.entity.js';
import type { Case } from '../entities/case.entity.js';
import type { ServiceDesk } from '../runtime.js';
import { Compensation } from '../entities/compensation.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { Team } from '../entities/team.entity.js';

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
    compensations: new DataLoader<string, Compensation[]>(async (ids) =>
      groupBy(
        ids,
        await m.getRepository(Compensation).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (r) => r.caseId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
const perRequest = new WeakMap<object, Loaders>();

/** Cases that look like duplicates of each case of a page, in one query (needs the desk's case service). */
export const duplicatesOf = defineServiceLoader<Case, Case[], ServiceDesk, GraphQLContext>(async (cases, ctx, desk) => {
  const found = await desk.cases.duplicatesOf(ctx.db.manager, [...cases]);
  return cases.map((c) => found.get(c.id) ?? []);
});

/** The DataLoaders of this request (created on first use, dropped with the request). */
export function loaders(ctx: GraphQLContext): Loaders {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}
