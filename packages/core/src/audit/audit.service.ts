import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, type ActorRef, actorRef } from '../access/actor.js';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { currentRequest } from '../request-context.js';

/** Field names whose values are personal data: audit entries keep that they changed, not the values. */
export const PERSONAL_FIELDS = new Set([
  'email',
  'phone',
  'mobile',
  'name',
  'firstName',
  'lastName',
  'fullName',
  'address',
  'street',
  'postalCode',
  'city',
  'birthDate',
  'dateOfBirth',
  'birthday',
  'companyName',
  'vatId',
  'iban',
]);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Mask a personal value: keep the first character (and an email's domain) so a person can tell
 * entries apart. "Character" is a whole grapheme (an emoji, a CJK character outside the basic
 * plane, a letter with its accents), never half a UTF-16 surrogate pair.
 */
export function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const s = String(value);
  const first = graphemes.segment(s)[Symbol.iterator]().next().value?.segment ?? '';
  const at = s.indexOf('@');
  if (at > 0) return `${first}***${s.slice(at)}`;
  return first.length === s.length ? '*' : `${first}***`;
}

/** What to record. Actor, request id and IP default to the current request's. */
export interface AuditEntry {
  /** `<object>.<verb>`, e.g. `warrantyClaim.decide`. */
  action: string;
  /** e.g. `WarrantyClaim`. */
  objectType: string;
  objectId?: string | null;
  /** Field values before the change; only fields that differ from `after` are kept. */
  before?: Record<string, unknown> | null;
  /** Field values after the change. */
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping (not masked: put no personal data here). */
  metadata?: Record<string, unknown>;
  /** Who did it; defaults to the request's actor, or 'system' outside requests. */
  actor?: Actor | ActorRef;
}

/** The changed fields of before/after as `{ field: { before, after } }`, personal values masked. */
export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before: unknown; after: unknown }> | null {
  if (!before && !after) return null;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const mask = PERSONAL_FIELDS.has(key) ? maskValue : (v: unknown) => v;
    out[key] = { before: mask(b), after: mask(a) };
  }
  return out;
}

const isRef = (a: Actor | ActorRef): a is ActorRef => 'id' in a && 'display' in a;

/**
 * The append-only audit trail. Always record with the EntityManager of the transaction that makes
 * the change, so the entry commits (or rolls back) with it.
 *
 * @example
 * await ctx.db.transaction(async (m) => {
 *   await m.update(WarrantyClaim, id, { status: 'approved' });
 *   await audit.record(m, { action: 'warrantyClaim.approve', objectType: 'WarrantyClaim', objectId: id,
 *     before: { status: 'submitted' }, after: { status: 'approved' } });
 * });
 */
export const audit = {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const req = currentRequest();
    const given = entry.actor ?? req?.actor;
    const ref: ActorRef = given ? (isRef(given) ? given : actorRef(given)) : { kind: 'system', id: null, display: null };
    const row: Partial<AuditEvent> = {
      actorKind: ref.kind,
      actorId: ref.id,
      actorDisplay: ref.display,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      changes: diffChanges(entry.before, entry.after),
      metadata: entry.metadata ?? null,
      requestId: req?.requestId ?? null,
      ip: req?.ip ?? null,
    };
    await manager.getRepository(AuditEvent).insert(row as Parameters<ReturnType<EntityManager['getRepository']>['insert']>[0]);
  },
};

/** The type of {@link audit}. */
export type AuditService = typeof audit;

/** Filter of {@link findAuditEvents}. */
export interface AuditFilter {
  actorId?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Audit entries matching the filter, newest first, with the total count. */
export async function findAuditEvents(
  dataSource: DataSource,
  filter: AuditFilter,
  skip: number,
  take: number,
): Promise<{ items: AuditEvent[]; totalCount: number }> {
  const qb = dataSource.getRepository(AuditEvent).createQueryBuilder('e');
  if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
  if (filter.objectType) qb.andWhere('e.object_type = :objectType', { objectType: filter.objectType });
  if (filter.objectId) qb.andWhere('e.object_id = :objectId', { objectId: filter.objectId });
  if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
  if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
  const [items, totalCount] = await qb.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').skip(skip).take(take).getManyAndCount();
  return { items, totalCount };
}

/**
 * Retention purge: delete audit entries older than `retentionDays` (at least 30) through the
 * database function that is the only way past the append-only trigger. Returns how many were removed.
 * Scheduling comes with the job queue; until then call it from a maintenance task.
 */
export async function purgeAuditEvents(dataSource: DataSource, retentionDays: number): Promise<number> {
  const [{ removed }] = await dataSource.query('SELECT audit_event_purge($1) AS removed', [retentionDays]);
  return Number(removed);
}
