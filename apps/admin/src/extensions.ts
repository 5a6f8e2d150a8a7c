import {
  type AdminExtension,
  type AdminNavItem,
  type DashboardWidget,
  type CustomerTab,
  registerSlotContributions,
  useAdminSession,
} from '@aftercare/admin-kit';
import { computed, shallowRef } from 'vue';
import type { Router } from 'vue-router';
import coreExtension from './core/index.js';
import { i18n } from './i18n.js';

/**
 * Every plugin's admin entry in the workspace, each its own lazy chunk. Only the entries of plugins
 * the server reports as enabled are ever loaded; a disabled plugin's code is never fetched.
 */
const pluginEntries = import.meta.glob<{ default: AdminExtension }>('../../../plugins/*/admin/index.ts');

/** `…/plugins/warranty/admin/index.ts` → `warranty` (the folder is the plugin name). */
export function pluginFolder(path: string): string | undefined {
  return /plugins\/([^/]+)\/admin\/index\.ts$/.exec(path)?.[1];
}

/** A plugin enabled on the server (`platform { plugins }`), whether or not it brings an admin UI. */
export interface EnabledPlugin {
  name: string;
  version: string;
  description?: string | null;
}

/** Every plugin the server runs, in boot order: set once at start from `platform { plugins }`. */
export const enabledPlugins = shallowRef<readonly EnabledPlugin[]>([]);

/** The extensions registered in this console session: core first, then enabled plugins in server order. */
export const extensions = shallowRef<readonly AdminExtension[]>([]);

/** Load the admin entries of the enabled plugins (core is always there). Missing UIs are skipped. */
export async function loadExtensions(enabledPlugins: readonly string[]): Promise<AdminExtension[]> {
  const byFolder = new Map(Object.entries(pluginEntries).map(([path, load]) => [pluginFolder(path), load]));
  const out: AdminExtension[] = [coreExtension];
  for (const name of enabledPlugins) {
    const load = byFolder.get(name);
    if (!load) continue; // a plugin without an admin UI
    try {
      const ext = (await load()).default;
      if (ext.id !== name) console.warn(`Admin extension in plugins/${name} has id '${ext.id}'; expected '${name}'.`);
      out.push(ext);
    } catch (err) {
      console.error(`The admin UI of plugin '${name}' failed to load`, err);
    }
  }
  return out;
}

/** Register routes and messages of the extensions: routes become children of the console shell. */
export function registerExtensions(router: Router, list: readonly AdminExtension[]): void {
  for (const ext of list) {
    for (const [locale, messages] of Object.entries(ext.messages ?? {})) i18n.global.mergeLocaleMessage(locale, messages);
    for (const r of ext.routes ?? []) {
      router.addRoute('shell', {
        path: r.path,
        name: r.name,
        component: r.component,
        meta: { permission: r.permission, title: r.title, extension: ext.id },
      });
    }
  }
  registerSlotContributions(list.flatMap((e) => e.slots ?? []));
  extensions.value = list;
}

type Sorted<T> = T & { order?: number };
const byOrder = <T extends { order?: number }>(a: Sorted<T>, b: Sorted<T>) => (a.order ?? 100) - (b.order ?? 100);

/** Navigation entries the signed-in user may see, by section. */
export function useNavigation() {
  const session = useAdminSession();
  return computed(() => {
    const routePermission = new Map(extensions.value.flatMap((e) => (e.routes ?? []).map((r) => [r.name, r.permission] as const)));
    const items: AdminNavItem[] = extensions.value
      .flatMap((e) => e.nav ?? [])
      .filter((n) => session.can(n.permission ?? routePermission.get(n.to)))
      .sort(byOrder);
    return {
      main: items.filter((n) => (n.section ?? 'main') === 'main'),
      configuration: items.filter((n) => n.section === 'configuration'),
      system: items.filter((n) => n.section === 'system'),
    };
  });
}

/** Dashboard widgets the signed-in user may see. */
export function useDashboardWidgets() {
  const session = useAdminSession();
  return computed<DashboardWidget[]>(() =>
    extensions.value
      .flatMap((e) => e.dashboardWidgets ?? [])
      .filter((w) => session.can(w.permission))
      .sort(byOrder),
  );
}

/** Customer-detail tabs the signed-in user may see (core's and the enabled plugins'), in their order. */
export function useCustomerTabs() {
  const session = useAdminSession();
  return computed<CustomerTab[]>(() =>
    extensions.value
      .flatMap((e) => e.customerTabs ?? [])
      .filter((c) => session.can(c.permission))
      .sort(byOrder),
  );
}

/**
 * The name of an SLA subject type in the console's language: the i18n key an extension declared in
 * `slaSubjectLabels`, else the server's English label, else the raw type (`service-desk.case`).
 */
export function useSlaSubjectLabel() {
  const { t } = i18n.global;
  const keys = computed(() => new Map(extensions.value.flatMap((e) => Object.entries(e.slaSubjectLabels ?? {}))));
  return (subjectType: string, serverLabel?: string | null) => {
    const key = keys.value.get(subjectType);
    return key ? t(key) : (serverLabel ?? subjectType);
  };
}
