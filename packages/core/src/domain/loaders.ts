import { In } from 'typeorm';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Product } from '../entities/product.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { byKey, defineLoader, groupByKey } from '../graphql/loaders.js';
import { auditCustomerReads } from './customer.service.js';

/** Most purchases `Customer.purchases` returns (newest first); `purchases(filter)` pages through all. */
export const CUSTOMER_PURCHASES_LIMIT = 100;

/** Customers by id. Staff reads are audited: one entry per batch. */
export const customerLoader = defineLoader<string, Customer | null, GraphQLContext>(async (ids, ctx) => {
  return ctx.db.transaction(async (m) => {
    const rows = await m.findBy(Customer, { id: In([...ids]) });
    await auditCustomerReads(
      m,
      ctx.actor,
      rows.map((r) => r.id),
      'relation',
    );
    return byKey(ids, rows, (r) => r.id);
  });
});

export const productLoader = defineLoader<string, Product | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(Product, { id: In([...ids]) }), (r) => r.id),
);

export const modelLoader = defineLoader<string, ProductModel | null, GraphQLContext>(async (ids, ctx) =>
  byKey(ids, await ctx.db.manager.findBy(ProductModel, { id: In([...ids]) }), (r) => r.id),
);

export const modelsByProductLoader = defineLoader<string, ProductModel[], GraphQLContext>(async (ids, ctx) =>
  groupByKey(
    ids,
    await ctx.db.manager.find(ProductModel, { where: { productId: In([...ids]) }, order: { sku: 'ASC' } }),
    (r) => r.productId,
  ),
);

export const purchasesByCustomerLoader = defineLoader<string, Purchase[], GraphQLContext>(async (ids, ctx) => {
  const purchases = await ctx.db.manager
    .getRepository(Purchase)
    .createQueryBuilder('p')
    .where(
      `p.id IN (SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY purchased_at DESC, id DESC) AS n
         FROM purchase WHERE customer_id = ANY(:ids::uuid[])) t WHERE n <= :limit)`,
      { ids: [...ids], limit: CUSTOMER_PURCHASES_LIMIT },
    )
    .orderBy('p.purchased_at', 'DESC')
    .addOrderBy('p.id', 'DESC')
    .getMany();
  return groupByKey(ids, purchases, (p) => p.customerId);
});
