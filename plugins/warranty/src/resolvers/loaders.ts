import { byKey, Customer, defineLoader, defineServiceLoader, type GraphQLContext, groupByKey, SlaClockRecord } from '@aftercare/core';
import { In } from 'typeorm';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPart } from '../entities/repair-part.entity.js';
import { RepairVisit } from '../entities/repair-visit.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import type { Warranty } from '../runtime.js';
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
export const abuseSignalsOf = defineServiceLoader<WarrantyClaim, AbuseSignal[], Warranty, GraphQLContext>(async (claims, ctx, w) =>
  w.claims.abuseSignals(ctx.db.manager, claims),
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

/** SLA clocks by `<subjectType>:<id>` (warranty.claim, warranty.repair), in one query for a page. */
export const clockOf = defineLoader<string, SlaClockRecord | null, GraphQLContext>(async (keys, ctx) => {
  const ids = [...new Set(keys.map((k) => k.slice(k.lastIndexOf(':') + 1)))];
  const rows = await ctx.db.manager.findBy(SlaClockRecord, { subjectId: In(ids) });
  return byKey(keys, rows, (c) => `${c.subjectType}:${c.subjectId}`);
});

/** Claim numbers by id, for repair orders. */
export const claimNumberOf = defineLoader<string, number | null, GraphQLContext>(async (ids, ctx) => {
  const rows = await ctx.db.manager.find(WarrantyClaim, { where: { id: In([...ids]) }, select: { id: true, number: true } });
  return byKey(ids, rows, (r) => r.id).map((r) => r?.number ?? null);
});

/** The resolution due date of an open clock, and whether it is breached now. */
export function slaState(clock: SlaClockRecord | null, now: Date): { dueAt: Date | null; breached: boolean } {
  if (!clock) return { dueAt: null, breached: false };
  const dueAt = clock.closed ? null : clock.resolutionDueAt;
  const breached =
    clock.resolutionStatus === 'breached' || (!clock.closed && !clock.paused && !!clock.resolutionDueAt && clock.resolutionDueAt <= now);
  return { dueAt, breached };
}

/** Repair orders of claims (cancelled ones included: the reviewer sees every attempt), oldest first. */
export const repairsByClaim = defineLoader<string, RepairOrder[], GraphQLContext>(async (ids, ctx) =>
  groupByKey(
    ids,
    await ctx.db.manager.find(RepairOrder, { where: { claimId: In([...ids]) }, order: { createdAt: 'ASC' } }),
    (r) => r.claimId!,
  ),
);

/** Repair orders by id (the order behind a visit). */
export const repairOrderById = defineLoader<string, RepairOrder | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(RepairOrder, { id: In([...ids]) }), (r) => r.id),
);

/** Customers' time zones by id: what dates are shown in. Not personal data, so not audited. */
export const timeZoneByCustomer = defineLoader<string, string | null, GraphQLContext>(async (ids, ctx) => {
  const rows = await ctx.db.manager.find(Customer, { where: { id: In([...ids]) }, select: { id: true, timeZone: true } });
  const map = byKey(ids, rows, (r) => r.id);
  return map.map((c) => c?.timeZone ?? null);
});
