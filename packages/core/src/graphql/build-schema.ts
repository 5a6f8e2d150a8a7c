import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { type ResolverData, buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from '../access/policy.js';
import type { GraphQLContext } from './context.js';
import { BootError } from '../errors.js';
import { guardArguments } from './input-guard.js';
import type { PluginDefinition } from '../plugin/define-plugin.js';
import { ResolverContainer } from '../plugin/resolver-container.js';

export interface SchemaSource {
  owner: string;
  resolvers: Function[];
  orphanedTypes?: Function[];
}

async function build(sources: SchemaSource[], container: ResolverContainer, skipCheck = false): Promise<GraphQLSchema> {
  const resolvers = sources.flatMap((s) => s.resolvers);
  for (const s of sources) container.register(s.owner, s.resolvers);
  const schema = await buildSchema({
    container,
    resolvers: resolvers as [Function, ...Function[]],
    orphanedTypes: sources.flatMap((s) => s.orphanedTypes ?? []),
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    skipCheck,
    authChecker,
    authMode: 'error',
  });
  return plainFieldResolvers(schema);
}

type FieldMeta = ReturnType<typeof getMetadataStorage>['objectTypes'][number]['fields'] extends Array<infer F> | undefined ? F : never;

/**
 * Per-field cost. type-graphql resolves every plain property field (no `@FieldResolver`) through a
 * generic wrapper: an object and a closure per value, and, for a field with `@Authorized(...)`, an
 * async middleware chain (several promises per value). A list of 50 customers with their purchases
 * resolves thousands of such fields per request.
 *
 * This replaces, after the build, the resolver of every plain property field of an object type with
 * what type-graphql's wrapper amounts to, decided once per field definition: a property read, or
 * for a field that declares roles, the same auth checker called synchronously and then the
 * property read. When the checker does not simply admit (it throws FORBIDDEN or UNAUTHENTICATED,
 * exactly as before), or returns anything but `true`, type-graphql's own resolver runs, so every
 * refusal keeps its error. Fields with `@FieldResolver`, middlewares or no metadata found keep
 * type-graphql's resolver unchanged.
 */
function plainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
    const objectType = storage.objectTypes.find((o) => o.name === type.name);
    if (!objectType) continue;
    // The class, its superclasses and its interfaces: where type-graphql takes the fields from.
    const classes: Function[] = [];
    for (let c: Function | null = objectType.target; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) classes.push(c);
    classes.push(...(objectType.interfaceClasses ?? []));
    const metas: FieldMeta[] = [
      ...objectType.fields!,
      ...storage.objectTypes.filter((o) => o !== objectType && classes.includes(o.target)).flatMap((o) => o.fields ?? []),
      ...storage.interfaceTypes.filter((i) => classes.includes(i.target)).flatMap((i) => i.fields ?? []),
    ];
    for (const [name, field] of Object.entries(type.getFields())) {
      const meta = metas.find((m) => m.schemaName === name);
      if (!meta || !field.resolve || meta.middlewares?.length || meta.simple) continue;
      const hasFieldResolver = storage.fieldResolvers.some(
        (r) => r.methodName === meta.name && classes.includes(r.getObjectType?.() as Function),
      );
      if (hasFieldResolver) continue;
      const property = meta.name;
      const roles = meta.roles;
      const original = field.resolve;
      const check = authChecker as (data: ResolverData<GraphQLContext>, roles: string[]) => boolean | Promise<boolean>;
      field.resolve = roles
        ? (((root, args, context, info) =>
            check({ root, args, context, info }, roles) === true
              ? (root as Record<string, unknown>)[property]
              : original(root, args, context, info)) as GraphQLFieldResolver<unknown, GraphQLContext>)
        : (root) => (root as Record<string, unknown>)[property];
    }
  }
  return schema;
}

/**
 * Build the one schema of core and the enabled plugins. Types of disabled plugins are absent:
 * only types reachable from enabled resolvers (or listed as orphaned) are emitted. When two
 * owners define a GraphQL type of the same name, boot fails naming both.
 *
 * Resolvers are constructed through `container` (one per server), which hands each plugin's
 * resolvers that plugin's services once the server has built them.
 */
export async function buildPlatformSchema(
  core: SchemaSource,
  plugins: PluginDefinition<any>[],
  container: ResolverContainer = new ResolverContainer(),
): Promise<GraphQLSchema> {
  const sources: SchemaSource[] = [
    core,
    ...plugins.map((p) => ({ owner: p.name, resolvers: p.resolvers ?? [], orphanedTypes: p.orphanedTypes })),
  ];
  try {
    // Every argument of every field passes the core input checks before its resolver runs.
    return guardArguments(await build(sources, container));
  } catch (err) {
    const dup = /multiple types named "(\w+)"/.exec(String((err as Error).message));
    if (!dup) throw err;
    // Only on this error path: build each owner's part alone to find who defines the type.
    const owners: string[] = [];
    for (const s of sources) {
      if (!s.resolvers.length) continue;
      const schema = await build([s], new ResolverContainer(), true).catch(() => undefined);
      if (schema?.getType(dup[1]!)) owners.push(s.owner === 'core' ? 'core' : `plugin '${s.owner}'`);
    }
    throw new BootError(
      'PLUGIN_CLASH',
      `GraphQL type '${dup[1]}' is defined by ${owners.length >= 2 ? `both ${owners.join(' and ')}` : 'two different classes'}: rename it in one of them (prefix it with the plugin name) or disable one plugin.`,
    );
  }
}
