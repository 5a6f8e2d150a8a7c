import { type EntityManager } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { Page } from '../graphql/pagination.js';
import { purchaseCreated } from './customer.events.js';

export interface PurchaseFields {
  customerId: string;
  modelId: string;
  serialNumber?: string | null;
  purchasedAt: Date;
  deliveredAt?: Date | null;
  channel: string;
  orderReference?: string | null;
  priceMinor: number;
  currency: string;
}

export interface PurchaseFilter {
  customerId?: string | null;
  modelId?: string | null;
  serialNumber?: string | null;
  channel?: string | null;
  /** Purchased at or after. */
  from?: Date | null;
  /** Purchased before. */
  to?: Date | null;
}

/** Serial numbers are compared and stored upper-case without spaces around. */
export const normalizeSerial = (s: string | null | undefined) => (s?.trim() ? s.trim().toUpperCase() : null);

/** Purchases: one sold item each. Creating one publishes `core.purchase.created` in its transaction. */
export class PurchaseService {
  constructor(private readonly events: EventBus) {}

  async find(m: EntityManager, filter: PurchaseFilter, skip: number, take: number): Promise<Page<Purchase>> {
    const qb = m.getRepository(Purchase).createQueryBuilder('p');
    if (filter.customerId) qb.andWhere('p.customer_id = :c', { c: filter.customerId });
    if (filter.modelId) qb.andWhere('p.model_id = :mo', { mo: filter.modelId });
    if (filter.serialNumber) qb.andWhere('p.serial_number = :s', { s: normalizeSerial(filter.serialNumber) });
    if (filter.channel) qb.andWhere('p.channel = :ch', { ch: filter.channel });
    if (filter.from) qb.andWhere('p.purchased_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('p.purchased_at < :to', { to: filter.to });
    const [items, totalCount] = await qb
      .orderBy('p.purchased_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return { items, totalCount };
  }

  /** Record a purchase in `m`'s transaction, with its audit entry and `core.purchase.created`. */
  async create(m: EntityManager, f: PurchaseFields, source = 'staff'): Promise<Purchase> {
    const errors: Array<{ field: string; message: string }> = [];
    if (!(await m.existsBy(Customer, { id: f.customerId }))) errors.push({ field: 'customerId', message: 'no such customer' });
    const model = await m.findOneBy(ProductModel, { id: f.modelId });
    if (!model) errors.push({ field: 'modelId', message: 'no such product model' });
    if (f.deliveredAt && f.deliveredAt < f.purchasedAt) errors.push({ field: 'deliveredAt', message: 'must not be before purchasedAt' });
    if (f.purchasedAt.getTime() > Date.now() + 24 * 3600_000) errors.push({ field: 'purchasedAt', message: 'must not be in the future' });
    if (errors.length) throw new ValidationError(errors);
    const serialNumber = normalizeSerial(f.serialNumber);
    if (serialNumber && (await m.existsBy(Purchase, { modelId: f.modelId, serialNumber })))
      throw new ConflictError(`Serial number ${serialNumber} is already recorded for model ${model!.sku}.`, { field: 'serialNumber' });
    let saved: Purchase;
    try {
      saved = await m.save(
        Purchase,
        m.create(Purchase, {
          customerId: f.customerId,
          modelId: f.modelId,
          serialNumber,
          purchasedAt: f.purchasedAt,
          deliveredAt: f.deliveredAt ?? null,
          channel: f.channel,
          orderReference: f.orderReference?.trim() || null,
          priceMinor: f.priceMinor,
          currency: f.currency.toUpperCase(),
        }),
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new ConflictError(`Serial number ${serialNumber} is already recorded for model ${model!.sku}.`, { field: 'serialNumber' });
      throw err;
    }
    await audit.record(m, {
      action: 'purchase.create',
      objectType: 'Purchase',
      objectId: saved.id,
      after: {
        customerId: saved.customerId,
        sku: model!.sku,
        serialNumber,
        channel: saved.channel,
        priceMinor: saved.priceMinor,
        currency: saved.currency,
      },
      metadata: { source },
    });
    await this.events.publish(
      m,
      purchaseCreated,
      {
        purchaseId: saved.id,
        customerId: saved.customerId,
        modelId: saved.modelId,
        sku: model!.sku,
        serialNumber,
        purchasedAt: saved.purchasedAt.toISOString(),
        deliveredAt: saved.deliveredAt?.toISOString() ?? null,
        channel: saved.channel,
      },
      { aggregateId: saved.id },
    );
    return saved;
  }
}
