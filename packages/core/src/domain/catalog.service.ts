import type { EntityManager } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Product } from '../entities/product.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Page } from '../graphql/pagination.js';
import { likeEscape } from './like.js';

export interface ProductFields {
  name?: string;
  category?: string;
  attributes?: Record<string, unknown>;
}

export interface ProductModelFields {
  productId?: string;
  sku?: string;
  name?: string;
  attributes?: Record<string, unknown>;
  warrantyMonths?: number;
  returnWindowDays?: number;
}

/** SKUs are compared and stored upper-case without surrounding spaces. */
export const normalizeSku = (sku: string) => sku.trim().toUpperCase();

/** Products and their models (SKUs). Writes are audited in their transaction. */
export class CatalogService {
  async products(
    m: EntityManager,
    filter: { search?: string | null; category?: string | null; skip: number; take: number },
  ): Promise<Page<Product>> {
    const qb = m.getRepository(Product).createQueryBuilder('p');
    if (filter.search?.trim()) qb.andWhere(`p.name ILIKE :s ESCAPE '\\'`, { s: `%${likeEscape(filter.search.trim())}%` });
    if (filter.category?.trim()) qb.andWhere('p.category = :c', { c: filter.category.trim() });
    const [items, totalCount] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id').skip(filter.skip).take(filter.take).getManyAndCount();
    return { items, totalCount };
  }

  async models(
    m: EntityManager,
    filter: { productId?: string | null; search?: string | null; skip: number; take: number },
  ): Promise<Page<ProductModel>> {
    const qb = m.getRepository(ProductModel).createQueryBuilder('pm');
    if (filter.productId) qb.andWhere('pm.product_id = :p', { p: filter.productId });
    if (filter.search?.trim())
      qb.andWhere(`(pm.sku ILIKE :s ESCAPE '\\' OR pm.name ILIKE :s ESCAPE '\\')`, { s: `%${likeEscape(filter.search.trim())}%` });
    const [items, totalCount] = await qb.orderBy('pm.sku', 'ASC').skip(filter.skip).take(filter.take).getManyAndCount();
    return { items, totalCount };
  }

  async createProduct(m: EntityManager, f: Required<Pick<ProductFields, 'name' | 'category'>> & ProductFields): Promise<Product> {
    const name = f.name.trim();
    if (await m.existsBy(Product, { name })) throw new ConflictError(`A product named '${name}' already exists.`, { field: 'name' });
    const saved = await m.save(Product, m.create(Product, { name, category: f.category.trim(), attributes: f.attributes ?? {} }));
    await audit.record(m, {
      action: 'product.create',
      objectType: 'Product',
      objectId: saved.id,
      after: { name, category: saved.category },
    });
    return saved;
  }

  async updateProduct(m: EntityManager, id: string, f: ProductFields): Promise<Product> {
    const row = await m.findOne(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError('Product', id);
    const before = { name: row.name, category: row.category, attributes: row.attributes };
    if (f.name !== undefined) {
      const name = f.name.trim();
      const clash = await m.findOneBy(Product, { name });
      if (clash && clash.id !== id) throw new ConflictError(`A product named '${name}' already exists.`, { field: 'name' });
      row.name = name;
    }
    if (f.category !== undefined) row.category = f.category.trim();
    if (f.attributes !== undefined) row.attributes = f.attributes;
    const saved = await m.save(Product, row);
    await audit.record(m, {
      action: 'product.update',
      objectType: 'Product',
      objectId: id,
      before,
      after: { name: saved.name, category: saved.category, attributes: saved.attributes },
    });
    return saved;
  }

  async createModel(
    m: EntityManager,
    f: Required<Pick<ProductModelFields, 'productId' | 'sku' | 'name' | 'warrantyMonths' | 'returnWindowDays'>> & ProductModelFields,
  ): Promise<ProductModel> {
    if (!(await m.existsBy(Product, { id: f.productId }))) throw new ValidationError([{ field: 'productId', message: 'no such product' }]);
    const sku = normalizeSku(f.sku);
    if (await m.existsBy(ProductModel, { sku })) throw new ConflictError(`A model with SKU ${sku} already exists.`, { field: 'sku' });
    const saved = await m.save(
      ProductModel,
      m.create(ProductModel, {
        productId: f.productId,
        sku,
        name: f.name.trim(),
        attributes: f.attributes ?? {},
        warrantyMonths: f.warrantyMonths,
        returnWindowDays: f.returnWindowDays,
      }),
    );
    await audit.record(m, {
      action: 'productModel.create',
      objectType: 'ProductModel',
      objectId: saved.id,
      after: { sku, name: saved.name, warrantyMonths: saved.warrantyMonths, returnWindowDays: saved.returnWindowDays },
    });
    return saved;
  }

  async updateModel(m: EntityManager, id: string, f: ProductModelFields): Promise<ProductModel> {
    const row = await m.findOne(ProductModel, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError('Product model', id);
    const view = (r: ProductModel) => ({
      productId: r.productId,
      sku: r.sku,
      name: r.name,
      attributes: r.attributes,
      warrantyMonths: r.warrantyMonths,
      returnWindowDays: r.returnWindowDays,
    });
    const before = view(row);
    if (f.productId !== undefined && f.productId !== row.productId) {
      if (!(await m.existsBy(Product, { id: f.productId })))
        throw new ValidationError([{ field: 'productId', message: 'no such product' }]);
      row.productId = f.productId;
    }
    if (f.sku !== undefined) {
      const sku = normalizeSku(f.sku);
      const clash = await m.findOneBy(ProductModel, { sku });
      if (clash && clash.id !== id) throw new ConflictError(`A model with SKU ${sku} already exists.`, { field: 'sku' });
      row.sku = sku;
    }
    if (f.name !== undefined) row.name = f.name.trim();
    if (f.attributes !== undefined) row.attributes = f.attributes;
    if (f.warrantyMonths !== undefined) row.warrantyMonths = f.warrantyMonths;
    if (f.returnWindowDays !== undefined) row.returnWindowDays = f.returnWindowDays;
    const saved = await m.save(ProductModel, row);
    await audit.record(m, { action: 'productModel.update', objectType: 'ProductModel', objectId: id, before, after: view(saved) });
    return saved;
  }
}
