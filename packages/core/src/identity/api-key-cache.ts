import { LRUCache } from 'lru-cache';

/** What a request needs of a resolved API key; never the secret. */
export interface ResolvedApiKey {
  keyId: string;
  name: string;
  /** The key's effective permissions: its roles narrowed to what its creator holds now. */
  permissions: ReadonlySet<string>;
  /** When `last_used_at` was last written (or read), in ms since the epoch; drives the throttled touch. */
  touchedAt: number;
}

/**
 * A short-lived, bounded, in-process cache of resolved API keys, keyed by the SHA-256 digest of the
 * secret (the plaintext is never held). A hit means the caller presented a secret with that digest,
 * so no second comparison is needed.
 *
 * Consistency: `invalidate()` empties it, and the identity service calls it after committing any
 * change that can narrow a key (revocation, role permissions, a creator's roles or deactivation), so
 * in this process such a change takes effect on the next request. Other server processes on the
 * same database hear of it through a PostgreSQL notification ({@link listenForApiKeyInvalidations})
 * and empty theirs as it arrives; should the notification be lost (a process whose listening
 * connection is down), their entries still expire within `ttlMs`.
 *
 * A lookup that started before an invalidation does not store its (possibly stale) answer after it:
 * every fill checks the generation it started in.
 */
export class ApiKeyCache {
  private readonly cache: LRUCache<string, ResolvedApiKey> | undefined;
  private generation = 0;

  /** `ttlMs` 0 disables caching: every request looks the key up. */
  constructor(
    readonly ttlMs: number,
    max = 10_000,
  ) {
    this.cache = ttlMs > 0 ? new LRUCache<string, ResolvedApiKey>({ max, ttl: ttlMs, ttlAutopurge: false }) : undefined;
  }

  /** The cached key for a secret digest, if fresh. */
  get(digest: string): ResolvedApiKey | undefined {
    return this.cache?.get(digest);
  }

  /** The current generation: pass it to {@link set} so a fill that raced an invalidation is dropped. */
  begin(): number {
    return this.generation;
  }

  /** Store a resolved key, unless the cache was invalidated since `generation` was taken. */
  set(digest: string, key: ResolvedApiKey, generation: number): void {
    if (this.cache && generation === this.generation) this.cache.set(digest, key);
  }

  /** Told about every {@link invalidate}: tells the other server processes (set by the listener). */
  broadcast: (() => void) | undefined;

  /** Forget everything (after a revocation or a change of roles or staff users), here and in the other processes. */
  invalidate(): void {
    this.invalidateHere();
    this.broadcast?.();
  }

  /** Forget everything in this process only (another process announced a change). */
  invalidateHere(): void {
    this.generation++;
    this.cache?.clear();
  }

  /** The cached entries (digest and value), for inspection in tests and diagnostics. */
  entries(): Array<[string, ResolvedApiKey]> {
    return this.cache ? [...this.cache.entries()] : [];
  }
}
