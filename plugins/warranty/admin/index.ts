import { defineAdminExtension } from '@aftercare/admin-kit';
import { AnalyticsIcon, ClaimIcon, CoverageIcon, PartsIcon, PolicyIcon, RegistrationIcon, RepairIcon, ScheduleIcon } from './icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

/**
 * The warranty plugin's console pages. The coverage lookup by serial comes first: it is the screen
 * a service agent opens before anything else; claims are filed from it. Then the claims inbox with
 * the decision panel, the repair board with each repair order's work, registrations, the
 * technicians' week and analytics; the parts catalogue and policies are configuration.
 */
export default defineAdminExtension({
  id: 'warranty',
  label: 'warranty.name',
  icon: ClaimIcon,
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
      path: '/warranty/claims',
      name: 'warranty.claims',
      component: () => import('./pages/claims/ClaimsPage.vue'),
      permission: 'warranty.claim.read',
      title: 'warranty.claims.title',
    },
    {
      path: '/warranty/claims/:id',
      name: 'warranty.claim',
      component: () => import('./pages/claims/ClaimPage.vue'),
      permission: 'warranty.claim.read',
      title: 'warranty.claims.title',
    },
    {
      path: '/warranty/repairs',
      name: 'warranty.repairs',
      component: () => import('./pages/repairs/RepairBoardPage.vue'),
      permission: 'warranty.repair.read',
      title: 'warranty.repairs.title',
    },
    {
      path: '/warranty/repairs/:id',
      name: 'warranty.repair',
      component: () => import('./pages/repairs/RepairPage.vue'),
      permission: 'warranty.repair.read',
      title: 'warranty.repairs.title',
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
    { to: 'warranty.claims', label: 'warranty.nav.claims', icon: ClaimIcon, order: 41 },
    { to: 'warranty.repairs', label: 'warranty.nav.repairs', icon: RepairIcon, order: 42 },
    { to: 'warranty.registrations', label: 'warranty.nav.registrations', icon: RegistrationIcon, order: 43 },
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
    'warranty.claim.read',
    'warranty.claim.write',
    'warranty.claim.decide',
    'warranty.claim.override',
    'warranty.repair.read',
    'warranty.repair.write',
    'warranty.registration.read',
    'warranty.registration.write',
    'warranty.contract.sell',
    'warranty.parts.manage',
    'warranty.policy.manage',
    'warranty.metrics.read',
  ],
  customerTabs: [
    {
      id: 'warranty.warranties',
      label: 'warranty.customerTab.title',
      component: () => import('./tabs/CustomerWarrantiesTab.vue'),
      permission: ['warranty.registration.read', 'warranty.claim.read', 'warranty.repair.read'],
      order: 50,
    },
  ],
  slaSubjectLabels: { 'warranty.claim': 'warranty.slaSubjects.claim', 'warranty.repair': 'warranty.slaSubjects.repair' },
});
