import { Field, ID, ObjectType } from 'type-graphql';
import { In } from 'typeorm';
import { hasPermission } from '../access/actor.js';
import { ApiKey } from '../entities/api-key.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { byKey, defineLoader } from '../graphql/loaders.js';
import { customerLoader, modelLoader } from './loaders.js';

/** The permission that lets staff and API keys see customers' personal data. */
export const CUSTOMER_READ_PERMISSION = 'core.customer.read';

/**
 * The one rule for a customer's personal data (name, e-mail, contact details) reached through any
 * object of any plugin: the customer themself, or a caller holding `core.customer.read`. Everyone
 * else gets null wherever a person would be shown.
 */
export function canReadCustomer(ctx: Pick<GraphQLContext, 'actor'>, customerId: string): boolean {
  if (ctx.actor.kind === 'customer') return ctx.actor.customerId === customerId;
  return hasPermission(ctx.actor, CUSTOMER_READ_PERMISSION);
}

/** A customer as other objects show them (claims, cases, repairs). */
@ObjectType('CustomerRef', { description: 'A customer as other objects show them. Needs core.customer.read (reads are audited).' })
export class CustomerRefType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
}

/** A product model as other objects show it. */
@ObjectType('ProductModelRef', { description: 'The product model an object is about.' })
export class ProductModelRefType {
  @Field(() => ID) id: string;
  @Field() sku: string;
  @Field() name: string;
}

/** A staff user as other objects show them (assignees, technicians). */
@ObjectType('StaffRef', { description: 'A staff user as other objects show them: an assignee, a technician.' })
export class StaffRefType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field({ description: 'False once deactivated: can no longer sign in.' }) active: boolean;
}

/**
 * The customer `customerId` for this caller: batched over a page, each staff read audited, and null
 * unless {@link canReadCustomer}. Return it from any field of type `Customer` or `CustomerRef`.
 */
export function customerRef(ctx: GraphQLContext, customerId: string | null | undefined): Promise<Customer | null> | null {
  if (!customerId || !canReadCustomer(ctx, customerId)) return null;
  return customerLoader(ctx).load(customerId);
}

/** A product model by id, batched over a page (catalogue data: no permission beyond the object's own). */
export function productModelRef(ctx: GraphQLContext, modelId: string | null | undefined): Promise<ProductModel | null> | null {
  return modelId ? modelLoader(ctx).load(modelId) : null;
}

const purchaseLoader = defineLoader<string, Purchase | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(Purchase, { id: In([...ids]) }), (r) => r.id),
);

/** A purchase by id, batched over a page. */
export function purchaseRef(ctx: GraphQLContext, purchaseId: string | null | undefined): Promise<Purchase | null> | null {
  return purchaseId ? purchaseLoader(ctx).load(purchaseId) : null;
}

const staffLoader = defineLoader<string, StaffRefType | null, GraphQLContext>(async (ids, ctx) =>
  byKey(
    ids,
    await ctx.db.manager.find(StaffUser, { where: { id: In([...ids]) }, select: { id: true, name: true, email: true, active: true } }),
    (r) => r.id,
  ),
);

/** A staff user by id, batched over a page. */
export function staffRef(ctx: GraphQLContext, staffUserId: string | null | undefined): Promise<StaffRefType | null> | null {
  return staffUserId ? staffLoader(ctx).load(staffUserId) : null;
}

const apiKeyNameLoader = defineLoader<string, string | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.find(ApiKey, { where: { id: In([...ids]) }, select: { id: true, name: true } }), (r) => r.id).map(
    (k) => k?.name ?? null,
  ),
);

/** Who did something, as stored on rows: a kind (`staff`, `customer`, `apiKey`, `system`) and an id. */
export interface ActorKey {
  kind: string;
  id: string | null;
}

/**
 * The name to show for whoever did something (a message author, a history actor): the staff user's
 * name, the API key's name, or the customer's name under {@link canReadCustomer}; null otherwise.
 */
export async function actorName(ctx: GraphQLContext, actor: ActorKey): Promise<string | null> {
  if (!actor.id) return null;
  switch (actor.kind) {
    case 'staff':
      return (await staffLoader(ctx).load(actor.id))?.name ?? null;
    case 'apiKey':
      return apiKeyNameLoader(ctx).load(actor.id);
    case 'customer':
      return (await customerRef(ctx, actor.id))?.name ?? null;
    default:
      return null;
  }
}
