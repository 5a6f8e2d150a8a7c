import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { type Actor, type ActorRef, actorRef } from '../access/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock/clock.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { EventType } from '../events/define-event.js';
import type { Events } from '../events/event-bus.js';
import { currentRequest } from '../request-context.js';
import type { StateMachine } from './state-machine.js';
import { StatusHistoryRecord } from './status-history.entity.js';

/** A row a state machine moves: an id, a status and a version that grows with every change. */
export interface StatefulRow<S extends string = string> extends ObjectLiteral {
  id: string;
  status: S;
  version: number;
}

/** Who moved an object: an actor of a request, a reference, or the system (`null`). */
export type Mover = Actor | ActorRef | null;

/** One state change for {@link StateTransitions.transition}. */
export interface TransitionRequest<E extends StatefulRow<S>, S extends string, P = unknown> {
  /** The TypeORM entity of the rows (with `id`, `status` and a `@VersionColumn() version`). */
  entity: EntityTarget<E>;
  id: string;
  to: S;
  /**
   * The row, when the caller has already locked it in this transaction (`lock`), to change more
   * fields before or after the move; otherwise the recipe locks it.
   */
  row?: E;
  /** The version the caller read; a different current version is refused with CONFLICT. */
  expectedVersion?: number | null;
  /** Who moves it; default the request's actor (the system outside requests). */
  actor?: Mover;
  /** Why (kept in the history): a reopen reason, a rejection reason. */
  reason?: string | null;
  /** Fields changed with the state; may depend on the locked row, the move and the clock's now. */
  patch?: Partial<E> | ((row: E, from: S, at: Date) => Partial<E> | Promise<Partial<E>>);
  /** Runs after the move is checked and before the row is written (SLA clock events, counters on `row`). */
  beforeSave?: (row: E, from: S, at: Date) => Promise<void> | void;
  /** The audit action; default `<auditPrefix>.transition`. Extra `after` values go with it. */
  audit?: { action?: string; after?: Record<string, unknown> };
  /** The event published with the change (declared by the plugin), and its payload. */
  event?: { type: EventType<P>; payload: (row: E, from: S) => P };
}

/** What a transition did. */
export interface TransitionResult<E, S extends string> {
  row: E;
  from: S;
  to: S;
  at: Date;
}

/**
 * The reference of an actor stored as a key on rows (`staff:<id>`, `customer:<id>`, `apiKey:<id>`,
 * `system`), for {@link TransitionRequest.actor}.
 */
export function actorFromKey(key: string): ActorRef {
  const i = key.indexOf(':');
  if (i < 0) return { kind: 'system', id: null, display: null };
  const kind = key.slice(0, i);
  const id = key.slice(i + 1) || null;
  return kind === 'staff' || kind === 'customer' || kind === 'apiKey'
    ? { kind, id, display: null }
    : { kind: 'system', id: null, display: null };
}

function moverRef(actor: Mover | undefined): ActorRef {
  const given = actor === undefined ? currentRequest()?.actor : actor;
  if (!given) return { kind: 'system', id: null, display: null };
  return 'display' in given ? given : actorRef(given);
}

/**
 * The one way state changes are written (`ctx.states` of a plugin). In the caller's transaction:
 * lock the row, refuse a stale `expectedVersion` (CONFLICT) and an illegal move (INVALID_TRANSITION
 * naming the current and allowed states), apply the patch with the new state, bump the version, write
 * the status-history row, the audit entry and the event.
 */
export class StateTransitions {
  constructor(private readonly deps: { audit: AuditService; events: Events; clock: Clock }) {}

  /** Lock a row of `entity` for change until the transaction ends; NOT_FOUND when there is none. */
  async lock<E extends StatefulRow>(
    manager: EntityManager,
    machine: StateMachine<E['status']>,
    entity: EntityTarget<E>,
    id: string,
  ): Promise<E> {
    const row = await manager.getRepository(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError(machine.objectName, id);
    return row;
  }

  /** Move an object to `request.to`; see the class description. The caller owns the transaction. */
  async transition<E extends StatefulRow<S>, S extends string, P = unknown>(
    manager: EntityManager,
    machine: StateMachine<S>,
    request: TransitionRequest<E, S, P>,
  ): Promise<TransitionResult<E, S>> {
    const row = request.row ?? (await this.lock(manager, machine, request.entity, request.id));
    if (request.expectedVersion != null && request.expectedVersion !== row.version) {
      throw new ConflictError(
        `${machine.objectName} was changed by someone else (version ${row.version}, you had ${request.expectedVersion}): reload it and try again.`,
        { currentVersion: row.version, expectedVersion: request.expectedVersion },
      );
    }
    const from = row.status;
    machine.check(from, request.to);
    const at = this.deps.clock.now();
    const patch = typeof request.patch === 'function' ? await request.patch(row, from, at) : (request.patch ?? {});
    Object.assign(row, patch, { status: request.to });
    await request.beforeSave?.(row, from, at);
    const saved = await manager.getRepository(request.entity).save(row as never);
    Object.assign(row, saved);
    const mover = moverRef(request.actor);
    await this.writeHistory(manager, machine, row.id, from, request.to, mover, request.reason ?? null, at);
    const auditable = Object.fromEntries(
      Object.entries(patch as object).filter(([, v]) => v === null || typeof v !== 'object' || v instanceof Date),
    );
    await this.deps.audit.record(manager, {
      action: request.audit?.action ?? `${auditPrefix(machine)}.transition`,
      objectType: machine.auditObjectType,
      objectId: row.id,
      before: { status: from },
      after: { status: request.to, ...auditable, ...(request.audit?.after ?? {}) },
    });
    if (request.event) {
      await this.deps.events.publish(manager, request.event.type, request.event.payload(row, from), { aggregateId: row.id });
    }
    return { row, from, to: request.to, at };
  }

  /** Write the first history row of a new object (created in `machine.initial` unless `status` says otherwise). */
  async recordCreated<S extends string>(
    manager: EntityManager,
    machine: StateMachine<S>,
    subjectId: string,
    options: { status?: S; actor?: Mover; at?: Date } = {},
  ): Promise<void> {
    await this.writeHistory(
      manager,
      machine,
      subjectId,
      null,
      options.status ?? machine.initial,
      moverRef(options.actor),
      null,
      options.at ?? this.deps.clock.now(),
    );
  }

  private async writeHistory(
    manager: EntityManager,
    machine: StateMachine<string>,
    subjectId: string,
    from: string | null,
    to: string,
    mover: ActorRef,
    reason: string | null,
    at: Date,
  ): Promise<void> {
    await manager.getRepository(StatusHistoryRecord).insert({
      subjectType: machine.subjectType,
      subjectId,
      fromStatus: from,
      toStatus: to,
      actorKind: mover.kind === 'anonymous' ? 'system' : mover.kind,
      actorId: mover.id,
      reason,
      at,
    });
  }
}

/** `WarrantyClaim` → `warrantyClaim`: the default audit action prefix of a machine. */
export function auditPrefix(machine: StateMachine<string>): string {
  return machine.auditObjectType.charAt(0).toLowerCase() + machine.auditObjectType.slice(1);
}
