import semver from 'semver';
import { getMetadataArgsStorage } from 'typeorm';
import { getMetadataStorage } from 'type-graphql';
import { BootError } from '../errors.js';
import { CORE_VERSION } from '../version.js';
import { type PluginDefinition, tablePrefix } from './define-plugin.js';
import { SnakeNamingStrategy } from '../db/naming-strategy.js';

/** What core itself contributes, checked for clashes like a plugin's. */
export interface CoreContribution {
  entities: Function[];
  resolvers: Function[];
  permissions: string[];
}

const naming = new SnakeNamingStrategy();

function tableOf(entity: Function): string {
  const args = getMetadataArgsStorage().tables.find((t) => t.target === entity);
  return args?.name ?? naming.tableName(entity.name, undefined as unknown as string);
}

/** Root fields (Query/Mutation/Subscription) declared by a set of resolver classes. */
export function rootFieldsOf(resolvers: Function[]): string[] {
  const storage = getMetadataStorage();
  const pick = (list: Array<{ target: Function; schemaName: string }>, root: string) =>
    list.filter((r) => resolvers.includes(r.target)).map((r) => `${root}.${r.schemaName}`);
  return [...pick(storage.queries, 'Query'), ...pick(storage.mutations, 'Mutation'), ...pick(storage.subscriptions, 'Subscription')];
}

/**
 * Check the enabled plugins against core and each other, and order them so that every plugin
 * comes after the plugins it depends on. Throws a BootError with a one-line, actionable message on:
 * a duplicate plugin, an incompatible core range, a missing dependency, a dependency cycle, or a
 * clash of entity, table, GraphQL root field or permission names.
 */
export function resolvePlugins(plugins: PluginDefinition<any>[], core: CoreContribution): PluginDefinition<any>[] {
  const byName = new Map<string, PluginDefinition<any>>();
  for (const p of plugins) {
    if (byName.has(p.name)) {
      throw new BootError('PLUGIN_DUPLICATE', `Plugin '${p.name}' is enabled twice; list it once.`);
    }
    byName.set(p.name, p);
  }

  for (const p of plugins) {
    if (!semver.validRange(p.compatibility)) {
      throw new BootError(
        'PLUGIN_INCOMPATIBLE',
        `Plugin '${p.name}' declares compatibility '${p.compatibility}', which is not a semver range (e.g. '^0.1.0').`,
      );
    }
    if (!semver.satisfies(CORE_VERSION, p.compatibility, { includePrerelease: true })) {
      throw new BootError(
        'PLUGIN_INCOMPATIBLE',
        `Plugin '${p.name}' ${p.version} requires @aftercare/core ${p.compatibility}, but this is core ${CORE_VERSION}: install a version of '${p.name}' made for core ${CORE_VERSION} or disable it.`,
      );
    }
    for (const dep of p.dependsOn ?? []) {
      if (!byName.has(dep)) {
        throw new BootError(
          'PLUGIN_MISSING_DEPENDENCY',
          `Plugin '${p.name}' depends on plugin '${dep}', which is not enabled: enable '${dep}' too (aftercare.config.ts or AFTERCARE_PLUGINS) or disable '${p.name}'.`,
        );
      }
    }
  }

  const ordered = topologicalOrder(plugins, byName);
  checkClashes(ordered, core);
  return ordered;
}

function topologicalOrder(plugins: PluginDefinition<any>[], byName: Map<string, PluginDefinition<any>>) {
  const ordered: PluginDefinition<any>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: PluginDefinition<any>, path: string[]) => {
    const s = state.get(p.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(p.name)), p.name];
      throw new BootError(
        'PLUGIN_DEPENDENCY_CYCLE',
        `Plugins depend on each other in a cycle: ${cycle.join(' → ')}. Remove one of these dependencies.`,
      );
    }
    state.set(p.name, 'visiting');
    for (const dep of p.dependsOn ?? []) visit(byName.get(dep)!, [...path, p.name]);
    state.set(p.name, 'done');
    ordered.push(p);
  };
  // Visiting in declaration order keeps the order stable for plugins that do not depend on each other.
  for (const p of plugins) visit(p, []);
  return ordered;
}

function checkClashes(plugins: PluginDefinition<any>[], core: CoreContribution) {
  const owners = {
    entity: new Map<string, string>(),
    table: new Map<string, string>(),
    field: new Map<string, string>(),
    permission: new Map<string, string>(),
  };
  const claim = (kind: keyof typeof owners, label: string, key: string, owner: string) => {
    const other = owners[kind].get(key);
    if (other && other !== owner) {
      const who = (o: string) => (o === 'core' ? 'core' : `plugin '${o}'`);
      throw new BootError(
        'PLUGIN_CLASH',
        `${label} '${key}' is defined by both ${who(other)} and ${who(owner)}: rename it in one of them or disable one plugin.`,
      );
    }
    owners[kind].set(key, owner);
  };
  const contributions = [
    { owner: 'core', entities: core.entities, resolvers: core.resolvers, permissions: core.permissions },
    ...plugins.map((p) => ({
      owner: p.name,
      entities: p.entities ?? [],
      resolvers: p.resolvers ?? [],
      permissions: (p.permissions ?? []).map((x) => x.name),
    })),
  ];
  for (const c of contributions) {
    for (const e of c.entities) {
      claim('entity', 'Entity', e.name, c.owner);
      const table = tableOf(e);
      claim('table', 'Table', table, c.owner);
      if (c.owner !== 'core' && !table.startsWith(tablePrefix(c.owner))) {
        throw new BootError(
          'PLUGIN_TABLE_PREFIX',
          `Plugin '${c.owner}': entity ${e.name} maps to table '${table}', but plugin tables must start with '${tablePrefix(c.owner)}'. Set @Entity({ name: '${tablePrefix(c.owner)}…' }).`,
        );
      }
    }
    for (const f of rootFieldsOf(c.resolvers)) claim('field', 'GraphQL field', f, c.owner);
    for (const perm of c.permissions) claim('permission', 'Permission', perm, c.owner);
  }
}
