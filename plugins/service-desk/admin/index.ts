import { defineAdminExtension } from '@aftercare/admin-kit';
import { CasesIcon, HeadsetIcon } from './icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

const manage = 'service-desk.settings.manage';

/**
 * The service desk's console: the case inbox with quick views and bulk assignment, the case page
 * (conversation, SLA timers, customer, compensation with four-eyes approval), the customer's cases
 * as a tab of the customer page, the dashboard
 * overview of volume, SLA compliance and root causes, and — for those who manage the desk — the
 * settings under `/service-desk/settings/…` (teams, categories and root causes, canned responses,
 * thresholds and rules), whose overview also stands in for the generated form on the core
 * "Plugin settings" page.
 */
export default defineAdminExtension({
  id: 'service-desk',
  label: 'serviceDesk.name',
  icon: CasesIcon,
  messages: { en, es },
  routes: [
    {
      path: '/service-desk/cases',
      name: 'service-desk.cases',
      component: () => import('./pages/CasesPage.vue'),
      permission: 'service-desk.case.read',
      title: 'serviceDesk.inbox.title',
    },
    {
      path: '/service-desk/cases/:id',
      name: 'service-desk.case',
      component: () => import('./pages/CasePage.vue'),
      permission: 'service-desk.case.read',
      title: 'serviceDesk.inbox.title',
    },
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
      path: '/service-desk/settings/mail',
      name: 'service-desk.settings.mail',
      component: () => import('./pages/settings/MailPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.mail.title',
    },
    {
      path: '/service-desk/settings/rules',
      name: 'service-desk.settings.rules',
      component: () => import('./pages/settings/RulesPage.vue'),
      permission: manage,
      title: 'serviceDesk.settings.rules.title',
    },
  ],
  nav: [
    { to: 'service-desk.cases', label: 'serviceDesk.nav.cases', icon: CasesIcon, order: 10 },
    { to: 'service-desk.settings', label: 'serviceDesk.settings.nav', section: 'configuration', order: 50, icon: HeadsetIcon },
  ],
  dashboardWidgets: [
    {
      id: 'service-desk.overview',
      title: 'serviceDesk.widget.title',
      component: () => import('./widgets/ServiceDeskOverview.vue'),
      permission: 'service-desk.metrics.read',
      span: 2,
      order: 20,
    },
  ],
  customerTabs: [
    {
      id: 'service-desk.cases',
      label: 'serviceDesk.customerTab.title',
      component: () => import('./tabs/CustomerCasesTab.vue'),
      permission: 'service-desk.case.read',
      order: 40,
    },
  ],
  slaSubjectLabels: { 'service-desk.case': 'serviceDesk.slaSubjects.case' },
  settings: { component: () => import('./components/settings/SettingsOverview.vue') },
  permissions: [
    'service-desk.case.read',
    'service-desk.case.write',
    'service-desk.case.assign',
    'service-desk.compensation.propose',
    'service-desk.compensation.approve',
    'service-desk.metrics.read',
    manage,
  ],
});
