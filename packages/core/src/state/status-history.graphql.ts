import { Field, ID, ObjectType } from 'type-graphql';
import { In } from 'typeorm';
import { hasPermission } from '../access/actor.js';
import { auditCustomerReads } from '../domain/customer.service.js';
import { ApiKey } from '../entities/api-key.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
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

const CUSTOMER_READ = 'core.customer.read';

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
  const idsOf = (kind: string) => [...new Set(rows.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId!))];
  const names = new Map<string, string>();
  const staffIds = idsOf('staff');
  if (staffIds.length)
    for (const u of await m.find(StaffUser, { where: { id: In(staffIds) }, select: { id: true, name: true } }))
      names.set(`staff:${u.id}`, u.name);
  const keyIds = idsOf('apiKey');
  if (keyIds.length)
    for (const k of await m.find(ApiKey, { where: { id: In(keyIds) }, select: { id: true, name: true } }))
      names.set(`apiKey:${k.id}`, k.name);
  const customerIds = idsOf('customer');
  // A customer's name is personal data: only for callers who may read customers (audited), or the customer themself.
  const own = ctx.actor.kind === 'customer' ? ctx.actor.customerId : null;
  const readable = hasPermission(ctx, CUSTOMER_READ) ? customerIds : customerIds.filter((id) => id === own);
  if (readable.length) {
    for (const c of await m.find(Customer, { where: { id: In(readable) }, select: { id: true, name: true } }))
      names.set(`customer:${c.id}`, c.name);
    await auditCustomerReads(
      m,
      ctx.actor,
      readable.filter((id) => id !== own),
      'statusHistory',
    );
  }
  const entries = rows.map((r) => ({
    key: `${r.subjectType}:${r.subjectId}`,
    id: r.id,
    at: r.at,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actorKind: r.actorKind,
    actor: r.actorKind === 'system' ? null : (names.get(`${r.actorKind}:${r.actorId}`) ?? null),
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
