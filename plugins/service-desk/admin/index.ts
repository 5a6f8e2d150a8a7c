import { defineAdminExtension } from '@aftercare/admin-kit';
import { CasesIcon } from './icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

/**
 * The service desk's console: the case inbox with quick views and bulk assignment, the case page
 * (conversation, SLA timers, customer, compensation with four-eyes approval) and the dashboard
 * overview of volume, SLA compliance and root causes.
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
  ],
  nav: [{ to: 'service-desk.cases', label: 'serviceDesk.nav.cases', icon: CasesIcon, order: 10 }],
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
  permissions: [
    'service-desk.case.read',
    'service-desk.case.write',
    'service-desk.case.assign',
    'service-desk.compensation.propose',
    'service-desk.compensation.approve',
    'service-desk.metrics.read',
  ],
});
