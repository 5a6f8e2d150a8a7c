import {
  auditCustomerReads,
  byKey,
  Customer,
  defineLoader,
  type GraphQLContext,
  groupByKey,
  ProductModel,
  StaffUser,
} from '@aftercare/core';
import { In } from 'typeorm';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPart } from '../entities/repair-part.entity.js';
import { RepairVisit } from '../entities/repair-visit.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { warranty } from '../runtime.js';
import type { AbuseSignal } from '../services/claim.service.js';

/** Extended contracts of registrations. */
export const contractsByRegistration = defineLoader<string, WarrantyContract[], GraphQLContext>(async (ids, ctx) =>
  groupByKey(
    ids,
    await ctx.db.manager.find(WarrantyContract, { where: { registrationId: In([...ids]) }, order: { startsAt: 'ASC' } }),
    (c) => c.registrationId,
  ),
);

/** Registrations by id. */
export const registrationById = defineLoader<string, WarrantyRegistration | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(WarrantyRegistration, { id: In([...ids]) }), (r) => r.id),
);

/** Abuse signals of a page of claims in three queries. */
export const abuseSignalsOf = defineLoader<WarrantyClaim, AbuseSignal[], GraphQLContext>(async (claims, ctx) =>
  warranty().claims.abuseSignals(ctx.db.manager, claims),
);

/** Parts used per repair order. */
export const partsByOrder = defineLoader<string, RepairPart[], GraphQLContext>(async (ids, ctx) =>
  groupByKey(
    ids,
    await ctx.db.manager.find(RepairPart, { where: { repairOrderId: In([...ids]) }, order: { createdAt: 'ASC' } }),
    (p) => p.repairOrderId,
  ),
);

/** Visits per repair order. */
export const visitsByOrder = defineLoader<string, RepairVisit[], GraphQLContext>(async (ids, ctx) =>
  groupByKey(
    ids,
    await ctx.db.manager.find(RepairVisit, { where: { repairOrderId: In([...ids]) }, order: { startsAt: 'ASC' } }),
    (v) => v.repairOrderId,
  ),
);

/** Product models by id (registrations, parts, visits). */
export const modelById = defineLoader<string, ProductModel | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(ProductModel, { id: In([...ids]) }), (m) => m.id),
);

/** Customers by id; a staff read of personal data is audited, one entry per batch. */
export const customerById = defineLoader<string, Customer | null, GraphQLContext>(async (ids, ctx) =>
  ctx.db.transaction(async (m) => {
    const rows = await m.findBy(Customer, { id: In([...ids]) });
    await auditCustomerReads(
      m,
      ctx.actor,
      rows.map((r) => r.id),
      'warranty',
    );
    return byKey(ids, rows, (r) => r.id);
  }),
);

/** Repair orders by id (the order behind a visit). */
export const repairOrderById = defineLoader<string, RepairOrder | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(RepairOrder, { id: In([...ids]) }), (r) => r.id),
);

/** Staff users by id, reduced to what a schedule shows (id and name). */
export const technicianById = defineLoader<string, { id: string; name: string } | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.find(StaffUser, { where: { id: In([...ids]) }, select: { id: true, name: true } }), (u) => u.id),
);

/** Customers' time zones by id: what dates are shown in. Not personal data, so not audited. */
export const timeZoneByCustomer = defineLoader<string, string | null, GraphQLContext>(async (ids, ctx) => {
  const rows = await ctx.db.manager.find(Customer, { where: { id: In([...ids]) }, select: { id: true, timeZone: true } });
  const map = byKey(ids, rows, (r) => r.id);
  return map.map((c) => c?.timeZone ?? null);
});
