import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** A list with a check mark: the plugin's items. */
const ItemsIcon = lineIcon('M9 6h11M9 12h11M9 18h11', 'M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2');

/**
 * The plugin's console pages: the item list (create, move between states). The console loads this
 * file only when the server runs the plugin; its settings form is generated from the settings schema.
 */
export default defineAdminExtension({
  id: 'surveys',
  label: 'surveys.name',
  icon: ItemsIcon,
  messages: { en, es },
  routes: [
    {
      path: '/surveys/items',
      name: 'surveys.items',
      component: () => import('./pages/ItemsPage.vue'),
      permission: 'surveys.item.read',
      title: 'surveys.items.title',
    },
  ],
  nav: [{ to: 'surveys.items', label: 'surveys.nav.items', icon: ItemsIcon, order: 80 }],
  permissions: ['surveys.item.read', 'surveys.item.write'],
});
