import { defineAdminExtension } from '@aftercare/admin-kit';
import { AnalyticsIcon, CoverageIcon, PartsIcon, PolicyIcon, RegistrationIcon, ScheduleIcon } from './icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

/**
 * The warranty plugin's console pages. The coverage lookup by serial comes first: it is the screen
 * a service agent opens before anything else. Registrations, the technicians' week and analytics
 * are daily work; the parts catalogue and policies are configuration.
 */
export default defineAdminExtension({
  id: 'warranty',
  label: 'warranty.name',
  messages: { en, es },
  routes: [
    {
      path: '/warranty/coverage',
      name: 'warranty.coverage',
      component: () => import('./pages/CoverageLookupPage.vue'),
      permission: 'warranty.coverage.read',
      title: 'warranty.coverage.title',
    },
    {
      path: '/warranty/registrations',
      name: 'warranty.registrations',
      component: () => import('./pages/registrations/RegistrationsPage.vue'),
      permission: 'warranty.registration.read',
      title: 'warranty.registrations.title',
    },
    {
      path: '/warranty/registrations/:id',
      name: 'warranty.registration',
      component: () => import('./pages/registrations/RegistrationPage.vue'),
      permission: 'warranty.registration.read',
      title: 'warranty.registrations.detailTitle',
    },
    {
      path: '/warranty/parts',
      name: 'warranty.parts',
      component: () => import('./pages/parts/PartsPage.vue'),
      permission: 'warranty.repair.read',
      title: 'warranty.parts.title',
    },
    {
      path: '/warranty/policies',
      name: 'warranty.policies',
      component: () => import('./pages/policies/PoliciesPage.vue'),
      permission: 'warranty.coverage.read',
      title: 'warranty.policies.title',
    },
    {
      path: '/warranty/schedule',
      name: 'warranty.schedule',
      component: () => import('./pages/schedule/SchedulePage.vue'),
      permission: 'warranty.repair.read',
      title: 'warranty.schedule.title',
    },
    {
      path: '/warranty/analytics',
      name: 'warranty.analytics',
      component: () => import('./pages/analytics/AnalyticsPage.vue'),
      permission: 'warranty.metrics.read',
      title: 'warranty.dashboard.title',
    },
  ],
  nav: [
    { to: 'warranty.coverage', label: 'warranty.nav.coverage', icon: CoverageIcon, order: 40 },
    { to: 'warranty.registrations', label: 'warranty.nav.registrations', icon: RegistrationIcon, order: 41 },
    { to: 'warranty.schedule', label: 'warranty.nav.schedule', icon: ScheduleIcon, order: 44 },
    { to: 'warranty.analytics', label: 'warranty.nav.analytics', icon: AnalyticsIcon, order: 46 },
    { to: 'warranty.parts', label: 'warranty.nav.parts', icon: PartsIcon, section: 'configuration', order: 40 },
    {
      to: 'warranty.policies',
      label: 'warranty.nav.policies',
      icon: PolicyIcon,
      section: 'configuration',
      order: 41,
      // Reading policies comes with coverage; the editor is for those who manage them.
      permission: 'warranty.policy.manage',
    },
  ],
  dashboardWidgets: [
    {
      id: 'warranty.overview',
      title: 'warranty.dashboard.widgetTitle',
      component: () => import('./components/dashboard/WarrantyOverviewWidget.vue'),
      permission: 'warranty.metrics.read',
      span: 2,
      order: 40,
    },
  ],
  permissions: [
    'warranty.coverage.read',
    'warranty.registration.read',
    'warranty.registration.write',
    'warranty.contract.sell',
    'warranty.repair.read',
    'warranty.parts.manage',
    'warranty.policy.manage',
    'warranty.metrics.read',
  ],
});
