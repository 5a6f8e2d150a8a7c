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
  id: 'loyalty',
  label: 'loyalty.name',
  icon: ItemsIcon,
  messages: { en, es },
  routes: [],
  nav: [],
  permissions: [
    'loyalty.account.read',
    'loyalty.points.adjust',
    'loyalty.program.manage',
    'loyalty.reward.redeem',
    'loyalty.sweepstake.draw',
  ],
});
