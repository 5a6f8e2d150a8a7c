import { findPage, NotFoundError, type Page, type PageWindow, Product, ProductModel } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { WarrantyPolicy } from '../entities/warranty-policy.entity.js';
import type { PolicyTerms } from './coverage.js';
import type { WarrantyDeps } from './deps.js';

/** Policy fields an editor sets. */
export interface PolicyFields {
  name: string;
  modelId?: string | null;
  category?: string | null;
  months: number;
  startFrom: WarrantyPolicy['startFrom'];
  coverageTypes: WarrantyPolicy['coverageTypes'];
  exclusions?: string[];
  legalBasis: WarrantyPolicy['legalBasis'];
  usDesignation?: WarrantyPolicy['usDesignation'];
  transferable?: boolean;
  active?: boolean;
}

export function termsOf(p: WarrantyPolicy): PolicyTerms {
  return {
    id: p.id,
    name: p.name,
    months: p.months,
    startFrom: p.startFrom,
    coverageTypes: p.coverageTypes,
    exclusions: p.exclusions,
    legalBasis: p.legalBasis,
    usDesignation: p.usDesignation,
    transferable: p.transferable,
  };
}

/** Warranty policies per model or category, and the choice of the policy for a model. */
export class PolicyService {
  constructor(private readonly deps: WarrantyDeps) {}

  /** Warranty policies, newest first. */
  list(window: PageWindow): Promise<Page<WarrantyPolicy>> {
    return findPage(this.deps.db.getRepository(WarrantyPolicy), { order: { createdAt: 'DESC' }, ...window });
  }

  async save(id: string | null, fields: PolicyFields): Promise<WarrantyPolicy> {
    return this.deps.db.transaction(async (m) => {
      if (fields.modelId && !(await m.existsBy(ProductModel, { id: fields.modelId })))
        throw new NotFoundError('Product model', fields.modelId);
      const repo = m.getRepository(WarrantyPolicy);
      const before = id ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (id && !before) throw new NotFoundError('Warranty policy', id);
      const saved = await repo.save(
        repo.create({ ...(before ?? {}), ...fields, exclusions: fields.exclusions ?? before?.exclusions ?? [] }),
      );
      await this.deps.audit.record(m, {
        action: id ? 'warrantyPolicy.update' : 'warrantyPolicy.create',
        objectType: 'WarrantyPolicy',
        objectId: saved.id,
        before: before ? { ...before } : null,
        after: { ...saved },
      });
      return saved;
    });
  }

  /**
   * The terms for a model: its own active policy, else its category's, else the model's default
   * commercial warranty (`warrantyMonths`, parts and labour, from purchase).
   */
  async termsFor(manager: EntityManager, modelId: string): Promise<PolicyTerms | null> {
    const model = await manager.findOneBy(ProductModel, { id: modelId });
    if (!model) return null;
    const own = await manager.findOne(WarrantyPolicy, { where: { modelId, active: true }, order: { createdAt: 'DESC' } });
    if (own) return termsOf(own);
    const product = await manager.findOneBy(Product, { id: model.productId });
    if (product) {
      const cat = await manager.findOne(WarrantyPolicy, {
        where: { modelId: IsNull(), category: product.category, active: true },
        order: { createdAt: 'DESC' },
      });
      if (cat) return termsOf(cat);
    }
    if (model.warrantyMonths <= 0) return null;
    return {
      id: null,
      name: `${model.warrantyMonths}-month manufacturer warranty`,
      months: model.warrantyMonths,
      startFrom: 'purchase',
      coverageTypes: ['parts', 'labour'],
      exclusions: ['accidental_damage', 'misuse'],
      legalBasis: 'commercial_warranty',
      usDesignation: 'limited',
      transferable: false,
    };
  }
}
