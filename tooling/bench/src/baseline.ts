import { randomUUID } from 'node:crypto';
import { resolveApiKey } from './auth.js';
import type { Db } from './db.js';
import { workloads } from './workloads.js';

const byQuery = new Map(workloads.map((w) => [w.query, w]));

/**
 * The baseline's answer to one request: resolve the API key (as the platform does for every
 * request), check the workload's permissions, then run its SQL. Returns the HTTP status and JSON.
 */
export async function answer(
  db: Db,
  body: { query: string; variables?: Record<string, unknown> },
  apiKey: string | undefined,
  ip = '127.0.0.1',
): Promise<{ status: number; json: unknown }> {
  const workload = byQuery.get(body.query);
  if (!workload) return { status: 400, json: { errors: [{ message: 'unknown workload' }] } };
  const actor = await resolveApiKey(db, apiKey);
  if (!actor)
    return { status: 200, json: { data: null, errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] } };
  const lacking = (workload.permissions ?? []).filter((p) => !actor.permissions.has(p));
  if (lacking.length) return { status: 200, json: { data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] } };
  return { status: 200, json: await workload.baseline(db, body.variables ?? {}, { actor, requestId: randomUUID(), ip }) };
}
