import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CUSTOMER, CustomerOnly } from '../access/policy.js';
import { requireCustomer } from '../access/actor.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs, type Page } from '../graphql/pagination.js';
import { checkId } from './customer.resolver.js';
import { CreatePurchaseInput, PurchaseFilterInput, PurchasePage } from './domain.types.js';
import { customerLoader, modelLoader } from './loaders.js';
import { normalizeSerial } from './purchase.service.js';

/** Purchases: one sold item each. */
@Resolver(() => Purchase)
export class PurchaseResolver {
  @Authorized('core.purchase.read')
  @Query(() => PurchasePage, { description: 'Purchases, newest first.' })
  purchases(
    @Arg('filter', () => PurchaseFilterInput, { nullable: true }) filter: PurchaseFilterInput | null,
    @Args() { skip, take }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<Purchase>> {
    return ctx.domain.purchases.find(ctx.db.manager, filter ?? {}, skip, take);
  }

  @Authorized('core.purchase.read', CUSTOMER)
  @Query(() => Purchase, { description: 'A purchase. Customers see only their own.' })
  async purchase(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Purchase> {
    checkId(id, 'Purchase');
    const row = await ctx.db.manager.findOneBy(Purchase, { id });
    if (!row || (ctx.actor.kind === 'customer' && row.customerId !== ctx.actor.customerId)) throw new NotFoundError('Purchase', id);
    return row;
  }

  @Authorized('core.purchase.read')
  @Query(() => [Purchase], { description: 'Every purchase with this serial number (of any model), newest first.' })
  purchasesBySerial(@Arg('serialNumber') serialNumber: string, @Ctx() ctx: GraphQLContext): Promise<Purchase[]> {
    const serial = normalizeSerial(serialNumber);
    if (!serial || serial.length > 100) return Promise.resolve([]);
    return ctx.db.manager.find(Purchase, { where: { serialNumber: serial }, order: { purchasedAt: 'DESC' }, take: 100 });
  }

  @CustomerOnly()
  @Query(() => PurchasePage, { description: "The signed-in customer's purchases, newest first." })
  myPurchases(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<Purchase>> {
    return ctx.domain.purchases.find(ctx.db.manager, { customerId: requireCustomer(ctx) }, skip, take);
  }

  @Authorized('core.purchase.manage')
  @Mutation(() => Purchase, { description: 'Record a purchase; publishes core.purchase.created.' })
  createPurchase(@Arg('input') input: CreatePurchaseInput, @Ctx() ctx: GraphQLContext): Promise<Purchase> {
    return ctx.db.transaction((m) => ctx.domain.purchases.create(m, input, 'staff'));
  }

  @FieldResolver(() => ProductModel)
  async model(@Root() p: Purchase, @Ctx() ctx: GraphQLContext): Promise<ProductModel> {
    return (await modelLoader(ctx).load(p.modelId))!;
  }

  @Authorized('core.customer.read', CUSTOMER)
  @FieldResolver(() => Customer, { description: 'Needs core.customer.read (staff reads are audited).' })
  async customer(@Root() p: Purchase, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    return (await customerLoader(ctx).load(p.customerId))!;
  }
}
