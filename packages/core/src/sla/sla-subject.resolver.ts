import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import type { SlaSubjectInfo } from '../plugin/contributions.js';
import { DueSlaClockType, OpenSlaRequestsType } from './sla.types.js';

/**
 * The request's loader for one subject type: every id the request asks about goes to the plugin's
 * `describe` in one call. Unknown types (no enabled plugin describes them) resolve to null.
 */
function describeLoader(ctx: GraphQLContext, subjectType: string) {
  return ctx.loaders.get<string, SlaSubjectInfo | null>(`sla-subject:${subjectType}`, async (ids) => {
    const source = ctx.registries.slaSubjects.get(subjectType);
    if (!source) return ids.map(() => null);
    const found = await source.describe({ manager: ctx.db.manager, ids });
    return ids.map((id) => found.get(id) ?? null);
  });
}

interface CountRow {
  subject_type: string;
  open: string;
  paused: string;
  breached: string;
  at_risk: string;
}

/** Names and links of SLA subjects (from the plugins' `slaSubjects` contributions) and the open-request counts. */
@Resolver(() => DueSlaClockType)
export class SlaSubjectResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the request is about, e.g. the case subject; null when no enabled plugin describes it.',
  })
  async subjectLabel(@Root() clock: DueSlaClockType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return (await describeLoader(ctx, clock.subjectType).load(clock.subjectId))?.label ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The request\'s number, e.g. "SD-1042"; null when no enabled plugin describes it.',
  })
  async subjectReference(@Root() clock: DueSlaClockType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return (await describeLoader(ctx, clock.subjectType).load(clock.subjectId))?.reference ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Console path of the request's page; null when it has none." })
  async adminPath(@Root() clock: DueSlaClockType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return (await describeLoader(ctx, clock.subjectType).load(clock.subjectId))?.adminPath ?? null;
  }

  @Authorized('core.sla.read')
  @Query(() => [OpenSlaRequestsType], {
    description:
      'Open requests with an SLA clock per subject type, with how many are breached or at risk; every type an enabled plugin describes is listed, even with none open.',
  })
  async openSlaRequests(@Ctx() ctx: GraphQLContext): Promise<OpenSlaRequestsType[]> {
    // "At risk" is what the SLA alert job decided: a warning was published for the target's current
    // due date (the warning lead is in business minutes, which SQL cannot count), and it is not past due.
    const warned = (target: string, column: string) =>
      `(${column}_status = 'running' AND ${column}_due_at > now() AND alerts->'${target}'->>'warned' IS NOT NULL AND (alerts->'${target}'->>'warned')::timestamptz = ${column}_due_at)`;
    const rows: CountRow[] = await ctx.db.manager.query(
      `SELECT subject_type,
              count(*) AS open,
              count(*) FILTER (WHERE paused) AS paused,
              count(*) FILTER (WHERE next_due_at <= now()) AS breached,
              count(*) FILTER (WHERE (next_due_at IS NULL OR next_due_at > now())
                AND (${warned('firstResponse', 'first_response')} OR ${warned('nextResponse', 'next_response')} OR ${warned('resolution', 'resolution')})) AS at_risk
         FROM sla_clock
        WHERE NOT closed
        GROUP BY subject_type`,
    );
    const counts = new Map(rows.map((r) => [r.subject_type, r]));
    const described = ctx.registries.slaSubjects.values();
    const types = [...new Set([...described.map((s) => s.subjectType), ...counts.keys()])];
    return types
      .map((subjectType) => {
        const source = ctx.registries.slaSubjects.get(subjectType);
        const c = counts.get(subjectType);
        return {
          subjectType,
          label: source?.label ?? null,
          listPath: source?.listPath ?? null,
          open: Number(c?.open ?? 0),
          paused: Number(c?.paused ?? 0),
          breached: Number(c?.breached ?? 0),
          atRisk: Number(c?.at_risk ?? 0),
        };
      })
      .sort((a, b) => b.open - a.open || a.subjectType.localeCompare(b.subjectType));
  }
}
