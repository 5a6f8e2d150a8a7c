import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BootError } from '@aftercare/core';
import { serverRoot } from './paths.js';

/** The template a new plugin is written from (files end in `.tmpl`; `__token__`s are replaced). */
export const PLUGIN_TEMPLATE_DIR = path.join(serverRoot, 'plugin-template');

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = new Set(['core', 'admin', 'portal', 'server', 'testing', 'admin-kit', 'portal-kit', 'bench', 'e2e']);

/** The spellings of a plugin name the template uses. */
export interface PluginNames {
  /** kebab-case, as in `definePlugin({ name })`, folders, permissions and events: `gift-wrap`. */
  name: string;
  /** snake_case, the table prefix: `gift_wrap`. */
  snake: string;
  /** PascalCase, GraphQL types and classes: `GiftWrap`. */
  Pascal: string;
  /** camelCase, GraphQL fields and i18n keys: `giftWrap`. */
  camel: string;
  /** For people: `Gift wrap`. */
  Title: string;
  /** Reference prefix: `GW`. */
  PREFIX: string;
}

/** Every spelling of `name` (which must be kebab-case). */
export function pluginNames(name: string): PluginNames {
  const words = name.split('-');
  const Pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  const letters = (words.length > 1 ? words.map((w) => w.replace(/[^a-z]/g, '').charAt(0)) : [name.replace(/[^a-z]/g, '').slice(0, 3)])
    .join('')
    .toUpperCase();
  return {
    name,
    snake: words.join('_'),
    Pascal,
    camel: Pascal.charAt(0).toLowerCase() + Pascal.slice(1),
    Title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
    PREFIX: letters.slice(0, 6) || 'IT',
  };
}

/** What {@link generatePlugin} takes. */
export interface GeneratePluginOptions {
  /** The plugin name, kebab-case (`gift-wrap`). */
  name: string;
  /** The workspace root: the plugin goes to `<root>/plugins/<name>`. */
  root: string;
  /** Where the plugin goes instead of `<root>/plugins` (tests generate into a temporary folder). */
  pluginsDir?: string;
  /** Time stamp of the first migration; default now. */
  now?: Date;
  /** Add the plugin as a dependency of the server package (`apps/server/package.json`); default true. */
  register?: boolean;
}

/** What {@link generatePlugin} wrote. */
export interface GeneratedPlugin {
  dir: string;
  /** Paths relative to `dir`. */
  files: string[];
  names: PluginNames;
}

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? templateFiles(full, path.join(prefix, entry)) : [path.join(prefix, entry)];
    })
    .filter((f) => f.endsWith('.tmpl'));
}

/** The version range the workspace already uses for each dependency (so installing needs nothing new). */
function workspaceVersions(root: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (const group of ['packages', 'plugins', 'apps']) {
    const dir = path.join(root, group);
    if (!existsSync(dir)) continue;
    for (const pkg of readdirSync(dir).sort()) {
      const file = path.join(dir, pkg, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
      for (const deps of [json.dependencies, json.devDependencies, json.peerDependencies]) {
        for (const [dep, range] of Object.entries(deps ?? {})) {
          if (!versions.has(dep) && !range.startsWith('workspace:')) versions.set(dep, range);
        }
      }
    }
  }
  return versions;
}

function fill(text: string, names: PluginNames, stamp: string): string {
  return text.replace(/__(name|snake|Pascal|camel|Title|PREFIX|TS)__/g, (_m, key: keyof PluginNames | 'TS') =>
    key === 'TS' ? stamp : names[key],
  );
}

async function format(file: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text; // prettier is a development tool of the workspace; without it the template's layout stays
  }
}

/**
 * Write a new plugin from the template: package, `definePlugin` with plugin-scoped services, an
 * entity with its migration, a service moving it through a state machine (history, audit, event),
 * resolvers, permissions, settings, an admin page listed in the console, and an integration test.
 * Refuses a name that is not kebab-case, reserved, or already taken (BootError `USAGE`).
 */
export async function generatePlugin(options: GeneratePluginOptions): Promise<GeneratedPlugin> {
  const { name, root } = options;
  if (!NAME.test(name)) {
    throw new BootError('USAGE', `Plugin name '${name}' is not kebab-case: use lower-case letters, digits and dashes, e.g. 'gift-wrap'.`);
  }
  if (RESERVED.has(name)) throw new BootError('USAGE', `'${name}' is reserved for a package of the platform; choose another name.`);
  const pluginsDir = options.pluginsDir ?? path.join(root, 'plugins');
  const dir = path.join(pluginsDir, name);
  if (existsSync(dir)) throw new BootError('USAGE', `${path.relative(root, dir) || dir} exists already; choose another name.`);

  const names = pluginNames(name);
  const stamp = String((options.now ?? new Date()).getTime());
  const versions = workspaceVersions(root);
  const files: string[] = [];
  for (const template of templateFiles(PLUGIN_TEMPLATE_DIR)) {
    const target = fill(template.slice(0, -'.tmpl'.length), names, stamp);
    let text = fill(readFileSync(path.join(PLUGIN_TEMPLATE_DIR, template), 'utf8'), names, stamp);
    if (target === 'package.json') {
      const pkg = JSON.parse(text) as Record<string, Record<string, string>>;
      for (const group of ['dependencies', 'devDependencies']) {
        for (const [dep, range] of Object.entries(pkg[group] ?? {})) {
          if (range === '__version__') pkg[group]![dep] = versions.get(dep) ?? 'latest';
        }
      }
      text = JSON.stringify(pkg, null, 2) + '\n';
    }
    const file = path.join(dir, target);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await format(file, text));
    files.push(target);
  }

  if (options.register ?? true) {
    const serverPackage = path.join(root, 'apps', 'server', 'package.json');
    const pkg = JSON.parse(readFileSync(serverPackage, 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies[`@aftercare/${name}`] = 'workspace:*';
    pkg.dependencies = Object.fromEntries(Object.entries(pkg.dependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(serverPackage, JSON.stringify(pkg, null, 2) + '\n');
  }
  return { dir, files, names };
}
