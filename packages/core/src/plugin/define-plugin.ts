import type { MigrationInterface } from 'typeorm';
import type { z } from 'zod';
import type { EventType } from '../events/define-event.js';
import type { PluginContext } from './context.js';

/** A migration class (TypeORM's MigrationInterface). Name it `<Name><timestamp>`; runs in timestamp order. */
export type MigrationClass = new () => MigrationInterface;

/** A permission a plugin declares. `name` is `<plugin>.<object>.<action>`, e.g. `warranty.claim.decide`. */
export interface PermissionDeclaration {
  name: string;
  /** Shown in the role editor of the admin console. */
  description: string;
  /**
   * Built-in roles that get this permission when it first appears (the plugin is enabled for the
   * first time), e.g. `['Agent', 'Supervisor']`. Administrator always has every permission.
   * Administrators may change the roles afterwards; later boots do not grant it again.
   */
  defaultRoles?: BuiltInRoleName[];
}

/** The roles every installation has; they cannot be deleted. */
export const BUILT_IN_ROLES = ['Administrator', 'Supervisor', 'Agent', 'Technician', 'Analyst'] as const;
/** Name of a built-in role. */
export type BuiltInRoleName = (typeof BUILT_IN_ROLES)[number];

/**
 * A resolver class of a plugin. The host constructs it once per server with the plugin's services
 * (what {@link PluginDefinition.services} returned), so resolvers take their services as the one
 * constructor argument instead of reaching for module-level state:
 *
 * @example
 * \@Resolver(() => WarrantyClaim)
 * export class ClaimResolver {
 *   constructor(private readonly warranty: Warranty) {}
 *   \@Query(() => WarrantyClaim) warrantyClaim(@Arg('id', () => ID) id: string) { return this.warranty.claims.get(id); }
 * }
 */
export type PluginResolverClass<Svc = unknown> = new (services: Svc) => object;

/**
 * Everything a plugin tells the host. Pass it to {@link definePlugin} and default-export the result.
 *
 * @typeParam S - zod schema of the plugin's settings; `ctx.settings.get()` returns its output type.
 * @typeParam Svc - what `services(ctx)` builds; resolvers receive it in their constructor and `setup` as its second argument.
 */
export interface PluginDefinition<S extends z.ZodType = z.ZodType, Svc = any> {
  /** kebab-case; the namespace of the plugin's tables (`<name_with_underscores>_…`), permissions, events and settings. */
  name: string;
  /** The plugin's own semver version. */
  version: string;
  /** semver range of @aftercare/core this plugin works with, checked at boot. */
  compatibility: string;
  /** Plugins that must be enabled too; boot sets them up first. */
  dependsOn?: string[];
  /** One sentence for the console's plugin list. */
  description?: string;
  /** TypeORM entity classes. Table names must start with the plugin's prefix. */
  entities?: Function[];
  /** Migrations owned by this plugin, run after core's and after those of the plugins it depends on. */
  migrations?: MigrationClass[];
  /** type-graphql resolver classes, constructed once per server with the plugin's services. */
  resolvers?: PluginResolverClass<Svc>[];
  /** GraphQL types not reachable from the resolvers that must still be in the schema. */
  orphanedTypes?: Function[];
  permissions?: PermissionDeclaration[];
  /** The domain events this plugin publishes (`defineEvent`), typed `<plugin>.<object>.<verb>`. Only declared events can be published. */
  events?: EventType<any>[];
  /** zod schema of the plugin's settings; every field needs a default so that an untouched install works. */
  settings?: S;
  /**
   * Build the plugin's services once per server (after migrations, before `setup`), from the
   * plugin's context. Resolvers get the result through their constructor, `setup` as its second
   * argument, tests through `app.servicesOf(plugin)`. Two servers in one process each build their
   * own, so no state is shared between them.
   */
  services?(ctx: PluginContext<z.output<S>>): Svc;
  /** Called once after migrations, schema build and `services`, in dependency order. Register subscribers, jobs and contributions here. */
  setup?(ctx: PluginContext<z.output<S>>, services: Svc): void | Promise<void>;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declare a plugin. Checks what can be checked without the rest of the platform (name format,
 * permission prefixes) and returns the frozen definition.
 *
 * @example
 * export default definePlugin({
 *   name: 'warranty', version: '0.1.0', compatibility: '^0.1.0',
 *   entities: [WarrantyClaim], migrations, resolvers: [WarrantyClaimResolver],
 *   permissions: [{ name: 'warranty.claim.read', description: 'See warranty claims' }],
 *   setup(ctx) { ctx.logger.info('warranty ready'); },
 * });
 */
export function definePlugin<S extends z.ZodType = z.ZodType, Svc = undefined>(
  definition: PluginDefinition<S, Svc>,
): PluginDefinition<S, Svc> {
  if (!NAME.test(definition.name)) {
    throw new Error(`Plugin name '${definition.name}' is not kebab-case (e.g. 'service-desk').`);
  }
  for (const p of definition.permissions ?? []) {
    if (!p.name.startsWith(`${definition.name}.`)) {
      throw new Error(`Plugin '${definition.name}': permission '${p.name}' must start with '${definition.name}.'.`);
    }
    const unknownRole = (p.defaultRoles ?? []).find((r) => !(BUILT_IN_ROLES as readonly string[]).includes(r));
    if (unknownRole) {
      throw new Error(
        `Plugin '${definition.name}': permission '${p.name}' names default role '${unknownRole}', which is not built in (${BUILT_IN_ROLES.join(', ')}).`,
      );
    }
  }
  for (const e of definition.events ?? []) {
    if (!e.type.startsWith(`${definition.name}.`)) {
      throw new Error(`Plugin '${definition.name}': event '${e.type}' must start with '${definition.name}.'.`);
    }
  }
  return Object.freeze({ ...definition });
}

/** The table-name prefix of a plugin: `service-desk` → `service_desk_`. */
export function tablePrefix(pluginName: string): string {
  return `${pluginName.replace(/-/g, '_')}_`;
}
