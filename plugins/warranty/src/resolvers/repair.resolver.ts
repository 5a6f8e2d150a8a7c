import {
  CUSTOMER,
  CustomerOnly,
  type GraphQLContext,
  NotFoundError,
  PageArgs,
  PageOf,
  type Page,
  requireCustomer,
  StatusChangeType,
  statusHistory,
  CustomerRefType,
  ProductModelRefType,
  StaffRefType,
  customerRef,
  productModelRef,
  staffRef,
  validId,
  slaClockOf,
  SlaClockType,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Not } from 'typeorm';
import { type RepairStatus, RepairStatusEnum } from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPart } from '../entities/repair-part.entity.js';
import { RepairVisit } from '../entities/repair-visit.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import { repairMachine } from '../services/repair-state-machine.js';
import { claimReference, normalizeSerial, repairReference } from '../services/deps.js';
import { repairSubject } from '../services/repair.service.js';
import { claimNumberOf, clockOf, partsByOrder, slaState, visitsByOrder } from './loaders.js';
import {
  CreateRepairOrderInput,
  customerStatusChanges,
  MyStatusChangeType,
  PartUsedInput,
  ScheduleVisitInput,
  SendRepairEstimateInput,
  ServiceHistoryType,
  UpdateRepairOrderInput,
} from './types.js';

const RepairPage = PageOf(RepairOrder, 'RepairOrderPage');

/** Repair orders, spare parts, visits, estimates and the service history of a serial. */
@Resolver(() => RepairOrder)
export class RepairResolver {
  constructor(private readonly warranty: Warranty) {}

