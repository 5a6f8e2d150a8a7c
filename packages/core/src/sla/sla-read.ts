import { In } from 'typeorm';
import { SlaClockRecord } from '../entities/sla-clock.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { byKey, defineLoader } from '../graphql/loaders.js';
import { toCalendar } from './sla.service.js';
import { computeSlaClock, evaluateAt } from './sla-clock.js';
import type { SlaClockType } from './sla.types.js';

/** An SLA clock as `SlaClockType` shows it: every target evaluated at the server clock's now. */
const clockLoader = defineLoader<string, SlaClockType | null, GraphQLContext>(async (keys, ctx) => {
  const bySubjectType = new Map<string, string[]>();
  for (const k of keys) {
    const i = k.lastIndexOf(':');
    bySubjectType.set(k.slice(0, i), [...(bySubjectType.get(k.slice(0, i)) ?? []), k.slice(i + 1)]);
  }
  const now = ctx.clock.now();
  const out: Array<SlaClockType & { key: string }> = [];
  for (const [subjectType, ids] of bySubjectType) {
    const clocks = await ctx.db.manager.find(SlaClockRecord, {
      where: { subjectType, subjectId: In(ids) },
      relations: { policy: { calendar: true } },
    });
    for (const k of clocks) {
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
      out.push({
        key: `${subjectType}:${k.subjectId}`,
        policyName: k.policy.name,
        paused: k.paused,
        closed: k.closed,
        firstResponse: target('firstResponse'),
        nextResponse: target('nextResponse'),
        resolution: target('resolution'),
      } as SlaClockType & { key: string });
    }
  }
  return byKey(keys, out, (c) => c.key);
});

/**
 * The SLA state of one subject (targets, due dates, at risk, breached) for core's `SlaClock` type,
 * batched over a page and evaluated at the server clock's now. Plugins attach it to their types:
 *
 * @example
 * \@FieldResolver(() => SlaClockType, { nullable: true }) sla(@Root() c: Claim, @Ctx() ctx: GraphQLContext) {
 *   return slaClockOf(ctx, 'warranty.claim', c.id);
 * }
 */
export function slaClockOf(ctx: GraphQLContext, subjectType: string, subjectId: string): Promise<SlaClockType | null> {
  return clockLoader(ctx).load(`${subjectType}:${subjectId}`);
}
