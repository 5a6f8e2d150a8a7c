import type { Component } from 'vue';
import type { SlotContribution } from './slots.js';

/** A Vue component loaded on demand: `() => import('./pages/claims.vue')`. Each becomes its own chunk. */
export type LazyComponent = () => Promise<Component | { default: Component }>;

/**
 * Who may see something: one permission, or a list of which ANY suffices (e.g. read or manage).
 * Leave out for "any signed-in staff user". The server enforces the same rules; hiding is for clarity.
 */
export type PermissionRequirement = string | readonly string[];

/** Translations an extension brings, merged into the console's vue-i18n messages at registration. */
export type ExtensionMessages = Record<string, Record<string, unknown>>;

/** A page of an extension, registered as a child of the console shell. */
export interface AdminRoute {
  /** Absolute path. Plugins put theirs under `/<plugin-name>/…`, e.g. `/warranty/claims/:id`. */
  path: string;
  /** Unique route name; nav items and links point at it. Plugins prefix it: `warranty.claims`. */
  name: string;
  component: LazyComponent;
  /** Who may open the page; others see the "no access" page. */
  permission?: PermissionRequirement;
  /** i18n key of the page title (browser tab, breadcrumbs). */
  title?: string;
}

/** An entry of the console's side navigation. */
export interface AdminNavItem {
  /** Route name to open. */
  to: string;
  /** i18n key of the label. */
  label: string;
  icon?: Component;
  /** Hidden from users who lack it. Defaults to the target route's permission. */
  permission?: PermissionRequirement;
  /** Navigation section: 'main' (work), 'configuration' or 'system'. Defaults to 'main'. */
  section?: 'main' | 'configuration' | 'system';
  /** Lower comes first within the section. Defaults to 100. */
  order?: number;
}

/** A card on the dashboard. The component receives no props and loads its own data. */
export interface DashboardWidget {
  /** Unique id, e.g. `warranty.open-claims`. */
  id: string;
  /** i18n key of the card title. */
  title: string;
  component: LazyComponent;
  permission?: PermissionRequirement;
  /** Grid width: 1 (a third), 2 (two thirds) or 3 (full width). Defaults to 1. */
  span?: 1 | 2 | 3;
  order?: number;
}

/** A tab on the customer detail page. The component receives the prop `customerId: string`. */
export interface CustomerTab {
  id: string;
  /** i18n key of the tab label. */
  label: string;
  component: LazyComponent;
  permission?: PermissionRequirement;
  order?: number;
}

/** How the console offers an extension's settings. */
export interface ExtensionSettings {
  /**
   * A page of your own for the settings. Leave out to get the generated form, built from the
   * plugin's zod settings schema (`definePlugin({ settings })`), at `/settings/<plugin-name>`.
   */
  component?: LazyComponent;
  /** i18n keys of field labels, by settings key; the schema's description is used otherwise. */
  labels?: Record<string, string>;
}

/** Everything an extension (core or a plugin) adds to the admin console. */
export interface AdminExtension {
  /** 'core' or the plugin name exactly as `definePlugin({ name })` says: the console matches it against `platform { plugins { name } }`. */
  id: string;
  /** i18n key of the extension's name (settings list, navigation sections). */
  label: string;
  icon?: Component;
  /** Translations, by locale (`en` required; `es` expected). Keys are usually namespaced by the extension id. */
  messages?: ExtensionMessages;
  routes?: AdminRoute[];
  nav?: AdminNavItem[];
  dashboardWidgets?: DashboardWidget[];
  customerTabs?: CustomerTab[];
  /** Components for named places on other extensions' pages (`<ExtensionSlot name="…">`). */
  slots?: SlotContribution[];
  settings?: ExtensionSettings;
  /**
   * i18n keys of the plural names of the plugin's SLA subject types, by subject type, e.g.
   * `{ 'warranty.claim': 'warranty.sla.claims' }`. The dashboard's SLA widgets use them; without one
   * they show the English name the server reports (`slaSubjects.contribute({ label })`).
   */
  slaSubjectLabels?: Record<string, string>;
  /** Permissions the extension's UI uses, for documentation and the role editor's hints. */
  permissions?: readonly string[];
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declare what an extension adds to the console. Default-export the result from `admin/index.ts`
 * of a plugin package; the console loads it only when the plugin is enabled on the server.
 *
 * Checks what can be checked early (id format, unique route names, nav targets) so that mistakes
 * show up when the console starts, not when someone clicks.
 *
 * @example
 * export default defineAdminExtension({
 *   id: 'warranty',
 *   label: 'warranty.name',
 *   messages: { en, es },
 *   routes: [{ path: '/warranty/claims', name: 'warranty.claims', component: () => import('./pages/claims.vue'), permission: 'warranty.claim.read' }],
 *   nav: [{ to: 'warranty.claims', label: 'warranty.nav.claims' }],
 * });
 */
export function defineAdminExtension<const E extends AdminExtension>(extension: E): E {
  if (!ID.test(extension.id)) throw new Error(`Admin extension id '${extension.id}' must be 'core' or a kebab-case plugin name.`);
  const names = new Set<string>();
  for (const r of extension.routes ?? []) {
    if (names.has(r.name)) throw new Error(`Admin extension '${extension.id}': route name '${r.name}' is used twice.`);
    if (!r.path.startsWith('/')) throw new Error(`Admin extension '${extension.id}': route '${r.name}' needs an absolute path.`);
    names.add(r.name);
  }
  for (const n of extension.nav ?? []) {
    if (!names.has(n.to)) throw new Error(`Admin extension '${extension.id}': nav item '${n.label}' points at unknown route '${n.to}'.`);
  }
  return Object.freeze(extension);
}

/** True when `granted` satisfies `required` (any of the listed permissions; nothing required = true). */
export function satisfies(granted: ReadonlySet<string> | readonly string[], required: PermissionRequirement | undefined): boolean {
  if (required === undefined) return true;
  const list = typeof required === 'string' ? [required] : required;
  if (list.length === 0) return true;
  const has = (p: string) => (Array.isArray(granted) ? granted.includes(p) : (granted as ReadonlySet<string>).has(p));
  return list.some(has);
}
