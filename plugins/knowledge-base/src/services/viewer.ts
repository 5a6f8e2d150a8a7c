import { type Actor, hasPermission, Purchase } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import type { KbVisibility } from '../domain.js';
import { P } from '../permissions.js';

/**
 * Who reads the knowledge base, as far as visibility goes: staff with the read permission see internal
 * articles too; signed-in customers see public and customer articles, their own products' first;
 * everyone else sees public articles only. Only published articles inside their window are ever read.
 */
export interface Viewer {
  visibilities: KbVisibility[];
  customerId: string | null;
  /** Product models the customer owns (from core purchases). */
  ownedModelIds: string[];
  staff: boolean;
}

/** The viewer for a request's actor. */
export async function viewerOf(manager: EntityManager, actor: Actor): Promise<Viewer> {
  if (hasPermission(actor, P.read))
    return { visibilities: ['public', 'customers', 'internal'], customerId: null, ownedModelIds: [], staff: true };
  if (actor.kind === 'customer') {
    const rows: Array<{ model_id: string }> = await manager
      .createQueryBuilder(Purchase, 'p')
      .select('DISTINCT p.model_id', 'model_id')
      .where('p.customer_id = :id', { id: actor.customerId })
      .getRawMany();
    return {
      visibilities: ['public', 'customers'],
      customerId: actor.customerId,
      ownedModelIds: rows.map((r) => r.model_id),
      staff: false,
    };
  }
  return { visibilities: ['public'], customerId: null, ownedModelIds: [], staff: false };
}

/**
 * The SQL condition "article `a` is readable by this viewer now": published, inside its publishing window,
 * and of a visibility the viewer may read. Parameters are numbered from `first`.
 */
export function readableSql(alias: string, viewer: Viewer, now: Date, first: number): { sql: string; params: unknown[] } {
  return {
    sql: `${alias}.status = 'published' AND ${alias}.published_at <= $${first} AND (${alias}.unpublish_at IS NULL OR ${alias}.unpublish_at > $${first})
      AND ${alias}.visibility = ANY($${first + 1}::text[])`,
    params: [now, viewer.visibilities],
  };
}
