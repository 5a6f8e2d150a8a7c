import type { Component } from 'vue';
import type { SlotContribution } from './slots.js';

/** A Vue component loaded on demand: `() => import('./pages/RequestPage.vue')`. Each becomes its own chunk. */
export type LazyComponent = () => Promise<Component | { default: Component }>;

/** Translations an extension brings, merged into the portal's vue-i18n messages when it is registered. */
export type ExtensionMessages = Record<string, Record<string, unknown>>;

/** A page of an extension, registered inside the portal shell. */
export interface PortalRoute {
  /** Absolute path inside the portal, e.g. `/requests/:id`. Plugins use their own first segment. */
  path: string;
  /** Unique route name; nav items and links point at it. Plugins prefix it: `service-desk.request`. */
  name: string;
  component: LazyComponent;
  /** i18n key of the page title (browser tab). */
  title?: string;
  /** Open without signing in (e.g. the complaint procedure). Default: customers only. */
  public?: boolean;
}

/** An entry of the portal's main navigation. */
export interface PortalNavItem {
  /** Route name to open. */
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Lower comes first. Defaults to 100. */
  order?: number;
}

/** A card on the customer's home page. The component receives no props and loads its own data. */
export interface PortalHomeCard {
  /** Unique id, e.g. `service-desk.open-requests`. */
  id: string;
  /** i18n key of the card heading. */
  title: string;
  component: LazyComponent;
  order?: number;
}

/** A section of the account page (profile, consents, privacy…). The component loads its own data. */
export interface PortalAccountSection {
  id: string;
  /** i18n key of the section heading. */
  title: string;
  component: LazyComponent;
  order?: number;
}

/** Everything an extension (core or a plugin) adds to the customer portal. */
export interface PortalExtension {
  /** 'core' or the plugin name exactly as `definePlugin({ name })` says; matched against `platform { plugins { name } }`. */
  id: string;
  /** Translations by locale; `en` and `es` are expected for every string. */
  messages?: ExtensionMessages;
  routes?: PortalRoute[];
  nav?: PortalNavItem[];
  homeCards?: PortalHomeCard[];
  accountSections?: PortalAccountSection[];
  /** Components for named places on other extensions' pages (`<ExtensionSlot name="…">`). */
  slots?: SlotContribution[];
}

/**
 * Declare what an extension adds to the customer portal. Checks the id, unique route names,
 * absolute paths and that nav items point at declared routes, so mistakes show at start.
 *
 * ```ts
 * export default definePortalExtension({
 *   id: 'warranty',
 *   messages: { en, es },
 *   routes: [{ path: '/products', name: 'warranty.products', component: () => import('./pages/ProductsPage.vue'), title: 'warranty.nav.products' }],
 *   nav: [{ to: 'warranty.products', label: 'warranty.nav.products', order: 20 }],
 *   homeCards: [{ id: 'warranty.products', title: 'warranty.home.products', component: () => import('./cards/ProductsCard.vue') }],
 * });
 * ```
 */
export function definePortalExtension<T extends PortalExtension>(extension: T): T {
  const where = `Portal extension '${extension.id}'`;
  if (!/^[a-z][a-z0-9-]*$/.test(extension.id)) throw new Error(`${where}: id must be kebab-case (core or the plugin name).`);
  const names = new Set<string>();
  for (const r of extension.routes ?? []) {
    if (!r.path.startsWith('/')) throw new Error(`${where}: route '${r.name}' needs an absolute path, got '${r.path}'.`);
    if (names.has(r.name)) throw new Error(`${where}: route name '${r.name}' is declared twice.`);
    names.add(r.name);
  }
  for (const n of extension.nav ?? []) {
    if (!names.has(n.to)) throw new Error(`${where}: nav item '${n.label}' points at '${n.to}', which is not one of its routes.`);
  }
  const ids = new Set<string>();
  for (const c of [...(extension.homeCards ?? []), ...(extension.accountSections ?? [])]) {
    if (ids.has(c.id)) throw new Error(`${where}: card or section id '${c.id}' is declared twice.`);
    ids.add(c.id);
  }
  return extension;
}

/** Sort by `order` (default 100), keeping declaration order among equals. */
export function byOrder<T extends { order?: number }>(a: T, b: T): number {
  return (a.order ?? 100) - (b.order ?? 100);
}
