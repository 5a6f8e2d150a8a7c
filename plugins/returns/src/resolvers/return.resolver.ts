import {
  CustomerOnly,
  CustomerRefType,
  customerRef,
  defineServiceLoader,
  type GraphQLContext,
  groupByKey,
  type Page,
  PageArgs,
  PageOf,
  requireCustomer,
  slaClockOf,
  SlaClockType,
  StatusChangeType,
  statusHistory,
  ValidationError,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { REFUND_DEADLINE_SUBJECT, type ReturnStatus, ReturnStatusEnum, returnMachine } from '../domain.js';
import { ReturnLine } from '../entities/return-line.entity.js';
import { ReturnPolicy } from '../entities/return-policy.entity.js';
import { ReturnReason } from '../entities/return-reason.entity.js';
import { ReturnRefund } from '../entities/return-refund.entity.js';
import { ReturnRequest } from '../entities/return-request.entity.js';
import { P } from '../permissions.js';
import type { AbuseSignal, ReturnsService } from '../services/returns.service.js';
import {
  AbuseSignalType,
  ChangeBasisInput,
  DeclineReturnInput,
  EligibilityType,
  InspectLineInput,
  MarkShippedInput,
  MyReturn,
  MyReturnPage,
  ReceiveReturnInput,
  RecordRefundResultInput,
  RequestMyReturnInput,
  RequestReturnInput,
  ResolveReturnInput,
  ReturnRequestsArgs,
  ReturnSlipType,
  SavePolicyInput,
  SaveReasonInput,
  WithdrawFromContractInput,
} from './types.js';

const ReturnRequestPage = PageOf(ReturnRequest, 'ReturnRequestPage');

const linesOf = defineServiceLoader<string, ReturnLine[], ReturnsService, GraphQLContext>(async (ids, ctx, s) =>
  groupByKey(ids, await s.linesOf(ctx.db.manager, ids), (l) => l.requestId),
);
const refundsOf = defineServiceLoader<string, ReturnRefund[], ReturnsService, GraphQLContext>(async (ids, ctx, s) =>
  groupByKey(ids, await s.refundsOf(ctx.db.manager, ids), (r) => r.requestId),
);
const abuseOf = defineServiceLoader<ReturnRequest, AbuseSignal[], ReturnsService, GraphQLContext>((reqs, ctx, s) =>
  s.abuseSignals(ctx.db.manager, reqs),
);

/** Staff operations on policies, reasons and return requests. Every rule is in the service. */
@Resolver(() => ReturnRequest)
export class ReturnRequestResolver {
  constructor(private readonly returns: ReturnsService) {}

  @Authorized(P.read)
  @Query(() => [ReturnPolicy], { description: 'Return policies in the order they are checked (default last).' })
  returnPolicies(): Promise<ReturnPolicy[]> {
    return this.returns.policies();
  }

  @Authorized(P.policyManage)
  @Mutation(() => ReturnPolicy, { description: 'Create or update a return policy.' })
  saveReturnPolicy(@Arg('input', () => SavePolicyInput) input: SavePolicyInput): Promise<ReturnPolicy> {
    return this.returns.savePolicy(input);
  }

  @Authorized(P.read)
  @Query(() => [ReturnReason], { description: 'The reason tree, flat (parentId links children to parents).' })
  returnReasons(): Promise<ReturnReason[]> {
    return this.returns.reasons();
  }

  @Authorized(P.policyManage)
  @Mutation(() => ReturnReason, { description: 'Create or update a reason by code.' })
  saveReturnReason(@Arg('input', () => SaveReasonInput) input: SaveReasonInput): Promise<ReturnReason> {
    return this.returns.saveReason(input);
  }

  @Authorized(P.read)
  @Query(() => EligibilityType, { description: 'Whether a purchase can be returned now, on which legal basis and until when.' })
  returnEligibility(@Arg('purchaseId', () => ID) purchaseId: string): Promise<EligibilityType> {
    return this.returns.eligibility(purchaseId, null);
  }

  @Authorized(P.read)
  @Query(() => ReturnRequestPage, { description: 'The returns inbox, newest first; filter by state, customer, view or reference.' })
  returnRequests(@Args() { status, customerId, view, search, skip, take }: ReturnRequestsArgs): Promise<Page<ReturnRequest>> {
    return this.returns.list({ status, customerId, view, search }, { skip, take });
  }

  @Authorized(P.read)
  @Query(() => ReturnRequest, { description: 'One return request; NOT_FOUND when there is none.' })
  returnRequest(@Arg('id', () => ID) id: string): Promise<ReturnRequest> {
    return this.returns.get(id);
  }

  @Authorized(P.read)
  @Query(() => ReturnSlipType, { description: 'The printable return slip (PDF, base64) while the item is awaited.' })
  returnSlip(@Arg('id', () => ID) id: string): Promise<ReturnSlipType> {
    return this.returns.slip(id, null);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Request a return for a customer (each line gets its legal basis).' })
  requestReturn(@Arg('input', () => RequestReturnInput) input: RequestReturnInput, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return this.returns.request(ctx.actor, input);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, {
    description: 'Approve: AWAITING_ITEM with a send-back date, or APPROVED when the customer keeps the item.',
  })
  approveReturn(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ): Promise<ReturnRequest> {
    return this.returns.approve(id, expectedVersion);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Decline with a reason from the list.' })
  declineReturn(@Arg('input', () => DeclineReturnInput) input: DeclineReturnInput): Promise<ReturnRequest> {
    return this.returns.decline(input.id, input.reason, input.note ?? null, input.expectedVersion);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Cancel a return before the item is received.' })
  cancelReturn(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<ReturnRequest> {
    return this.returns.cancel(id, null, reason);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Carrier and tracking number of the parcel coming back.' })
  markReturnShipped(@Arg('input', () => MarkShippedInput) input: MarkShippedInput): Promise<ReturnRequest> {
    return this.returns.markShipped(input.id, input.carrier, input.trackingNumber);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Receive the parcel: quantities and serials per line.' })
  receiveReturn(@Arg('input', () => ReceiveReturnInput) input: ReceiveReturnInput): Promise<ReturnRequest> {
    return this.returns.receive(input.id, input.lines, input.expectedVersion);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnLine, { description: 'Inspect one line; the return becomes INSPECTED when every line is.' })
  inspectReturnLine(@Arg('input', () => InspectLineInput) input: InspectLineInput): Promise<ReturnLine> {
    return this.returns.inspectLine(input);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnLine, { description: 'Change a line’s legal basis, with a note.' })
  changeReturnLineBasis(@Arg('input', () => ChangeBasisInput) input: ChangeBasisInput): Promise<ReturnLine> {
    return this.returns.changeBasis(input.lineId, input.legalBasis, input.note);
  }

  @Authorized(P.refund)
  @Mutation(() => ReturnRequest, {
    description: 'Compute and record the refund, store credit or exchange (idempotent by key). Large amounts wait for approval.',
  })
  resolveReturn(@Arg('input', () => ResolveReturnInput) input: ResolveReturnInput, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return this.returns.resolve(ctx.actor, input);
  }

  @Authorized(P.approveRefund)
  @Mutation(() => ReturnRequest, { description: 'Approve a refund above the threshold (not your own).' })
  approveReturnRefund(@Arg('refundId', () => ID) refundId: string, @Ctx() ctx: GraphQLContext): Promise<ReturnRequest> {
    return this.returns.approveRefund(refundId, ctx.actor);
  }

  @Authorized(P.refund)
  @Mutation(() => ReturnRefund, { description: 'The payment system’s result for a refund; paid closes the return.' })
  recordRefundResult(@Arg('input', () => RecordRefundResultInput) input: RecordRefundResultInput): Promise<ReturnRefund> {
    return this.returns.recordRefundResult(input);
  }

  @Authorized(P.handle)
  @Mutation(() => ReturnRequest, { description: 'Close an exchanged or credited return.' })
  closeReturn(@Arg('id', () => ID) id: string): Promise<ReturnRequest> {
    return this.returns.close(id);
  }

  @FieldResolver(() => [ReturnStatusEnum], { description: 'The states the return may move to now.' })
  allowedTransitions(@Root() r: ReturnRequest): readonly ReturnStatus[] {
    return returnMachine.allowed(r.status);
  }

  @FieldResolver(() => [StatusChangeType], { description: 'Every state change, oldest first.' })
  history(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, returnMachine, r.id);
  }

  @FieldResolver(() => [ReturnLine])
  lines(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext): Promise<ReturnLine[]> {
    return linesOf(ctx, this.returns).load(r.id);
  }

  @FieldResolver(() => [ReturnRefund])
  refunds(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext): Promise<ReturnRefund[]> {
    return refundsOf(ctx, this.returns).load(r.id);
  }

  @FieldResolver(() => [AbuseSignalType], { description: 'Facts about the customer’s history for the reviewer.' })
  abuseSignals(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext): Promise<AbuseSignal[]> {
    return abuseOf(ctx, this.returns).load(r);
  }

  @FieldResolver(() => SlaClockType, { nullable: true, description: 'The 14-day withdrawal refund deadline clock.' })
  refundDeadline(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext) {
    return r.refundDueAt ? slaClockOf(ctx, REFUND_DEADLINE_SUBJECT, r.id) : null;
  }

  @FieldResolver(() => CustomerRefType, { nullable: true, description: 'Name and e-mail; needs core.customer.read (audited).' })
  customer(@Root() r: ReturnRequest, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, r.customerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The withdrawal acknowledgement as sent to the customer.' })
  withdrawalAcknowledgement(@Root() r: ReturnRequest): string | null {
    return r.withdrawalStatement;
  }
}

function toMy(r: ReturnRequest, lines: ReturnLine[], refunds: ReturnRefund[]): MyReturn {
  const issued = refunds.filter((f) => f.status === 'issued' || f.status === 'paid');
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    withdrawal: r.withdrawal,
    withdrawalAcknowledgement: r.withdrawalStatement,
    sendBackBy: r.sendBackBy,
    refundDueAt: r.refundDueAt,
    keepItem: r.keepItem,
    refundedMinor: issued.length ? issued.reduce((s, f) => s + f.amountMinor, 0) : null,
    currency: r.currency,
    createdAt: r.createdAt,
    lines: lines
      .filter((l) => l.requestId === r.id)
      .map((l) => ({
        id: l.id,
        purchaseId: l.purchaseId,
        modelId: l.modelId,
        legalBasis: l.legalBasis,
        basisExplanation: l.basisExplanation,
        requestedResolution: l.requestedResolution,
        reasonCode: l.reasonCode,
      })),
  };
}

/** The customer portal: the signed-in customer's own returns only. */
@Resolver()
export class MyReturnsResolver {
  constructor(private readonly returns: ReturnsService) {}

  private async my(ctx: GraphQLContext, rows: ReturnRequest[]): Promise<MyReturn[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const lines = await this.returns.linesOf(ctx.db.manager, ids);
    const refunds = await ctx.db.manager.find(ReturnRefund, { where: { requestId: In(ids) } });
    return rows.map((r) =>
      toMy(
        r,
        lines,
        refunds.filter((f) => f.requestId === r.id),
      ),
    );
  }

  @CustomerOnly()
  @Query(() => MyReturnPage, { description: 'Your returns, newest first.' })
  async myReturns(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<MyReturnPage> {
    const customerId = requireCustomer(ctx);
    const [rows, totalCount] = await ctx.db
      .getRepository(ReturnRequest)
      .findAndCount({ where: { customerId }, order: { number: 'DESC' }, skip, take });
    return { items: await this.my(ctx, rows), totalCount };
  }

  @CustomerOnly()
  @Query(() => MyReturn, { description: 'One of your returns; NOT_FOUND for anyone else’s.' })
  async myReturn(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<MyReturn> {
    const row = await this.returns.get(id, requireCustomer(ctx));
    return (await this.my(ctx, [row]))[0]!;
  }

  @CustomerOnly()
  @Query(() => ReturnSlipType, { description: 'The printable slip of your return (PDF, base64) while the item is to be sent back.' })
  myReturnSlip(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReturnSlipType> {
    return this.returns.slip(id, requireCustomer(ctx));
  }

  @CustomerOnly()
  @Query(() => EligibilityType, { description: 'Whether your purchase can be returned or withdrawn from, and until when.' })
  myReturnEligibility(@Arg('purchaseId', () => ID) purchaseId: string, @Ctx() ctx: GraphQLContext): Promise<EligibilityType> {
    return this.returns.eligibility(purchaseId, requireCustomer(ctx));
  }

  @CustomerOnly()
  @Query(() => [ReturnReason], { description: 'Reasons you can choose (active ones).' })
  async myReturnReasons(@Ctx() ctx: GraphQLContext): Promise<ReturnReason[]> {
    requireCustomer(ctx);
    return (await this.returns.reasons()).filter((r) => r.active);
  }

  @CustomerOnly()
  @Mutation(() => MyReturn, { description: 'Request a return of your own purchases.' })
  async requestMyReturn(
    @Arg('input', () => RequestMyReturnInput) input: RequestMyReturnInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MyReturn> {
    requireCustomer(ctx);
    const row = await this.returns.request(ctx.actor, { lines: input.lines });
    return (await this.my(ctx, [row]))[0]!;
  }

  @CustomerOnly()
  @Mutation(() => MyReturn, {
    description:
      'Withdraw from the contract (EU right of withdrawal): after "Confirm withdrawal"; the acknowledgement is e-mailed and kept.',
  })
  async withdrawFromContract(
    @Arg('input', () => WithdrawFromContractInput) input: WithdrawFromContractInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MyReturn> {
    requireCustomer(ctx);
    if (!input.confirmed) throw new ValidationError([{ field: 'confirmed', message: 'press "Confirm withdrawal" to withdraw' }]);
    if (!input.purchaseIds.length) throw new ValidationError([{ field: 'purchaseIds', message: 'choose at least one item' }]);
    const row = await this.returns.request(ctx.actor, {
      withdrawal: true,
      statement: input.details ?? null,
      lines: input.purchaseIds.map((purchaseId) => ({ purchaseId, requestedResolution: 'refund' })),
    });
    return (await this.my(ctx, [row]))[0]!;
  }

  @CustomerOnly()
  @Mutation(() => MyReturn, { description: 'Cancel your return before the item is received.' })
  async cancelMyReturn(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<MyReturn> {
    const row = await this.returns.cancel(id, requireCustomer(ctx), null);
    return (await this.my(ctx, [row]))[0]!;
  }
}
