import { ForbiddenError, UnauthenticatedError } from '../errors.js';

/**
 * Who is making the current request, resolved once per request from the session cookie, the
 * `Authorization: Bearer` header or the `x-api-key` header. Read it as `ctx.actor` in resolvers.
 */
export type Actor =
  | {
      kind: 'anonymous';
      /** Set when credentials were sent but not accepted (expired, revoked or unknown). */
      rejected?: string;
    }
  | { kind: 'staff'; userId: string; email: string; sessionId: string; permissions: ReadonlySet<string> }
  | { kind: 'apiKey'; keyId: string; name: string; permissions: ReadonlySet<string> }
  | { kind: 'customer'; customerId: string; email: string; sessionId: string };

/** The actor of a request without (valid) credentials. */
export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** A stable reference to an actor, as stored in audit entries and on proposals awaiting approval. */
export interface ActorRef {
  kind: Actor['kind'] | 'system';
  id: string | null;
  /** How to show the actor to a person: an email, a key name. */
  display: string | null;
}

/** The reference of an actor: kind, id and a display name. */
export function actorRef(actor: Actor): ActorRef {
  switch (actor.kind) {
    case 'staff':
      return { kind: 'staff', id: actor.userId, display: actor.email };
    case 'apiKey':
      return { kind: 'apiKey', id: actor.keyId, display: actor.name };
    case 'customer':
      return { kind: 'customer', id: actor.customerId, display: actor.email };
    default:
      return { kind: 'anonymous', id: null, display: null };
  }
}

/** Anything that carries an actor: a GraphQL context, or the actor itself. */
export type HasActor = Actor | { actor: Actor };
const actorOf = (x: HasActor): Actor => ('actor' in x ? x.actor : x);

function unauthenticated(actor: Actor): UnauthenticatedError {
  return actor.kind === 'anonymous' && actor.rejected
    ? new UnauthenticatedError(`${actor.rejected} Sign in again.`)
    : new UnauthenticatedError();
}

/** Whether the actor (a staff user or an API key) holds `permission`. Customers and anonymous callers hold none. */
export function hasPermission(subject: HasActor, permission: string): boolean {
  const actor = actorOf(subject);
  return (actor.kind === 'staff' || actor.kind === 'apiKey') && actor.permissions.has(permission);
}

/** Throw UNAUTHENTICATED (nobody signed in) or FORBIDDEN unless the actor holds `permission`. */
export function requirePermission(subject: HasActor, permission: string): void {
  const actor = actorOf(subject);
  if (actor.kind === 'anonymous') throw unauthenticated(actor);
  if (!hasPermission(actor, permission)) {
    throw new ForbiddenError(`This needs the permission '${permission}'. Ask an administrator for a role that has it.`, {
      permission,
    });
  }
}

/**
 * The signed-in customer's id, for object-level checks in plugins: load only rows whose customer is
 * this id. Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for staff and API keys.
 *
 * @example
 * const customerId = requireCustomer(ctx);
 * return repo.findBy({ customerId });
 */
export function requireCustomer(subject: HasActor): string {
  const actor = actorOf(subject);
  if (actor.kind === 'anonymous') throw unauthenticated(actor);
  if (actor.kind !== 'customer') throw new ForbiddenError('Only a signed-in customer can do this.');
  return actor.customerId;
}

/** The signed-in staff user (a person, not an API key). Throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireStaff(subject: HasActor): Extract<Actor, { kind: 'staff' }> {
  const actor = actorOf(subject);
  if (actor.kind === 'anonymous') throw unauthenticated(actor);
  if (actor.kind !== 'staff') throw new ForbiddenError('Only a signed-in staff user can do this (not an API key or a customer).');
  return actor;
}

/** Any signed-in actor; throws UNAUTHENTICATED for anonymous callers. */
export function requireSignedIn(subject: HasActor): Exclude<Actor, { kind: 'anonymous' }> {
  const actor = actorOf(subject);
  if (actor.kind === 'anonymous') throw unauthenticated(actor);
  return actor;
}

/**
 * Separation of duties: the actor approving something must not be the one who proposed it
 * (e.g. a compensation proposed by one agent is approved by another person).
 *
 * @param proposedBy - who proposed it: an {@link ActorRef} or the proposing staff user's id.
 * @throws FORBIDDEN when the same person (or the same API key) tries to approve.
 */
export function requireDifferentActor(proposedBy: Pick<ActorRef, 'kind' | 'id'> | string, subject: HasActor): void {
  const actor = requireSignedIn(subject);
  const me = actorRef(actor);
  const other = typeof proposedBy === 'string' ? { kind: 'staff' as const, id: proposedBy } : proposedBy;
  if (other.id !== null && other.kind === me.kind && other.id === me.id) {
    throw new ForbiddenError('You proposed this yourself, so someone else has to approve it.', { rule: 'separationOfDuties' });
  }
}

/**
 * Threshold rule for approvals: amounts above `threshold` need `permission` (e.g. a supervisor's
 * `service-desk.compensation.approve-high`); amounts at or below it need only a signed-in staff user
 * or API key. Amounts are integers in minor units, compared as given (same currency).
 *
 * @throws UNAUTHENTICATED for anonymous callers, FORBIDDEN for customers or a missing permission.
 */
export function requireApprovalAuthority(amount: number, threshold: number, subject: HasActor, permission: string): void {
  const actor = requireSignedIn(subject);
  if (actor.kind === 'customer') throw new ForbiddenError('Customers cannot approve this.');
  if (amount > threshold && !hasPermission(actor, permission)) {
    throw new ForbiddenError(`Amounts above ${threshold} need the permission '${permission}': ask someone who holds it to approve.`, {
      permission,
      threshold,
      amount,
      rule: 'approvalThreshold',
    });
  }
}

/** Access checks for plugins (also exported one by one). */
export const access = {
  hasPermission,
  requirePermission,
  requireCustomer,
  requireStaff,
  requireSignedIn,
  requireDifferentActor,
  requireApprovalAuthority,
  actorRef,
} as const;

/** The type of {@link access}. */
export type AccessService = typeof access;
