import { ConflictError, findPage, NotFoundError, type Page, type PageWindow, ProductModel, ValidationError } from '@aftercare/core';
import { In, Raw } from 'typeorm';
import { SparePart } from '../entities/spare-part.entity.js';
import type { WarrantyDeps } from './deps.js';

/** What `saveSparePart` may set. `stockQuantity` is the opening stock of a new part; later moves go through {@link PartsService.adjustStock}. */
export interface SparePartFields {
  sku: string;
  name: string;
  stockQuantity?: number | null;
  reorderLevel?: number | null;
  costMinor: number;
  currency: string;
  modelIds?: string[] | null;
}

/** A stock movement: received goods (+), write-offs or a count correction (−), with the reason kept in the audit log. */
export interface StockAdjustment {
  partId: string;
  delta: number;
  reason: string;
}

const audited = (p: SparePart) => ({
  sku: p.sku,
  name: p.name,
  stockQuantity: p.stockQuantity,
  reorderLevel: p.reorderLevel,
  costMinor: p.costMinor,
  currency: p.currency,
  modelIds: p.modelIds,
});

/** The spare-parts catalogue: parts, the models they fit, reorder levels and stock movements. */
export class PartsService {
  constructor(private readonly deps: WarrantyDeps) {}

  /** The catalogue by SKU: parts whose SKU or name contains `search`, that fit a model, or are low on stock. */
  list(
    filter: { search?: string | null; modelId?: string | null; lowStock?: boolean | null },
    window: PageWindow,
  ): Promise<Page<SparePart>> {
    return findPage(this.deps.db.getRepository(SparePart), {
      where: {
        modelIds: filter.modelId ? Raw((col) => `:modelId = ANY(${col})`, { modelId: filter.modelId }) : undefined,
        stockQuantity: filter.lowStock ? Raw((col) => `${col} <= reorder_level AND reorder_level > 0`) : undefined,
      },
      search: { term: filter.search, fields: ['sku', 'name'] },
      order: { sku: 'ASC' },
      ...window,
    });
  }

  /**
   * Create a part, or update the part with this SKU. Stock is only set when the part is created (or
   * when the caller passes `stockQuantity` explicitly, as before): editing a part's name or cost never
   * overwrites stock that technicians took in the meantime.
   */
  async save(f: SparePartFields): Promise<SparePart> {
    const modelIds = [...new Set(f.modelIds ?? [])];
    return this.deps.db.transaction(async (m) => {
      if (modelIds.length) {
        const found = await m.countBy(ProductModel, { id: In(modelIds) });
        if (found !== modelIds.length) throw new ValidationError([{ field: 'modelIds', message: 'contains a model that does not exist' }]);
      }
      const before = await m.findOne(SparePart, { where: { sku: f.sku }, lock: { mode: 'pessimistic_write' } });
      if (!before && f.stockQuantity == null) {
        throw new ValidationError([{ field: 'stockQuantity', message: 'give the opening stock of a new part' }]);
      }
      const saved = await m.save(
        m.create(SparePart, {
          ...(before ?? {}),
          sku: f.sku,
          name: f.name,
          costMinor: f.costMinor,
          currency: f.currency,
          stockQuantity: f.stockQuantity ?? before!.stockQuantity,
          reorderLevel: f.reorderLevel ?? before?.reorderLevel ?? 0,
          modelIds: f.modelIds ? modelIds : (before?.modelIds ?? []),
        }),
      );
      await this.deps.audit.record(m, {
        action: before ? 'sparePart.update' : 'sparePart.create',
        objectType: 'SparePart',
        objectId: saved.id,
        before: before ? audited(before) : null,
        after: audited(saved),
      });
      return saved;
    });
  }

  /**
   * Move stock by `delta` in one guarded UPDATE (`stock_quantity + delta >= 0`): a write-off can never
   * take stock below zero, even while technicians take parts at the same moment (CONFLICT, nothing changes).
   */
  async adjustStock(a: StockAdjustment): Promise<SparePart> {
    if (a.delta === 0) throw new ValidationError([{ field: 'delta', message: 'must not be 0' }]);
    const reason = a.reason.trim();
    if (!reason) throw new ValidationError([{ field: 'reason', message: 'say why the stock changes' }]);
    return this.deps.db.transaction(async (m) => {
      const updated: Array<{ stock_quantity: number }> = await m.query(
        `WITH moved AS (UPDATE warranty_spare_part SET stock_quantity = stock_quantity + $2
                         WHERE id = $1 AND stock_quantity + $2 >= 0 RETURNING stock_quantity)
         SELECT stock_quantity FROM moved`,
        [a.partId, a.delta],
      );
      if (!updated.length) {
        const part = await m.findOneBy(SparePart, { id: a.partId });
        if (!part) throw new NotFoundError('Spare part', a.partId);
        throw new ConflictError(`Only ${part.stockQuantity} of ${part.sku} in stock: the stock cannot go below zero.`, {
          partId: part.id,
          available: part.stockQuantity,
        });
      }
      const after = updated[0]!.stock_quantity;
      await this.deps.audit.record(m, {
        action: 'sparePart.adjustStock',
        objectType: 'SparePart',
        objectId: a.partId,
        before: { stockQuantity: after - a.delta },
        after: { stockQuantity: after },
        metadata: { delta: a.delta, reason },
      });
      return (await m.findOneBy(SparePart, { id: a.partId }))!;
    });
  }
}
