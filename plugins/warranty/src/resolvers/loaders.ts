import { byKey, defineLoader, type GraphQLContext, groupByKey } from '@aftercare/core';
import { In } from 'typeorm';
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
