import {
  type Actor,
  ConflictError,
  Customer,
  findPage,
  idempotent,
  NotFoundError,
  type Page,
  type PageWindow,
  ProductModel,
  Purchase,
  ValidationError,
} from '@aftercare/core';
import { DateTime } from 'luxon';
import { type EntityManager, LessThanOrEqual } from 'typeorm';
import type { RegistrationSource, RegistrationStatus } from '../domain.js';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { WarrantyProofDocument } from '../entities/warranty-proof-document.entity.js';
import { contractSold, registrationCreated, registrationExpired, registrationExpiring } from '../events.js';
import { localDayStart, period, type PolicyTerms } from './coverage.js';
import { actorKey, normalizeSerial, type WarrantyDeps } from './deps.js';
import type { PolicyService } from './policy.service.js';

/** A registration by staff or the customer: a core purchase, or an item bought elsewhere with proof. */
export interface RegisterFields {
  customerId: string;
  purchaseId?: string | null;
  modelId?: string | null;
  serialNumber?: string | null;
  purchasedAt?: Date | null;
  deliveredAt?: Date | null;
  seller?: string | null;
  proofOfPurchaseRef?: string | null;
  /** A proof-of-purchase file stored with the registration, in the same transaction. */
  proof?: { fileName: string; contentType: string; content: Buffer } | null;
}

export interface SellContractFields {
  registrationId: string;
  priceMinor: number;
  currency: string;
  termMonths: number;
  claimCapMinor?: number | null;
  deductibleMinor?: number;
  idempotencyKey: string;
}

/** Warranty registrations (automatic and manual), extended contracts and the daily expiry. */
export class RegistrationService {
  constructor(
    private readonly deps: WarrantyDeps,
    private readonly policies: PolicyService,
  ) {}

  /** Register a purchase from `core.purchase.created`; a purchase already registered is left alone. */
  async fromPurchase(manager: EntityManager, purchaseId: string): Promise<WarrantyRegistration | null> {
    if (await manager.existsBy(WarrantyRegistration, { purchaseId })) return null;
    const purchase = await manager.findOneBy(Purchase, { id: purchaseId });
    if (!purchase) return null;
    const terms = await this.policies.termsFor(manager, purchase.modelId);
    if (!terms) return null;
    return this.insert(manager, null, 'purchase', terms, {
      customerId: purchase.customerId,
      purchaseId: purchase.id,
      modelId: purchase.modelId,
      serialNumber: purchase.serialNumber,
      purchasedAt: purchase.purchasedAt,
      deliveredAt: purchase.deliveredAt,
      seller: null,
      proofOfPurchaseRef: purchase.orderReference,
    });
  }
  /** Registrations, newest first, by customer, model, serial, status or source (each optional). */
  list(
    filter: { customerId?: string; modelId?: string; serialNumber?: string; status?: RegistrationStatus; source?: RegistrationSource },
    window: PageWindow,
  ): Promise<Page<WarrantyRegistration>> {
    return findPage(this.deps.db.getRepository(WarrantyRegistration), {
      where: {
        customerId: filter.customerId,
        modelId: filter.modelId,
        serialNumber: normalizeSerial(filter.serialNumber) ?? undefined,
        status: filter.status,
        source: filter.source,
      },
      order: { createdAt: 'DESC' },
      ...window,
    });
  }