  @Authorized(P.repairRead)
  @Query(() => RepairPage, { description: 'Repair orders (the board), by status or technician, oldest first.' })
  repairOrders(
    @Args() page: PageArgs,
    @Arg('status', () => [RepairStatusEnum], { nullable: true }) status: RepairStatus[] | null,
    @Arg('technicianId', () => ID, { nullable: true }) technicianId: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "Only this customer's repair orders (the customer page's tab)." })
    customerId?: string | null,
  ): Promise<Page<RepairOrder>> {
    return this.warranty.repairs.list({ status, technicianId, customerId }, page);
  }

  @Authorized(P.repairRead, CUSTOMER)
  @Query(() => RepairOrder, { description: 'A repair order (customers: only their own).' })
  async repairOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RepairOrder> {
    const r = await this.warranty.repairs.get(validId('Repair order', id));
    if (ctx.actor.kind === 'customer' && r.customerId !== ctx.actor.customerId) throw new NotFoundError('Repair order', id);
    return r;
  }

  @Authorized(P.repairWrite)
  @Mutation(() => RepairOrder, {
    description: 'Open a repair from an approved or received claim, or a paid repair (purchaseId, or customerId + modelId + serialNumber).',
  })
  createRepairOrder(
    @Arg('input', () => CreateRepairOrderInput) input: CreateRepairOrderInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RepairOrder> {
    return this.warranty.repairs.create(ctx.actor, input);
  }

  @Authorized(P.repairWrite)
  @Mutation(() => RepairOrder, { description: 'Diagnosis, fault codes, technician, labour; an outcome completes the order.' })
  updateRepairOrder(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRepairOrderInput) input: UpdateRepairOrderInput,
  ): Promise<RepairOrder> {
    return this.warranty.repairs.update(validId('Repair order', id), input);
  }

  @Authorized(P.repairWrite)
  @Mutation(() => RepairOrder, {
    description: 'Take parts from stock for the repair; CONFLICT when not enough are in stock (nothing is taken).',
  })
  recordPartsUsed(
    @Arg('repairOrderId', () => ID) id: string,
    @Arg('parts', () => [PartUsedInput]) parts: PartUsedInput[],
  ): Promise<RepairOrder> {
    return this.warranty.repairs.recordParts(validId('Repair order', id), parts);
  }

  @Authorized(P.repairWrite)
  @Mutation(() => RepairVisit, { description: 'Book an on-site visit in a time slot; CONFLICT when the technician is already booked.' })
  scheduleVisit(@Arg('input', () => ScheduleVisitInput) input: ScheduleVisitInput): Promise<RepairVisit> {
    return this.warranty.repairs.scheduleVisit(input);
  }

  @Authorized(P.repairWrite)
  @Mutation(() => RepairOrder, { description: 'Send the estimate of a paid repair; work starts only after the customer accepts.' })
  sendRepairEstimate(@Arg('input', () => SendRepairEstimateInput) input: SendRepairEstimateInput): Promise<RepairOrder> {
    return this.warranty.repairs.sendEstimate(input);
  }

  @CustomerOnly()
  @Mutation(() => RepairOrder, { description: 'Accept (work starts) or decline your repair estimate.' })
  respondToRepairEstimate(
    @Arg('repairOrderId', () => ID) id: string,
    @Arg('accept') accept: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RepairOrder> {
    return this.warranty.repairs.respondToEstimate(requireCustomer(ctx), validId('Repair order', id), accept);
  }

  @Authorized(P.coverageRead, CUSTOMER)
  @Query(() => ServiceHistoryType, {
    description: 'Every claim, repair (with parts) and replacement of a serial. Customers see only their own items.',
  })
  async serviceHistory(@Arg('serialNumber') serialNumber: string, @Ctx() ctx: GraphQLContext): Promise<ServiceHistoryType> {
    const serial = normalizeSerial(serialNumber) ?? '';
    const own = ctx.actor.kind === 'customer' ? { customerId: ctx.actor.customerId } : {};
    const m = ctx.db.manager;
    const claims = await m.find(WarrantyClaim, { where: { serialNumber: serial, ...own }, order: { createdAt: 'ASC' }, take: 200 });
    const repairOrders = await m.find(RepairOrder, {
      where: { serialNumber: serial, ...own, status: Not('cancelled') },
      order: { createdAt: 'ASC' },
      take: 200,
    });
    return {
      serialNumber: serial,
      claims,
      repairOrders,
      replacedBy: repairOrders.map((r) => r.replacementSerial).filter((s): s is string => !!s),
    };
  }

  @FieldResolver(() => String, { description: 'RO-<number>' })
  reference(@Root() r: RepairOrder): string {
    return repairReference(r);
  }

  @FieldResolver(() => [RepairPart])
  parts(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<RepairPart[]> {
    return partsByOrder(ctx).load(r.id);
  }

  @FieldResolver(() => [RepairVisit])
  visits(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<RepairVisit[]> {
    return visitsByOrder(ctx).load(r.id);
  }

  @FieldResolver(() => Int, { description: 'Parts cost (unit cost × quantity), minor units.' })
  async partsCostMinor(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await partsByOrder(ctx).load(r.id)).reduce((s, p) => s + p.unitCostMinor * p.quantity, 0);
  }

  @FieldResolver(() => StaffRefType, { nullable: true })
  technician(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext) {
    return staffRef(ctx, r.technicianId);
  }

  @FieldResolver(() => CustomerRefType, {
    nullable: true,
    description: 'Name and e-mail; needs core.customer.read, and the read is audited.',
  })
  customer(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, r.customerId);
  }

  @FieldResolver(() => ProductModelRefType, { nullable: true })
  model(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext) {
    return productModelRef(ctx, r.modelId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'WC-<number> of the claim it was opened from.' })
  async claimReference(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    const n = r.claimId ? await claimNumberOf(ctx).load(r.claimId) : null;
    return n == null ? null : claimReference({ number: n });
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the repair is due under its SLA (turnaround); null once finished.' })
  async dueAt(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    return slaState(await clockOf(ctx).load(`${repairSubject('').subjectType}:${r.id}`), ctx.clock.now()).dueAt;
  }

  @FieldResolver(() => Boolean, { description: 'The turnaround target was breached (or is overdue now).' })
  async overdue(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return slaState(await clockOf(ctx).load(`${repairSubject('').subjectType}:${r.id}`), ctx.clock.now()).breached;
  }

  @Authorized(P.repairRead)
  @FieldResolver(() => SlaClockType, { nullable: true, description: 'The SLA state of the order: targets, due dates, at risk, breached.' })
  sla(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext) {
    return slaClockOf(ctx, repairMachine.subjectType, r.id);
  }

  @Authorized(P.repairRead)
  @FieldResolver(() => [StatusChangeType], { description: 'Every state change of the order, oldest first: from, to, who, why, when.' })
  history(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, repairMachine, r.id);
  }

  @Authorized(P.repairRead, CUSTOMER)
  @FieldResolver(() => [MyStatusChangeType], { description: 'The states the repair went through, oldest first (no staff details).' })
  async statusHistory(@Root() r: RepairOrder, @Ctx() ctx: GraphQLContext): Promise<MyStatusChangeType[]> {
    return customerStatusChanges(await statusHistory(ctx, repairMachine, r.id));
  }
}
