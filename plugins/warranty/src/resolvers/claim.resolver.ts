import { CUSTOMER, type GraphQLContext, NotFoundError, PageArgs, PageOf, type Page } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { type ClaimStatus, ClaimStatusEnum } from '../domain.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { P } from '../permissions.js';
import { warranty } from '../runtime.js';
import { allowedClaimTransitions } from '../services/claim-state-machine.js';
import type { AbuseSignal } from '../services/claim.service.js';
import { claimReference, normalizeSerial } from '../services/deps.js';
import { checkId } from './coverage.resolver.js';
import { abuseSignalsOf } from './loaders.js';
import { AbuseSignalType, ClaimFilterArgs, DecideWarrantyClaimInput, SubmitWarrantyClaimInput } from './types.js';

const ClaimPage = PageOf(WarrantyClaim, 'WarrantyClaimPage');

/** Staff operations on warranty claims; logic lives in ClaimService. */
@Resolver(() => WarrantyClaim)
export class ClaimResolver {
  @Authorized(P.claimRead, CUSTOMER)
  @Query(() => WarrantyClaim, { description: 'A claim by id (customers: only their own).' })
  async warrantyClaim(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<WarrantyClaim> {
    const claim = await warranty().claims.get(checkId('Warranty claim', id));
    if (ctx.actor.kind === 'customer' && claim.customerId !== ctx.actor.customerId) throw new NotFoundError('Warranty claim', id);
    return claim;
  }

  @Authorized(P.claimRead)
  @Query(() => ClaimPage, { description: 'The claims inbox: oldest open claims first.' })
  async warrantyClaims(
    @Args() { skip, take }: PageArgs,
    @Args() f: ClaimFilterArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<WarrantyClaim>> {
    const where = {
      ...(f.status?.length ? { status: In(f.status) } : {}),
      ...(f.customerId ? { customerId: f.customerId } : {}),
      ...(f.serialNumber ? { serialNumber: normalizeSerial(f.serialNumber)! } : {}),
    };
    const [items, totalCount] = await ctx.db
      .getRepository(WarrantyClaim)
      .findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @Authorized(P.claimWrite)
  @Mutation(() => WarrantyClaim, {
    description: 'File a claim for a customer; the entitlement check runs first and is kept with the claim.',
  })
  submitWarrantyClaim(
    @Arg('input', () => SubmitWarrantyClaimInput) input: SubmitWarrantyClaimInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyClaim> {
    return warranty().claims.submit(ctx.actor, input);
  }

  @Authorized(P.claimDecide)
  @Mutation(() => WarrantyClaim, {
    description:
      'Approve, reject (reason from the configured list) or ask for information. Approving an uncovered claim needs warranty.claim.override and an overrideNote.',
  })
  decideWarrantyClaim(
    @Arg('input', () => DecideWarrantyClaimInput) input: DecideWarrantyClaimInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyClaim> {
    return warranty().claims.decide(ctx.actor, input);
  }

  @Authorized(P.claimWrite)
  @Mutation(() => WarrantyClaim, {
    description: 'Move a claim along its workflow: in_review, awaiting_item, received, in_repair, closed or cancelled.',
  })
  transitionWarrantyClaim(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ClaimStatusEnum) status: ClaimStatus,
  ): Promise<WarrantyClaim> {
    return warranty().claims.transition(checkId('Warranty claim', id), status);
  }

  @FieldResolver(() => String, { description: 'WC-<number>' })
  reference(@Root() c: WarrantyClaim): string {
    return claimReference(c);
  }

  @FieldResolver(() => [ClaimStatusEnum], { description: 'States the claim can move to next.' })
  allowedTransitions(@Root() c: WarrantyClaim): readonly ClaimStatus[] {
    return allowedClaimTransitions(c.status);
  }

  @Authorized(P.claimRead)
  @FieldResolver(() => [AbuseSignalType], { description: 'Patterns for the reviewer (repeat claims, velocity, serial claimed elsewhere).' })
  abuseSignals(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<AbuseSignal[]> {
    return abuseSignalsOf(ctx).load(c);
  }

  @FieldResolver(() => String, { description: 'What the entitlement check said at submission.' })
  entitlementExplanation(@Root() c: WarrantyClaim): string {
    return String(c.entitlement.explanation ?? '');
  }
}
