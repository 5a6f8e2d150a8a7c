import {
  CUSTOMER,
  type GraphQLContext,
  NotFoundError,
  PageArgs,
  PageOf,
  type Page,
  StatusChangeType,
  statusHistory,
  CustomerRefType,
  ProductModelRefType,
  customerRef,
  productModelRef,
  validId,
  slaClockOf,
  SlaClockType,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type ClaimStatus, ClaimStatusEnum } from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import { claimMachine } from '../services/claim-state-machine.js';
import type { AbuseSignal } from '../services/claim.service.js';
import { claimReference, claimSubject } from '../services/deps.js';
import { abuseSignalsOf, clockOf, repairsByClaim, slaState } from './loaders.js';
import {
  AbuseSignalType,
  ClaimFilterArgs,
  customerStatusChanges,
  DecideWarrantyClaimInput,
  MyStatusChangeType,
  SubmitWarrantyClaimInput,
} from './types.js';

const ClaimPage = PageOf(WarrantyClaim, 'WarrantyClaimPage');

/** Staff operations on warranty claims; logic lives in ClaimService. */
@Resolver(() => WarrantyClaim)
export class ClaimResolver {
  constructor(private readonly warranty: Warranty) {}

  @Authorized(P.claimRead, CUSTOMER)
  @Query(() => WarrantyClaim, { description: 'A claim by id (customers: only their own).' })
  async warrantyClaim(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<WarrantyClaim> {
    const claim = await this.warranty.claims.get(validId('Warranty claim', id));
    if (ctx.actor.kind === 'customer' && claim.customerId !== ctx.actor.customerId) throw new NotFoundError('Warranty claim', id);
    return claim;
  }

  @Authorized(P.claimRead)
  @Query(() => ClaimPage, { description: 'The claims inbox: by status, customer, serial or model; oldest first unless sorted otherwise.' })
  warrantyClaims(@Args() page: PageArgs, @Args() f: ClaimFilterArgs): Promise<Page<WarrantyClaim>> {
    return this.warranty.claims.list(f, page);
  }

  @Authorized(P.claimWrite)
  @Mutation(() => WarrantyClaim, {
    description: 'File a claim for a customer; the entitlement check runs first and is kept with the claim.',
  })
  submitWarrantyClaim(
    @Arg('input', () => SubmitWarrantyClaimInput) input: SubmitWarrantyClaimInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyClaim> {
    return this.warranty.claims.submit(ctx.actor, input);
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
    return this.warranty.claims.decide(ctx.actor, input);
  }

  @Authorized(P.claimWrite)
  @Mutation(() => WarrantyClaim, {
    description: 'Move a claim along its workflow: in_review, awaiting_item, received, in_repair, closed or cancelled.',
  })
  transitionWarrantyClaim(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ClaimStatusEnum) status: ClaimStatus,
  ): Promise<WarrantyClaim> {
    return this.warranty.claims.transition(validId('Warranty claim', id), status);
  }

  @FieldResolver(() => String, { description: 'WC-<number>' })
  reference(@Root() c: WarrantyClaim): string {
    return claimReference(c);
  }

  @FieldResolver(() => [ClaimStatusEnum], { description: 'States the claim can move to next.' })
  allowedTransitions(@Root() c: WarrantyClaim): readonly ClaimStatus[] {
    return claimMachine.allowed(c.status);
  }

  @Authorized(P.claimRead)
  @FieldResolver(() => [AbuseSignalType], { description: 'Patterns for the reviewer (repeat claims, velocity, serial claimed elsewhere).' })
  abuseSignals(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<AbuseSignal[]> {
    return abuseSignalsOf(ctx, this.warranty).load(c);
  }

  @FieldResolver(() => String, { description: 'What the entitlement check said at submission.' })
  entitlementExplanation(@Root() c: WarrantyClaim): string {
    return String(c.entitlement.explanation ?? '');
  }

  @FieldResolver(() => CustomerRefType, {
    nullable: true,
    description: 'Name and e-mail; needs core.customer.read, and the read is audited.',
  })
  customer(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, c.customerId);
  }

  @FieldResolver(() => ProductModelRefType, { nullable: true })
  model(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext) {
    return productModelRef(ctx, c.modelId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the claim must be resolved under its SLA; null once resolved or closed.',
  })
  async slaDueAt(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    return slaState(await clockOf(ctx).load(`${claimSubject('').subjectType}:${c.id}`), ctx.clock.now()).dueAt;
  }

  @FieldResolver(() => Boolean, { description: 'The resolution target was breached (or is overdue now).' })
  async slaBreached(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return slaState(await clockOf(ctx).load(`${claimSubject('').subjectType}:${c.id}`), ctx.clock.now()).breached;
  }

  @Authorized(P.repairRead, CUSTOMER)
  @FieldResolver(() => [RepairOrder], { description: 'Repair orders opened from this claim, oldest first.' })
  repairOrders(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<RepairOrder[]> {
    return repairsByClaim(ctx).load(c.id);
  }

  @Authorized(P.claimRead)
  @FieldResolver(() => SlaClockType, { nullable: true, description: 'The SLA state of the claim: targets, due dates, at risk, breached.' })
  sla(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext) {
    return slaClockOf(ctx, claimMachine.subjectType, c.id);
  }

  @Authorized(P.claimRead)
  @FieldResolver(() => [StatusChangeType], { description: 'Every state change of the claim, oldest first: from, to, who, why, when.' })
  history(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, claimMachine, c.id);
  }

  @Authorized(P.claimRead, CUSTOMER)
  @FieldResolver(() => [MyStatusChangeType], { description: 'The states the claim went through, oldest first (no staff details).' })
  async statusHistory(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<MyStatusChangeType[]> {
    return customerStatusChanges(await statusHistory(ctx, claimMachine, c.id));
  }
}