  /** Register an item by staff or the customer. Customers may only register their own purchases. */
  async register(actor: Actor, fields: RegisterFields): Promise<WarrantyRegistration> {
    const source: RegistrationSource = actor.kind === 'customer' ? 'customer' : 'staff';
    return this.deps.db.transaction(async (m) => {
      if (!(await m.existsBy(Customer, { id: fields.customerId }))) throw new NotFoundError('Customer', fields.customerId);
      let item: Required<Omit<RegisterFields, 'customerId' | 'modelId' | 'purchasedAt' | 'proof'>> & { modelId: string; purchasedAt: Date };
      if (fields.purchaseId) {
        const p = await m.findOneBy(Purchase, { id: fields.purchaseId });
        if (!p || p.customerId !== fields.customerId) throw new NotFoundError('Purchase', fields.purchaseId);
        if (await m.existsBy(WarrantyRegistration, { purchaseId: p.id })) {
          throw new ConflictError('This purchase is already registered; look it up with warrantyCoverage.');
        }
        item = {
          purchaseId: p.id,
          modelId: p.modelId,
          serialNumber: p.serialNumber,
          purchasedAt: p.purchasedAt,
          deliveredAt: p.deliveredAt,
          seller: null,
          proofOfPurchaseRef: fields.proofOfPurchaseRef ?? p.orderReference,
        };
      } else {
        const missing = (['modelId', 'serialNumber', 'purchasedAt', 'proofOfPurchaseRef'] as const).filter((k) => !fields[k]);
        if (missing.length) {
          throw new ValidationError(
            missing.map((f) => ({ field: f, message: 'is required when registering an item without a purchaseId (bought elsewhere)' })),
          );
        }
        if (!(await m.existsBy(ProductModel, { id: fields.modelId! }))) throw new NotFoundError('Product model', fields.modelId!);
        const serial = normalizeSerial(fields.serialNumber);
        if (await m.existsBy(WarrantyRegistration, { modelId: fields.modelId!, serialNumber: serial! })) {
          // A customer learns nothing about whose item it is: the same answer whether it is theirs or not.
          if (actor.kind === 'customer') {
            throw new ConflictError('This item cannot be registered online: contact support with your proof of purchase.', {
              field: 'serialNumber',
            });
          }
          throw new ConflictError(`Serial ${serial} of this model is already registered.`);
        }
        if (fields.deliveredAt && fields.deliveredAt < fields.purchasedAt!) {
          throw new ValidationError([{ field: 'deliveredAt', message: 'must not be before purchasedAt' }]);
        }
        item = {
          purchaseId: null,
          modelId: fields.modelId!,
          serialNumber: serial,
          purchasedAt: fields.purchasedAt!,
          deliveredAt: fields.deliveredAt ?? null,
          seller: fields.seller ?? null,
          proofOfPurchaseRef: fields.proofOfPurchaseRef!,
        };
      }
      if (item.purchasedAt > this.deps.now()) throw new ValidationError([{ field: 'purchasedAt', message: 'must not be in the future' }]);
      const terms = await this.policies.termsFor(m, item.modelId);
      if (!terms) {
        throw new ValidationError([
          { field: 'modelId', message: 'this model has no warranty policy and no default warranty: nothing to register' },
        ]);
      }
      const reg = await this.insert(m, actor, source, terms, { ...item, customerId: fields.customerId });
      if (fields.proof) {
        await m.insert(WarrantyProofDocument, {
          registrationId: reg.id,
          customerId: fields.customerId,
          fileName: fields.proof.fileName,
          contentType: fields.proof.contentType,
          sizeBytes: fields.proof.content.length,
          content: fields.proof.content,
        });
      }
      return reg;
    });
  }

  private async insert(
    m: EntityManager,
    actor: Actor | null,
    source: RegistrationSource,
    terms: PolicyTerms,
    item: Required<Omit<RegisterFields, 'modelId' | 'purchasedAt' | 'proof'>> & { modelId: string; purchasedAt: Date },
  ): Promise<WarrantyRegistration> {
    const customer = await m.findOneByOrFail(Customer, { id: item.customerId });
    const start = terms.startFrom === 'delivery' ? (item.deliveredAt ?? item.purchasedAt) : item.purchasedAt;
    const pr = period(start, terms.months, customer.timeZone || 'UTC');
    const endsAt = pr.endsAt;
    const reg = await m.save(
      m.create(WarrantyRegistration, {
        ...item,
        source,
        policyId: terms.id,
        policyName: terms.name,
        months: terms.months,
        startFrom: terms.startFrom,
        coverageTypes: terms.coverageTypes,
        exclusions: terms.exclusions,
        legalBasis: terms.legalBasis,
        usDesignation: terms.usDesignation,
        transferable: terms.transferable,
        startsAt: pr.startsAt,
        endsAt,
        status: endsAt <= this.deps.now() ? 'expired' : 'active',
        createdBy: actorKey(actor),
      }),
    );
    await this.deps.audit.record(m, {
      action: 'warrantyRegistration.create',
      objectType: 'WarrantyRegistration',
      objectId: reg.id,
      after: { purchaseId: reg.purchaseId, modelId: reg.modelId, serialNumber: reg.serialNumber, source, endsAt: reg.endsAt.toISOString() },
      ...(actor ? { actor } : {}),
    });
    await this.deps.events.publish(
      m,
      registrationCreated,
      {
        registrationId: reg.id,
        customerId: reg.customerId,
        purchaseId: reg.purchaseId,
        modelId: reg.modelId,
        serialNumber: reg.serialNumber,
        source,
        endsAt: reg.endsAt.toISOString(),
      },
      { aggregateId: reg.id },
    );
    return reg;
  }

  /**
   * Sell an extended warranty: it starts where the commercial period ends (or today when that has
   * passed) and runs `termMonths`. The idempotency key makes a retried sale return the first one.
   */
  async sellContract(fields: SellContractFields): Promise<WarrantyContract> {
    const { idempotencyKey, ...params } = fields;
    return this.deps.db.transaction((m) =>
      // Same key and same sale: the first contract; same key, other price, term or registration: CONFLICT.
      idempotent(m, {
        scope: 'warranty.contract.sell',
        key: idempotencyKey,
        params,
        find: (id) => m.findOneBy(WarrantyContract, { id }),
        run: () => this.createContract(m, fields),
      }),
    );
  }

