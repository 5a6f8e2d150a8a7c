import type { GraphQLSchema } from 'graphql';
import { type AuthChecker, Authorized, Extensions, getMetadataStorage } from 'type-graphql';
import { BootError, ForbiddenError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { type Actor, hasPermission, requireSignedIn } from './actor.js';

/** `@Authorized(STAFF)`: any signed-in staff user (a person, not an API key or a customer). */
export const STAFF = 'core:staff';
/** `@Authorized(CUSTOMER)`: any signed-in customer. Combine with object-level checks ({@link requireCustomer}). */
export const CUSTOMER = 'core:customer';
const MARKERS = new Set([STAFF, CUSTOMER]);

/**
 * Mark a query or mutation (or every field of a resolver class) as open to anonymous callers,
 * e.g. `login`. Every root field must carry either this or type-graphql's `@Authorized(...)`;
 * boot stops otherwise.
 */
export function Public(): MethodDecorator & ClassDecorator {
  return Extensions({ public: true }) as MethodDecorator & ClassDecorator;
}

/** Shorthand for `@Authorized(CUSTOMER)`: only signed-in customers. */
export function CustomerOnly(): MethodDecorator & ClassDecorator {
  return Authorized(CUSTOMER) as MethodDecorator & ClassDecorator;
}

/** Whether the actor satisfies one entry of an `@Authorized(...)` list. */
function satisfies(actor: Actor, entry: string): boolean {
  if (entry === STAFF) return actor.kind === 'staff';
  if (entry === CUSTOMER) return actor.kind === 'customer';
  return hasPermission(actor, entry);
}

/**
 * type-graphql auth checker. `@Authorized()` admits any signed-in actor; `@Authorized('a', 'b')`
 * admits an actor that satisfies ANY entry: a permission name (staff users and API keys holding
 * it), {@link STAFF} or {@link CUSTOMER}. Anonymous callers get UNAUTHENTICATED, others FORBIDDEN.
 */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, entries) => {
  const actor = requireSignedIn(context.actor);
  if (entries.length === 0 || entries.some((e) => satisfies(actor, e))) return true;
  const needed = entries.filter((e) => !MARKERS.has(e));
  throw new ForbiddenError(
    needed.length
      ? `This needs one of the permissions ${needed.map((p) => `'${p}'`).join(', ')}. Ask an administrator for a role that has it.`
      : 'You cannot do this with this kind of account.',
    { required: entries },
  );
};

/** How a root field is protected. */
export type FieldPolicy = { public: true } | { public: false; requires: string[] };

/** One root field of the composed schema with its owner and declared policy (undefined: none declared). */
export interface RootFieldPolicy {
  /** e.g. `Mutation.login` */
  field: string;
  owner: string;
  policy: FieldPolicy | undefined;
}

/**
 * Walk every root field (Query, Mutation, Subscription) of the composed schema and find what it
 * declares: `@Public()` or `@Authorized(...)`, on the method or on its resolver class.
 */
export function rootFieldPolicies(schema: GraphQLSchema, sources: Array<{ owner: string; resolvers: Function[] }>): RootFieldPolicy[] {
  const storage = getMetadataStorage();
  const out: RootFieldPolicy[] = [];
  const roots: Array<['Query' | 'Mutation' | 'Subscription', 'queries' | 'mutations' | 'subscriptions']> = [
    ['Query', 'queries'],
    ['Mutation', 'mutations'],
    ['Subscription', 'subscriptions'],
  ];
  for (const [root, list] of roots) {
    const type = schema.getType(root) as { getFields?: () => Record<string, { extensions?: Record<string, unknown> }> } | undefined;
    if (!type?.getFields) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const source = sources.find((s) => storage[list].some((m) => m.schemaName === name && s.resolvers.includes(m.target)));
      const meta = storage[list].find((m) => m.schemaName === name && source?.resolvers.includes(m.target));
      const owner = source?.owner ?? 'unknown';
      const classExt = meta && storage.classExtensions.find((c) => c.target === meta.target)?.extensions;
      if (field.extensions?.public === true || classExt?.public === true) {
        out.push({ field: `${root}.${name}`, owner, policy: { public: true } });
        continue;
      }
      const auth =
        meta &&
        (storage.authorizedFields.find((a) => a.target === meta.target && a.fieldName === meta.methodName) ??
          storage.authorizedResolver.find((a) => a.target === meta.target));
      out.push({ field: `${root}.${name}`, owner, policy: auth ? { public: false, requires: [...auth.roles] as string[] } : undefined });
    }
  }
  return out;
}

/**
 * Boot check: every root field declares `@Public()` or `@Authorized(...)`, and every permission
 * it names is declared by an enabled owner. Throws a BootError naming the field and its owner.
 */
export function checkRootFieldPolicies(policies: RootFieldPolicy[], permissions: ReadonlySet<string>): void {
  const who = (owner: string) => (owner === 'core' ? 'core' : `plugin '${owner}'`);
  for (const p of policies) {
    if (!p.policy) {
      throw new BootError(
        'UNDECLARED_ACCESS',
        `GraphQL field '${p.field}' of ${who(p.owner)} declares no access rule: add @Authorized('<permission>') (or @Authorized() for any signed-in caller) or @Public() to it.`,
      );
    }
    if (!p.policy.public) {
      const unknown = p.policy.requires.filter((r) => !MARKERS.has(r) && !permissions.has(r));
      if (unknown.length) {
        throw new BootError(
          'UNKNOWN_PERMISSION',
          `GraphQL field '${p.field}' of ${who(p.owner)} requires permission '${unknown[0]}', which no enabled plugin declares: add it to the plugin's permissions or fix the name.`,
        );
      }
    }
  }
}
