import { CustomerOnly, type GraphQLContext, PageArgs, PageOf, type Page, requireCustomer } from '@aftercare/core';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import type { Warranty } from '../runtime.js';
import { SubmitMyWarrantyClaimInput } from './types.js';

const RegistrationPage = PageOf(WarrantyRegistration, 'WarrantyRegistrationPage');
const ClaimPage = PageOf(WarrantyClaim, 'WarrantyClaimPage');

/** The customer portal: the signed-in customer's own warranties and claims only. */
@Resolver()
export class MyWarrantyResolver {
  constructor(private readonly warranty: Warranty) {}

  @CustomerOnly()
  @Query(() => RegistrationPage, { description: 'Your registered items with their coverage, newest first.' })
  async myWarranties(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<WarrantyRegistration>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(WarrantyRegistration)
      .findAndCount({ where: { customerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Query(() => ClaimPage, { description: 'Your warranty claims, newest first.' })
  async myWarrantyClaims(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<WarrantyClaim>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(WarrantyClaim)
      .findAndCount({ where: { customerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Mutation(() => WarrantyClaim, { description: 'File a warranty claim on one of your registered items or purchases.' })
  submitMyWarrantyClaim(
    @Arg('input', () => SubmitMyWarrantyClaimInput) input: SubmitMyWarrantyClaimInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyClaim> {
    requireCustomer(ctx);
    return this.warranty.claims.submit(ctx.actor, input);
  }
}