  private async createContract(m: EntityManager, fields: SellContractFields): Promise<WarrantyContract> {
    const reg = await m.findOne(WarrantyRegistration, { where: { id: fields.registrationId }, lock: { mode: 'pessimistic_write' } });
    if (!reg) throw new NotFoundError('Warranty registration', fields.registrationId);
    const customer = await m.findOneByOrFail(Customer, { id: reg.customerId });
    const zone = customer.timeZone || 'UTC';
    const last = await m.findOne(WarrantyContract, { where: { registrationId: reg.id }, order: { endsAt: 'DESC' } });
    const now = this.deps.now();
    const base = [reg.endsAt, last?.endsAt ?? reg.endsAt].reduce((a, b) => (b > a ? b : a));
    const starts = base > now ? localDayStart(base, zone) : localDayStart(now, zone);
    const contract = await m.save(
      m.create(WarrantyContract, {
        registrationId: reg.id,
        customerId: reg.customerId,
        priceMinor: fields.priceMinor,
        currency: fields.currency,
        termMonths: fields.termMonths,
        startsAt: starts.toJSDate(),
        endsAt: starts.plus({ months: fields.termMonths }).toJSDate(),
        claimCapMinor: fields.claimCapMinor ?? null,
        deductibleMinor: fields.deductibleMinor ?? 0,
        claimedMinor: 0,
        coverageTypes: reg.coverageTypes,
        exclusions: reg.exclusions,
        idempotencyKey: fields.idempotencyKey,
      }),
    );
    await this.deps.audit.record(m, {
      action: 'warrantyContract.sell',
      objectType: 'ExtendedWarrantyContract',
      objectId: contract.id,
      after: { registrationId: reg.id, priceMinor: contract.priceMinor, currency: contract.currency, termMonths: contract.termMonths },
    });
    await this.deps.events.publish(
      m,
      contractSold,
      {
        contractId: contract.id,
        registrationId: reg.id,
        customerId: reg.customerId,
        priceMinor: contract.priceMinor,
        currency: contract.currency,
      },
      { aggregateId: contract.id },
    );
    return contract;
  }

  /**
   * The daily job: registrations whose commercial period ended become `expired` (one event each),
   * and those ending within the reminder window get one `expiring` event. Safe to run again: rows
   * are claimed with `FOR UPDATE SKIP LOCKED` and each state is written once.
   */
  async runDaily(): Promise<{ expired: number; reminded: number }> {
    const now = this.deps.now();
    const { expiryReminderDays } = await this.deps.settings.get();
    return this.deps.db.transaction(async (m) => {
      const due = await m.find(WarrantyRegistration, {
        where: { status: 'active', endsAt: LessThanOrEqual(now) },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        take: 1000,
      });
      for (const r of due) {
        await m.update(WarrantyRegistration, { id: r.id }, { status: 'expired' });
        await this.deps.events.publish(
          m,
          registrationExpired,
          { registrationId: r.id, customerId: r.customerId, modelId: r.modelId, endedAt: r.endsAt.toISOString() },
          { aggregateId: r.id },
        );
      }
      const horizon = DateTime.fromJSDate(now).plus({ days: expiryReminderDays }).toJSDate();
      const soon = await m
        .createQueryBuilder(WarrantyRegistration, 'r')
        .where(`r.status = 'active' AND r.reminderSentAt IS NULL AND r.endsAt > :now AND r.endsAt <= :horizon`, { now, horizon })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .take(1000)
        .getMany();
      for (const r of soon) {
        await m.update(WarrantyRegistration, { id: r.id }, { reminderSentAt: now });
        await this.deps.events.publish(
          m,
          registrationExpiring,
          { registrationId: r.id, customerId: r.customerId, endsAt: r.endsAt.toISOString() },
          { aggregateId: r.id },
        );
        const customer = await m.findOneBy(Customer, { id: r.customerId });
        if (customer && !customer.anonymizedAt) {
          await this.deps.notify.enqueue(m, {
            to: customer.email,
            template: 'warranty-expiring',
            locale: customer.locale,
            data: {
              name: customer.name,
              lastDay: DateTime.fromJSDate(r.endsAt, { zone: customer.timeZone || 'UTC' })
                .minus({ days: 1 })
                .toISODate(),
            },
          });
        }
      }
      return { expired: due.length, reminded: soon.length };
    });
  }
}
