import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hasPermission } from '../access/actor.js';
import { CUSTOMER } from '../access/policy.js';
import { Customer } from '../entities/customer.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Page } from '../graphql/pagination.js';
import { auditCustomerReads } from './customer.service.js';
import { Consent, CreateCustomerInput, CustomerPage, CustomersArgs, SetConsentArgs, UpdateCustomerInput } from './domain.types.js';
import { purchasesByCustomerLoader } from './loaders.js';
import { validId } from '../graphql/ids.js';

/** NOT_FOUND for ids that are not UUIDs (they cannot exist), before they reach the database. */
export function checkId(id: string, entity: string): void {
  validId(entity, id);
}

/** A customer may act only on themselves: others' ids are NOT_FOUND, as if they did not exist. */
export function checkOwnCustomer(ctx: GraphQLContext, customerId: string): void {
  if (ctx.actor.kind === 'customer' && ctx.actor.customerId !== customerId) throw new NotFoundError('Customer', customerId);
}

/** Customers: search, read (audited for staff), create, update, consents. */
@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized('core.customer.read')
  @Query(() => CustomerPage, { description: 'Customers by name; `search` matches part of a name, e-mail, company or phone. Audited.' })
  customers(@Args() args: CustomersArgs, @Ctx() ctx: GraphQLContext): Promise<Page<Customer>> {
    return ctx.db.transaction(async (m) => {
      const page = await ctx.domain.customers.search(m, args);
      await auditCustomerReads(
        m,
        ctx.actor,
        page.items.map((c) => c.id),
        'customers',
      );
      return page;
    });
  }

  @Authorized('core.customer.read', CUSTOMER)
  @Query(() => Customer, { description: 'A customer. Customers see only themselves; staff reads are audited.' })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    checkId(id, 'Customer');
    return ctx.identity.customer(ctx.actor, id);
  }

  @Authorized('core.customer.manage')
  @Mutation(() => Customer, { description: 'Publishes core.customer.created.' })
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    return ctx.db.transaction((m) => ctx.domain.customers.create(m, input, 'staff'));
  }

  @Authorized('core.customer.manage')
  @Mutation(() => Customer, { description: 'Change a customer; absent fields keep their value.' })
  updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCustomerInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version you read; fails with CONFLICT if someone saved in between.',
    })
    expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Customer> {
    checkId(id, 'Customer');
    return ctx.domain.customers.update(id, input, expectedVersion ?? null);
  }

  @Authorized('core.customer.manage', CUSTOMER)
  @Mutation(() => Customer, { description: 'Give or withdraw a consent. Customers change only their own (source portal).' })
  setCustomerConsent(@Args() { customerId, kind, granted, source }: SetConsentArgs, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    checkOwnCustomer(ctx, customerId);
    const from = ctx.actor.kind === 'customer' ? 'portal' : (source ?? 'staff');
    return ctx.domain.customers.setConsent(customerId, kind, granted, from);
  }

  @FieldResolver(() => Consent)
  marketingConsent(@Root() c: Customer): Consent {
    return { granted: c.marketingConsent, at: c.marketingConsentAt, source: c.marketingConsentSource };
  }

  @FieldResolver(() => Consent)
  surveyConsent(@Root() c: Customer): Consent {
    return { granted: c.surveyConsent, at: c.surveyConsentAt, source: c.surveyConsentSource };
  }

  @FieldResolver(() => [Purchase], { description: 'The newest 100 purchases; page through all with purchases(filter).' })
  purchases(@Root() c: Customer, @Ctx() ctx: GraphQLContext): Promise<Purchase[]> {
    if (ctx.actor.kind !== 'customer' && !hasPermission(ctx, 'core.purchase.read'))
      throw new ForbiddenError("Reading a customer's purchases needs the permission 'core.purchase.read'.", {
        permission: 'core.purchase.read',
      });
    return purchasesByCustomerLoader(ctx).load(c.id);
  }
}
