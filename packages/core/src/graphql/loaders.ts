import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, as `ctx.loaders` in every resolver. A loader is created on first use in
 * a request and shared by every resolver of that request, so the relations of a list resolve in
 * one query per relation instead of one per row. Nothing is cached across requests.
 */
export class RequestLoaders {
  private readonly loaders = new Map<unknown, DataLoader<any, any, any>>();

  /**
   * The request's loader for `key`, made with `batch` the first time. `batch` receives the distinct
   * keys asked for in one tick and returns one value (or Error) per key, in the same order.
   */
  get<K, V, C = K>(key: unknown, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>): DataLoader<K, V, C> {
    let loader = this.loaders.get(key) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, { maxBatchSize: 500, ...options });
      this.loaders.set(key, loader);
    }
    return loader;
  }
}

/**
 * Define a loader once (module level) and get the request's instance with `loader(ctx)`.
 *
 * @example
 * const claimsByPurchase = defineLoader<string, WarrantyClaim[], { manager: EntityManager }>(async (ids, ctx) => {
 *   const rows = await ctx.db.manager.findBy(WarrantyClaim, { purchaseId: In([...ids]) });
 *   return ids.map((id) => rows.filter((r) => r.purchaseId === id));
 * });
 * // in a field resolver
 * return claimsByPurchase(ctx).load(purchase.id);
 */
export function defineLoader<K, V, Ctx extends { loaders: RequestLoaders } = { loaders: RequestLoaders }>(
  batch: (keys: readonly K[], ctx: Ctx) => Promise<ArrayLike<V | Error>>,
): (ctx: Ctx) => DataLoader<K, V> {
  const key = Symbol('loader');
  return (ctx) => ctx.loaders.get<K, V>(key, (keys) => batch(keys, ctx));
}

/**
 * Like {@link defineLoader}, for a batch that needs the plugin's services (which resolvers hold
 * from their constructor): `loader(ctx, this.services).load(key)`.
 *
 * @example
 * const abuseSignalsOf = defineServiceLoader<WarrantyClaim, AbuseSignal[], Warranty>((claims, ctx, w) =>
 *   w.claims.abuseSignals(ctx.db.manager, claims));
 * // in a field resolver of a class constructed with `warranty`
 * return abuseSignalsOf(ctx, this.warranty).load(claim);
 */
export function defineServiceLoader<K, V, Svc, Ctx extends { loaders: RequestLoaders } = { loaders: RequestLoaders }>(
  batch: (keys: readonly K[], ctx: Ctx, services: Svc) => Promise<ArrayLike<V | Error>>,
): (ctx: Ctx, services: Svc) => DataLoader<K, V> {
  const key = Symbol('loader');
  return (ctx, services) => ctx.loaders.get<K, V>(key, (keys) => batch(keys, ctx, services));
}

/** Order rows by `keys` for a DataLoader batch: one row (or null) per key. */
export function byKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): Array<T | null> {
  const map = new Map<K, T>();
  for (const r of rows) map.set(keyOf(r), r);
  return keys.map((k) => map.get(k) ?? null);
}

/** Group rows by `keys` for a DataLoader batch: the list of rows of each key. */
export function groupByKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
