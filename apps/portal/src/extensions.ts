import {
  byOrder,
  type PortalAccountSection,
  type PortalExtension,
  type PortalHomeCard,
  type PortalNavItem,
  registerSlotContributions,
} from '@aftercare/portal-kit';
import { computed, shallowRef } from 'vue';
import type { Router } from 'vue-router';
import coreExtension from './core/index.js';
import { i18n } from './i18n.js';

/**
 * Every plugin's portal entry in the workspace, each its own lazy chunk. Only the entries of plugins
 * the server reports as enabled are ever loaded; a disabled plugin's code is never fetched.
 */
const pluginEntries = import.meta.glob<{ default: PortalExtension }>('../../../plugins/*/portal/index.ts');

/** `…/plugins/warranty/portal/index.ts` → `warranty` (the folder is the plugin name). */
export function pluginFolder(path: string): string | undefined {
  return /plugins\/([^/]+)\/portal\/index\.ts$/.exec(path)?.[1];
}

/** The extensions registered in this session: core first, then enabled plugins in server order. */
export const extensions = shallowRef<readonly PortalExtension[]>([]);

/** Load the portal entries of the enabled plugins (core is always there); plugins without a portal part are skipped. */
export async function loadExtensions(enabledPlugins: readonly string[]): Promise<PortalExtension[]> {
  const byFolder = new Map(Object.entries(pluginEntries).map(([path, load]) => [pluginFolder(path), load]));
  const loaded = await Promise.all(
    enabledPlugins.map(async (name) => {
      const load = byFolder.get(name);
      if (!load) return null;
      try {
        const ext = (await load()).default;
        if (ext.id !== name) console.warn(`Portal extension in plugins/${name} has id '${ext.id}'; expected '${name}'.`);
        return ext;
      } catch (err) {
        console.error(`The portal part of plugin '${name}' failed to load`, err);
        return null;
      }
    }),
  );
  return [coreExtension, ...loaded.filter((e): e is PortalExtension => e !== null)];
}

/** Register routes and messages of the extensions: routes become children of the portal shell. */
export function registerExtensions(router: Router, list: readonly PortalExtension[]): void {
  for (const ext of list) {
    for (const [locale, messages] of Object.entries(ext.messages ?? {})) i18n.global.mergeLocaleMessage(locale, messages);
    for (const r of ext.routes ?? []) {
      router.addRoute('shell', {
        path: r.path,
        name: r.name,
        component: r.component,
        meta: { public: r.public, title: r.title, extension: ext.id },
      });
    }
  }
  registerSlotContributions(list.flatMap((e) => e.slots ?? []));
  extensions.value = list;
}

/** Navigation entries of every extension, in order. */
export const navigation = computed<PortalNavItem[]>(() => extensions.value.flatMap((e) => e.nav ?? []).sort(byOrder));
/** Home cards of every extension, in order. */
export const homeCards = computed<PortalHomeCard[]>(() => extensions.value.flatMap((e) => e.homeCards ?? []).sort(byOrder));
/** Account sections of every extension, in order. */
export const accountSections = computed<PortalAccountSection[]>(() =>
  extensions.value.flatMap((e) => e.accountSections ?? []).sort(byOrder),
);
