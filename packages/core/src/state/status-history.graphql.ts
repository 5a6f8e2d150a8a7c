import { Field, ID, ObjectType } from 'type-graphql';
import { In } from 'typeorm';
import { actorName } from '../domain/references.js';
import type { GraphQLContext } from '../graphql/context.js';
import { defineLoader, groupByKey } from '../graphql/loaders.js';
import type { StateMachine } from './state-machine.js';
import { StatusHistoryRecord } from './status-history.entity.js';

/** One state change of an object, as every plugin's `history` field shows it. */
@ObjectType('StatusChange', { description: 'One state change of an object: from which state to which, who moved it, why and when.' })
export class StatusChangeType {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => String, { nullable: true, description: 'The state before; null for the first entry (created).' })
  fromStatus: string | null;
  @Field() toStatus: string;
  @Field({ description: 'staff, customer, apiKey or system.' }) actorKind: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Who moved it: the staff user's name, the API key's name, or the customer's name for callers with core.customer.read (null otherwise).",
  })
  actor: string | null;
  @Field(() => String, { nullable: true, description: 'Why, when the mover said.' }) reason: string | null;
}

/** Every history row of the asked subjects (`<subjectType>:<id>`), oldest first, with the movers' names. */
const historyLoader = defineLoader<string, StatusChangeType[], GraphQLContext>(async (keys, ctx) => {
  const bySubject = new Map<string, string[]>();
  for (const k of keys) {
    const i = k.lastIndexOf(':');
    const list = bySubject.get(k.slice(0, i)) ?? [];
    list.push(k.slice(i + 1));
    bySubject.set(k.slice(0, i), list);
  }
  const m = ctx.db.manager;
  const rows: StatusHistoryRecord[] = [];
  for (const [subjectType, ids] of bySubject) {
    rows.push(...(await m.find(StatusHistoryRecord, { where: { subjectType, subjectId: In(ids) }, order: { at: 'ASC', seq: 'ASC' } })));
  }
  const names = await Promise.all(rows.map((r) => actorName(ctx, { kind: r.actorKind, id: r.actorId })));
  const entries = rows.map((r, i) => ({
    key: `${r.subjectType}:${r.subjectId}`,
    id: r.id,
    at: r.at,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actorKind: r.actorKind,
    actor: names[i] ?? null,
    reason: r.reason,
  }));
  return groupByKey(keys, entries, (e) => e.key).map((list) => list.map(({ key: _key, ...e }) => e));
});

/**
 * The state changes of one object, oldest first, batched over a page: what a plugin's `history`
 * field returns.
 *
 * @example
 * \@FieldResolver(() => [StatusChangeType]) history(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
 *   return statusHistory(ctx, caseMachine, c.id);
 * }
 */
export function statusHistory(ctx: GraphQLContext, machine: StateMachine<string>, subjectId: string): Promise<StatusChangeType[]> {
  return historyLoader(ctx).load(`${machine.subjectType}:${subjectId}`);
}
