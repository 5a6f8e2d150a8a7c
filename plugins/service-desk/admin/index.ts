import { defineAdminExtension } from '@aftercare/admin-kit';
import { HeadsetIcon } from './components/settings/icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

const manage = 'service-desk.settings.manage';

/**
 * The service desk's console pages. Settings (teams, categories and root causes, canned responses,
 * thresholds and rules) live under `/service-desk/settings/…` for those who manage the desk; the
 * overview also stands in for the generated form on the core "Plugin settings" page.
 */
export default defineAdminExtension({
  id: 'service-desk',
  label: 'serviceDesk.name',
  messages: { en, es },
  routes: [
    {
      path: '/service-desk/settings',
      name: 'service-desk.settings',
      component: () => import('./pages/settings/SettingsHomePage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.title',
    },
    {
      path: '/service-desk/settings/teams',
      name: 'service-desk.settings.teams',
      component: () => import('./pages/settings/TeamsPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.teams.title',
    },
    {
      path: '/service-desk/settings/categories',
      name: 'service-desk.settings.categories',
      component: () => import('./pages/settings/CategoriesPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.codes.title',
    },
    {
      path: '/service-desk/settings/canned-responses',
      name: 'service-desk.settings.canned-responses',
      component: () => import('./pages/settings/CannedResponsesPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.canned.title',
    },
    {
      path: '/service-desk/settings/rules',
      name: 'service-desk.settings.rules',
      component: () => import('./pages/settings/RulesPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.rules.title',
    },
  ],
  nav: [{ to: 'service-desk.settings', label: 'serviceDesk.settings.nav', section: 'configuration', order: 50, icon: HeadsetIcon }],
  settings: { component: () => import('./components/settings/SettingsOverview.vue') },
  permissions: [manage],
});
