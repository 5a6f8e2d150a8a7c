import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../access/policy.js';
import { BootError } from '../errors.js';
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
  return buildSchema({
    container,
    resolvers: resolvers as [Function, ...Function[]],
    orphanedTypes: sources.flatMap((s) => s.orphanedTypes ?? []),
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    skipCheck,
    authChecker,
    authMode: 'error',
  });
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
    return await build(sources, container);
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
