// API keys for the benchmark: the runner creates one (Administrator role) the way the platform
// stores them; the baseline resolves it on every request with the same lookup the platform makes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { Db } from './db.js';

/** The caller a baseline request runs as. */
export interface BaselineActor {
  keyId: string;
  name: string;
  permissions: Set<string>;
}

/** The header that carries the key, as the platform reads it. */
export const API_KEY_HEADER = 'x-api-key';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Create an integrator API key with the Administrator role, created by a dedicated staff user that
 * cannot sign in (its password hash is not a valid hash). Returns the secret. Stored as the platform
 * stores keys: the public prefix and the SHA-256 of the whole secret.
 */
export async function createBenchApiKey(pool: pg.Pool): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [user],
    } = await client.query<{ id: string }>(
      `INSERT INTO staff_user (email, name, password_hash) VALUES ('bench@aftercare.invalid', 'Benchmark', '!')
       ON CONFLICT (email) DO UPDATE SET active = true RETURNING id`,
    );
    await client.query(
      `INSERT INTO staff_user_role (staff_user_id, role_id)
       SELECT $1, r.id FROM role r WHERE r.name = 'Administrator' AND r.built_in
         AND NOT EXISTS (SELECT 1 FROM staff_user_role x WHERE x.staff_user_id = $1 AND x.role_id = r.id)`,
      [user.id],
    );
    const prefix = randomBytes(6).toString('hex');
    const secret = `ak_${prefix}_${randomBytes(32).toString('base64url')}`;
    await client.query(
      `WITH k AS (
         INSERT INTO api_key (name, prefix, secret_hash, created_by_id) VALUES ('benchmark', $1, $2, $3) RETURNING id
       )
       INSERT INTO api_key_role (api_key_id, role_id) SELECT k.id, r.id FROM k, role r WHERE r.name = 'Administrator' AND r.built_in`,
      [prefix, sha256(secret), user.id],
    );
    await client.query('COMMIT');
    return secret;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

interface RoleRow {
  name: string;
  builtIn: boolean;
  permissions: string[];
}

let known: Promise<Set<string>> | undefined;

/** Permissions a set of roles grants: Administrator grants every known permission (as in the platform). */
async function permissionsOfRoles(db: Db, roles: RoleRow[]): Promise<Set<string>> {
  // The platform holds the enabled permissions in memory; the baseline reads them once.
  known ??= db.query<{ name: string }>('SELECT name FROM known_permission').then((r) => new Set(r.rows.map((x) => x.name)));
  const all = await known;
  if (roles.some((r) => r.builtIn && r.name === 'Administrator')) return new Set(all);
  return new Set(roles.flatMap((r) => r.permissions).filter((p) => all.has(p)));
}

/** Resolved keys by secret digest, as the platform caches them (never the secret). */
const cache = new Map<string, { actor: BaselineActor; expires: number; touchedAt: number }>();

/** Seconds a resolved key is reused, like the platform's AFTERCARE_API_KEY_CACHE_SECONDS (0: look up every time). */
const cacheSeconds = () => Number(process.env.BENCH_KEY_CACHE_SECONDS ?? 5);

/**
 * Resolve an API key the way the platform does: from the cache of resolved keys (by secret digest,
 * a few seconds), else one lookup of the key by prefix with its roles and its creator's roles,
 * digest comparison, narrowing to what the creator holds; `last_used_at` is touched at most once a
 * minute. Returns null for unknown or revoked keys.
 */
export async function resolveApiKey(db: Db, secret: string | undefined): Promise<BaselineActor | null> {
  const prefix = secret ? /^ak_([0-9a-f]{12})_[\w-]+$/.exec(secret)?.[1] : undefined;
  if (!secret || !prefix) return null;
  const digest = sha256(secret);
  let entry = cache.get(digest);
  if (!entry || entry.expires <= Date.now()) {
    cache.delete(digest);
    const found = await lookUp(db, prefix, digest);
    if (!found) return null;
    entry = { ...found, expires: Date.now() + cacheSeconds() * 1000 };
    if (cacheSeconds() > 0) cache.set(digest, entry);
  }
  if (Date.now() - entry.touchedAt > 60_000) {
    entry.touchedAt = Date.now();
    await db.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [entry.actor.keyId],
    );
  }
  return entry.actor;
}

async function lookUp(db: Db, prefix: string, digest: string): Promise<{ actor: BaselineActor; touchedAt: number } | null> {
  const {
    rows: [key],
  } = await db.query<{
    id: string;
    name: string;
    secret_hash: string;
    revoked_at: Date | null;
    last_used_at: Date | null;
    active: boolean;
    key_roles: RoleRow[];
    creator_roles: RoleRow[];
  }>(
    `SELECT k.id, k.name, k.secret_hash, k.revoked_at, k.last_used_at, u.active,
       COALESCE((SELECT json_agg(json_build_object('name', r.name, 'builtIn', r.built_in, 'permissions', r.permissions))
                 FROM api_key_role kr JOIN role r ON r.id = kr.role_id WHERE kr.api_key_id = k.id), '[]') AS key_roles,
       COALESCE((SELECT json_agg(json_build_object('name', r.name, 'builtIn', r.built_in, 'permissions', r.permissions))
                 FROM staff_user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.staff_user_id = u.id), '[]') AS creator_roles
     FROM api_key k JOIN staff_user u ON u.id = k.created_by_id
     WHERE k.prefix = $1`,
    [prefix],
  );
  if (!key || key.revoked_at) return null;
  const [a, b] = [Buffer.from(key.secret_hash, 'hex'), Buffer.from(digest, 'hex')];
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const creator = key.active ? await permissionsOfRoles(db, key.creator_roles) : new Set<string>();
  const permissions = new Set([...(await permissionsOfRoles(db, key.key_roles))].filter((p) => creator.has(p)));
  return { actor: { keyId: key.id, name: key.name, permissions }, touchedAt: key.last_used_at?.getTime() ?? 0 };
}
