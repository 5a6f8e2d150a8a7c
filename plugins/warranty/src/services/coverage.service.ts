import { Customer, NotFoundError, Purchase, ValidationError } from '@aftercare/core';
import { type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { computeCoverage, type CoverageResult, jurisdictionFor, type PolicyTerms } from './coverage.js';
import { normalizeSerial, type WarrantyDeps } from './deps.js';
import type { PolicyService } from './policy.service.js';

/** What the entitlement check is asked about. */
export interface CoverageQuery {
  serialNumber?: string | null;
  purchaseId?: string | null;
  /** Needed only when two models share a serial number. */
  modelId?: string | null;
  at?: Date | null;
  damageType?: string | null;
}

/** The entitlement check's answer, with the item it is about. */
export interface CoverageAnswer extends CoverageResult {
  at: Date;
  serialNumber: string | null;
  customerId: string | null;
  modelId: string | null;
  purchaseId: string | null;
  registrationId: string | null;
  timeZone: string;
  jurisdiction: string | null;
}

export function termsOfRegistration(r: WarrantyRegistration): PolicyTerms {
  return {
    id: r.policyId,
    name: r.policyName,
    months: r.months,
    startFrom: r.startFrom,
    coverageTypes: r.coverageTypes,
    exclusions: r.exclusions,
    legalBasis: r.legalBasis,
    usDesignation: r.usDesignation,
    transferable: r.transferable,
  };
}

/** Reads what the entitlement check needs and runs the pure `computeCoverage`. */
export class CoverageService {
  constructor(
    private readonly deps: WarrantyDeps,
    private readonly policies: PolicyService,
  ) {}

  async check(q: CoverageQuery, manager: EntityManager = this.deps.db.manager): Promise<CoverageAnswer> {
    if (!q.serialNumber && !q.purchaseId) {
      throw new ValidationError([{ field: 'serialNumber', message: 'give a serialNumber or a purchaseId' }]);
    }
    const at = q.at ?? this.deps.now();
    let registration: WarrantyRegistration | null = null;
    let purchase: Purchase | null = null;
    if (q.purchaseId) {
      purchase = await manager.findOneBy(Purchase, { id: q.purchaseId });
      if (!purchase) throw new NotFoundError('Purchase', q.purchaseId);
      registration = await manager.findOneBy(WarrantyRegistration, { purchaseId: purchase.id });
    } else {
      const serial = normalizeSerial(q.serialNumber)!;
      const models = q.modelId ? { modelId: q.modelId } : {};
      registration = await manager.findOne(WarrantyRegistration, {
        where: { serialNumber: serial, ...models },
        order: { createdAt: 'DESC' },
      });
      purchase = registration?.purchaseId
        ? await manager.findOneBy(Purchase, { id: registration.purchaseId })
        : await manager.findOne(Purchase, {
            where: { serialNumber: serial, ...(registration ? { modelId: registration.modelId } : models) },
            order: { purchasedAt: 'DESC' },
          });
      if (purchase && !registration) registration = await manager.findOneBy(WarrantyRegistration, { purchaseId: purchase.id });
    }
    const customerId = registration?.customerId ?? purchase?.customerId ?? null;
    const customer = customerId ? await manager.findOneBy(Customer, { id: customerId }) : null;
    const settings = await this.deps.settings.get();
    const zone = customer?.timeZone || 'UTC';
    const country = customer?.addresses?.[0]?.country ?? settings.defaultCountry;
    const jurisdiction = customer ? jurisdictionFor(settings.jurisdictions, country) : null;
    const item = registration
      ? { purchasedAt: registration.purchasedAt, deliveredAt: registration.deliveredAt }
      : purchase
        ? { purchasedAt: purchase.purchasedAt, deliveredAt: purchase.deliveredAt }
        : null;
    const contracts = registration ? await manager.findBy(WarrantyContract, { registrationId: registration.id }) : [];
    const claimKeys = [...(registration ? [{ registrationId: registration.id }] : []), ...(purchase ? [{ purchaseId: purchase.id }] : [])];
    // EU 2024/1799: a repair the consumer chose under the legal guarantee extends it once.
    const legalRepairExtension =
      claimKeys.length > 0 &&
      (await manager.exists(WarrantyClaim, {
        where: claimKeys.map((k) => ({
          ...k,
          outcome: 'repaired' as const,
          legalBasis: 'legal_guarantee' as const,
          consumerRemedy: 'repair' as const,
          status: In(['resolved', 'closed']),
          resolvedAt: LessThanOrEqual(at),
        })),
      }));
    const unregisteredPolicy = !registration && purchase ? await this.policies.termsFor(manager, purchase.modelId) : null;
    const result = computeCoverage({
      at,
      timeZone: zone,
      item,
      registration: registration ? { id: registration.id, policy: termsOfRegistration(registration) } : null,
      unregisteredPolicy,
      contracts,
      jurisdiction,
      legalRepairExtension,
      damageType: q.damageType ?? null,
    });
    return {
      ...result,
      at,
      serialNumber: registration?.serialNumber ?? purchase?.serialNumber ?? normalizeSerial(q.serialNumber),
      customerId,
      modelId: registration?.modelId ?? purchase?.modelId ?? null,
      purchaseId: purchase?.id ?? null,
      registrationId: registration?.id ?? null,
      timeZone: zone,
      jurisdiction: jurisdiction?.code ?? null,
    };
  }
}
