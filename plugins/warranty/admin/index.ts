import { defineAdminExtension } from '@aftercare/admin-kit';
import { ClaimIcon, CoverageIcon, RepairIcon } from './icons.js';
import en from './locales/en.js';
import es from './locales/es.js';

/**
 * The warranty plugin's console pages. The coverage lookup by serial comes first: it is the screen
 * a service agent opens before anything else; claims are filed from it. Then the claims inbox with
 * the decision panel, and the repair board with each repair order's work.
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
  ],
  nav: [
    { to: 'warranty.coverage', label: 'warranty.nav.coverage', icon: CoverageIcon, order: 40 },
    { to: 'warranty.claims', label: 'warranty.nav.claims', icon: ClaimIcon, order: 41 },
    { to: 'warranty.repairs', label: 'warranty.nav.repairs', icon: RepairIcon, order: 42 },
  ],
  permissions: [
    'warranty.coverage.read',
    'warranty.claim.read',
    'warranty.claim.write',
    'warranty.claim.decide',
    'warranty.claim.override',
    'warranty.repair.read',
    'warranty.repair.write',
  ],
});
