import { defineAdminExtension } from '@aftercare/admin-kit';
import { BadgeCheckIcon } from '@aftercare/admin-kit/icons';
import en from './locales/en.js';
import es from './locales/es.js';

/**
 * The warranty plugin's console pages. The coverage lookup by serial comes first: it is the screen
 * a service agent opens before anything else.
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
  ],
  nav: [{ to: 'warranty.coverage', label: 'warranty.nav.coverage', icon: BadgeCheckIcon, order: 40 }],
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
  permissions: ['warranty.coverage.read', 'warranty.registration.read', 'warranty.claim.read', 'warranty.repair.read'],
});
