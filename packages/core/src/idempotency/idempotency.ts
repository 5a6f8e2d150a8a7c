import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../errors.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

/** JSON with sorted keys, so that equal parameters hash equally whatever their order. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** What {@link idempotent} needs to know about one call. */
export interface IdempotentCall<T> {
  /** The operation, `<plugin>.<what>.<action>`; keys are unique per scope. */
  scope: string;
  key: string;
  /** Everything that decides the result (amounts, currency, target…). Same key, other parameters: CONFLICT. */
  params: unknown;
  /** Load the result of an earlier use by its id (in the same transaction). */
  find: (id: string) => Promise<T | null>;
  /** Do the work once; runs only for the first use of the key. */
  run: () => Promise<T>;
}

/**
 * The one idempotency mechanism of the platform, for every money and points move. Call inside the
 * transaction that does the work:
 * - the first use of a key runs `run` and records its result's id with a hash of the parameters;
 * - the same key with the same parameters returns that stored result, without running again;
 * - the same key with other parameters is a CONFLICT (`reason: IDEMPOTENCY_KEY_REUSED`, field
 *   `idempotencyKey`), never the old result silently;
 * - concurrent first uses wait for each other on a transaction-scoped advisory lock, so all of
 *   them get the one result.
 */
export async function idempotent<T extends { id: string }>(m: EntityManager, call: IdempotentCall<T>): Promise<T> {
  const paramsHash = createHash('sha256').update(canonical(call.params)).digest('hex');
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [call.scope, call.key]);
  const repo = m.getRepository(IdempotencyRecord);
  const earlier = await repo.findOneBy({ scope: call.scope, key: call.key });
  if (earlier) {
    if (earlier.paramsHash !== paramsHash) {
      throw new ConflictError('This idempotency key was already used with other parameters: use a new key for a new request.', {
        reason: 'IDEMPOTENCY_KEY_REUSED',
        field: 'idempotencyKey',
        resultId: earlier.resultId,
      });
    }
    const stored = await call.find(earlier.resultId);
    if (stored) return stored;
  }
  const result = await call.run();
  await repo.upsert({ scope: call.scope, key: call.key, paramsHash, resultId: result.id }, ['scope', 'key']);
  return result;
}
