import { CUSTOMER, type GraphQLContext, hasPermission, NotFoundError, PageArgs, PageOf, type Page } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type ClaimStatus, ClaimStatusEnum } from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { P } from '../permissions.js';
import { warranty } from '../runtime.js';
import { allowedClaimTransitions } from '../services/claim-state-machine.js';
import type { AbuseSignal } from '../services/claim.service.js';
import { claimReference, claimSubject, normalizeSerial } from '../services/deps.js';
import { checkId } from './coverage.resolver.js';
import { abuseSignalsOf, clockOf, customerById, historyOf, modelById, repairsByClaim, slaState } from './loaders.js';
import {
  AbuseSignalType,
  ClaimFilterArgs,
  ClaimSortEnum,
  CustomerRefType,
  DecideWarrantyClaimInput,
  HistoryEntryType,
  statusChanges,
  StatusChangeType,
  ModelRefType,
  SubmitWarrantyClaimInput,
} from './types.js';

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
  @Query(() => ClaimPage, { description: 'The claims inbox: by status, customer, serial or model; oldest first unless sorted otherwise.' })
  async warrantyClaims(
    @Args() { skip, take }: PageArgs,
    @Args() f: ClaimFilterArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<WarrantyClaim>> {
    const qb = ctx.db.getRepository(WarrantyClaim).createQueryBuilder('c');
    if (f.status?.length) qb.andWhere('c.status IN (:...status)', { status: f.status });
    if (f.customerId) qb.andWhere('c.customerId = :customerId', { customerId: f.customerId });
    if (f.serialNumber) qb.andWhere('c.serialNumber = :serial', { serial: normalizeSerial(f.serialNumber) });
    if (f.modelId) qb.andWhere('c.modelId = :modelId', { modelId: f.modelId });
    if (f.sort === ClaimSortEnum.SLA_DUE) {
      // The clock's resolution due date; closed clocks (resolved, rejected) sort last.
      qb.leftJoin('sla_clock', 'k', 'k.subject_type = :subjectType AND k.subject_id = c.id AND k.closed = false', {
        subjectType: claimSubject('').subjectType,
      })
        .orderBy('k.resolution_due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('c.createdAt', 'ASC');
    } else {
      qb.orderBy('c.createdAt', f.sort === ClaimSortEnum.NEWEST ? 'DESC' : 'ASC');
    }
    // At most one clock per claim (unique subject), so LIMIT cannot cut a claim's rows.
    qb.addOrderBy('c.id', 'ASC').offset(skip).limit(take);
    const [items, totalCount] = await qb.getManyAndCount();
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

  @FieldResolver(() => CustomerRefType, {
    nullable: true,
    description: 'Name and e-mail; needs core.customer.read, and the read is audited.',
  })
  customer(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<CustomerRefType | null> | null {
    if (ctx.actor.kind !== 'customer' && !hasPermission(ctx.actor, 'core.customer.read')) return null;
    return customerById(ctx).load(c.customerId);
  }

  @FieldResolver(() => ModelRefType, { nullable: true })
  model(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<ModelRefType | null> {
    return modelById(ctx).load(c.modelId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the claim must be resolved under its SLA; null once resolved or closed.',
  })
  async slaDueAt(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    return slaState(await clockOf(ctx).load(`${claimSubject('').subjectType}:${c.id}`), warranty().deps.now()).dueAt;
  }

  @FieldResolver(() => Boolean, { description: 'The resolution target was breached (or is overdue now).' })
  async slaBreached(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return slaState(await clockOf(ctx).load(`${claimSubject('').subjectType}:${c.id}`), warranty().deps.now()).breached;
  }

  @Authorized(P.repairRead, CUSTOMER)
  @FieldResolver(() => [RepairOrder], { description: 'Repair orders opened from this claim, oldest first.' })
  repairOrders(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<RepairOrder[]> {
    return repairsByClaim(ctx).load(c.id);
  }

  @Authorized(P.claimRead)
  @FieldResolver(() => [HistoryEntryType], { description: 'Every recorded change of the claim, newest first.' })
  history(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<HistoryEntryType[]> {
    return historyOf(ctx).load(`WarrantyClaim:${c.id}`);
  }

  @Authorized(P.claimRead, CUSTOMER)
  @FieldResolver(() => [StatusChangeType], { description: 'The states the claim went through, oldest first (no staff details).' })
  async statusHistory(@Root() c: WarrantyClaim, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusChanges(await historyOf(ctx).load(`WarrantyClaim:${c.id}`), c.createdAt);
  }
}
