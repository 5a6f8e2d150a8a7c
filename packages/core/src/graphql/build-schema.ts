import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../access/policy.js';
import { BootError } from '../errors.js';
import { guardArguments } from './input-guard.js';
import type { PluginDefinition } from '../plugin/define-plugin.js';

export interface SchemaSource {
  owner: string;
  resolvers: Function[];
  orphanedTypes?: Function[];
}

async function build(sources: SchemaSource[], skipCheck = false): Promise<GraphQLSchema> {
  const resolvers = sources.flatMap((s) => s.resolvers);
  return buildSchema({
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
 */
export async function buildPlatformSchema(core: SchemaSource, plugins: PluginDefinition<any>[]): Promise<GraphQLSchema> {
  const sources: SchemaSource[] = [
    core,
    ...plugins.map((p) => ({ owner: p.name, resolvers: p.resolvers ?? [], orphanedTypes: p.orphanedTypes })),
  ];
  try {
    // Every argument of every field passes the core input checks before its resolver runs.
    return guardArguments(await build(sources));
  } catch (err) {
    const dup = /multiple types named "(\w+)"/.exec(String((err as Error).message));
    if (!dup) throw err;
    // Only on this error path: build each owner's part alone to find who defines the type.
    const owners: string[] = [];
    for (const s of sources) {
      if (!s.resolvers.length) continue;
      const schema = await build([s], true).catch(() => undefined);
      if (schema?.getType(dup[1]!)) owners.push(s.owner === 'core' ? 'core' : `plugin '${s.owner}'`);
    }
    throw new BootError(
      'PLUGIN_CLASH',
      `GraphQL type '${dup[1]}' is defined by ${owners.length >= 2 ? `both ${owners.join(' and ')}` : 'two different classes'}: rename it in one of them (prefix it with the plugin name) or disable one plugin.`,
    );
  }
}
