import { type FindOptionsOrder, type FindOptionsWhere, ILike, type ObjectLiteral, type Repository, type SelectQueryBuilder } from 'typeorm';
import { likeEscape } from '../domain/like.js';
import { MAX_TAKE, type Page } from './pagination.js';

/** A page window: how many to skip and take (clamped to 0 … and 1 … {@link MAX_TAKE}). */
export interface PageWindow {
  skip?: number | null;
  take?: number | null;
}

/** What {@link findPage} lists: conditions, an optional free-text term, an order and a page window. */
export interface ListQuery<E extends ObjectLiteral> extends PageWindow {
  /** Conditions every row meets (TypeORM find options; `undefined` values mean "no condition"). */
  where?: FindOptionsWhere<E>;
  /**
   * Free text: rows where any of `fields` contains `term` (case-insensitive, `%` and `_` taken
   * literally). An empty or missing term lists everything.
   */
  search?: { term?: string | null; fields: ReadonlyArray<keyof E & string> };
  /** The order; `id` is added last so pages never overlap or skip rows with equal sort keys. */
  order: FindOptionsOrder<E>;
}

/** The window clamped to what list queries allow (`take` 1 … {@link MAX_TAKE}, default 20). */
export function clampWindow({ skip, take }: PageWindow): { skip: number; take: number } {
  return { skip: Math.max(0, skip ?? 0), take: Math.min(MAX_TAKE, Math.max(1, take ?? 20)) };
}

/** Drop `undefined` and `null` conditions, so optional filters can be written inline (`{ status: filter.status }`). */
function defined<E extends ObjectLiteral>(where: FindOptionsWhere<E> | undefined): FindOptionsWhere<E> {
  return Object.fromEntries(Object.entries(where ?? {}).filter(([, v]) => v !== undefined && v !== null)) as FindOptionsWhere<E>;
}

/**
 * One page of a list, the way every list query of core and the plugins is answered: optional
 * conditions (null/undefined filters are ignored), free-text search over some columns, a stable order
 * (ties broken by id) and a clamped window. Services call it; resolvers only pass the arguments on.
 *
 * @example
 * return findPage(this.ctx.db.getRepository(SparePart), {
 *   where: { status: filter.status },
 *   search: { term: filter.search, fields: ['sku', 'name'] },
 *   order: { sku: 'ASC' },
 *   skip, take,
 * });
 */
export async function findPage<E extends ObjectLiteral>(repo: Repository<E>, query: ListQuery<E>): Promise<Page<E>> {
  const base = defined(query.where);
  const term = query.search?.term?.trim();
  const where = term ? query.search!.fields.map((f) => ({ ...base, [f]: ILike(`%${likeEscape(term)}%`) }) as FindOptionsWhere<E>) : base;
  const order = ('id' in (query.order as object) ? query.order : { ...query.order, id: 'ASC' }) as FindOptionsOrder<E>;
  const [items, totalCount] = await repo.findAndCount({ where, order, ...clampWindow(query) });
  return { items, totalCount };
}

/**
 * One page of a query built with conditions a find cannot express (a join to sort by, sub-queries):
 * the same window and result shape. The query must yield one row per item (the window is OFFSET/LIMIT)
 * and end its order with a unique column.
 */
export async function queryPage<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, window: PageWindow): Promise<Page<E>> {
  const { skip, take } = clampWindow(window);
  const [items, totalCount] = await qb.offset(skip).limit(take).getManyAndCount();
  return { items, totalCount };
}
