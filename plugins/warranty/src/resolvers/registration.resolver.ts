import {
  CUSTOMER,
  Customer,
  type GraphQLContext,
  ProductModel,
  NotFoundError,
  PageArgs,
  PageOf,
  type Page,
  ValidationError,
  customerRef,
  productModelRef,
  validId,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import type { CoverageAnswer } from '../services/coverage.service.js';
import { DateTime } from 'luxon';
import { contractsByRegistration, timeZoneByCustomer } from './loaders.js';
import { CoverageResultType, RegisterWarrantyInput, RegistrationFilterArgs, SellExtendedWarrantyInput } from './types.js';

const RegistrationPage = PageOf(WarrantyRegistration, 'WarrantyRegistrationPage');

/** Registrations (staff and customers) and extended warranty contracts. */
@Resolver(() => WarrantyRegistration)
export class RegistrationResolver {
  constructor(private readonly warranty: Warranty) {}

  @Authorized(P.registrationRead)
  @Query(() => RegistrationPage, { description: 'Registrations, newest first, by customer, serial, model, status or source.' })
  warrantyRegistrations(@Args() page: PageArgs, @Args() f: RegistrationFilterArgs): Promise<Page<WarrantyRegistration>> {
    return this.warranty.registrations.list(f, page);
  }

  @Authorized(P.registrationRead, CUSTOMER)
  @Query(() => WarrantyRegistration, { description: 'A registration by id (customers: only their own).' })
  async warrantyRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<WarrantyRegistration> {
    const reg = await ctx.db.getRepository(WarrantyRegistration).findOneBy({ id: validId('Warranty registration', id) });
    if (!reg || (ctx.actor.kind === 'customer' && reg.customerId !== ctx.actor.customerId))
      throw new NotFoundError('Warranty registration', id);
    return reg;
  }

  @Authorized(P.registrationWrite, CUSTOMER)
  @Mutation(() => WarrantyRegistration, {
    description:
      'Register an item: a purchase (purchaseId) or an item bought elsewhere (modelId, serialNumber, purchasedAt, proofOfPurchaseRef). Customers register for themselves.',
  })
  registerWarranty(
    @Arg('input', () => RegisterWarrantyInput) input: RegisterWarrantyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyRegistration> {
    const customerId = ctx.actor.kind === 'customer' ? ctx.actor.customerId : input.customerId;
    if (!customerId) throw new ValidationError([{ field: 'customerId', message: 'say which customer the item belongs to' }]);
    return this.warranty.registrations.register(ctx.actor, { ...input, customerId });
  }

  @Authorized(P.contractSell)
  @Mutation(() => WarrantyContract, { description: 'Sell an extended warranty on a registration (price, term, claim cap, deductible).' })
  sellExtendedWarranty(@Arg('input', () => SellExtendedWarrantyInput) input: SellExtendedWarrantyInput): Promise<WarrantyContract> {
    return this.warranty.registrations.sellContract(input);
  }

  @FieldResolver(() => [WarrantyContract], { description: 'Extended warranties sold on it.' })
  contracts(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext): Promise<WarrantyContract[]> {
    return contractsByRegistration(ctx).load(r.id);
  }

  @FieldResolver(() => CoverageResultType, { description: 'The entitlement check now (legal guarantee included).' })
  coverage(@Root() r: WarrantyRegistration): Promise<CoverageAnswer> {
    return r.purchaseId
      ? this.warranty.coverage.check({ purchaseId: r.purchaseId })
      : this.warranty.coverage.check({ serialNumber: r.serialNumber, modelId: r.modelId });
  }

  @FieldResolver(() => ProductModel, { nullable: true, description: 'The registered model.' })
  model(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext) {
    return productModelRef(ctx, r.modelId);
  }

  @Authorized('core.customer.read', CUSTOMER)
  @FieldResolver(() => Customer, { nullable: true, description: 'The owner. Needs core.customer.read (staff reads are audited).' })
  customer(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, r.customerId);
  }

  @FieldResolver(() => String, { description: "First day of the commercial period in the customer's time zone (YYYY-MM-DD)." })
  async firstDay(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext): Promise<string> {
    const zone = (await timeZoneByCustomer(ctx).load(r.customerId)) ?? 'UTC';
    return DateTime.fromJSDate(r.startsAt, { zone }).toISODate()!;
  }

  @FieldResolver(() => String, { description: "Last day of the commercial period in the customer's time zone (YYYY-MM-DD)." })
  async lastDay(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext): Promise<string> {
    const zone = (await timeZoneByCustomer(ctx).load(r.customerId)) ?? 'UTC';
    return DateTime.fromJSDate(r.endsAt, { zone }).minus({ days: 1 }).toISODate()!;
  }
}
