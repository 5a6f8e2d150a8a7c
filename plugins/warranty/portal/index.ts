import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/** What customers see of warranty: their products with coverage, registration, claims, repairs and service history. */
export default definePortalExtension({
  id: 'warranty',
  messages: { en, es },
  routes: [
    { path: '/products', name: 'warranty.products', component: () => import('./pages/ProductsPage.vue'), title: 'warranty.nav.products' },
    {
      path: '/products/register',
      name: 'warranty.register',
      component: () => import('./pages/RegisterProductPage.vue'),
      title: 'warranty.register.title',
    },
    {
      path: '/products/:id',
      name: 'warranty.product',
      component: () => import('./pages/ProductPage.vue'),
      title: 'warranty.product.title',
    },
    {
      path: '/warranty-claims/:id',
      name: 'warranty.claim',
      component: () => import('./pages/ClaimPage.vue'),
      title: 'warranty.claim.title',
    },
    { path: '/repairs/:id', name: 'warranty.repair', component: () => import('./pages/RepairPage.vue'), title: 'warranty.repair.title' },
  ],
  nav: [{ to: 'warranty.products', label: 'warranty.nav.products', order: 20 }],
  homeCards: [
    { id: 'warranty.products', title: 'warranty.home.products', component: () => import('./cards/ProductsCard.vue'), order: 20 },
    { id: 'warranty.open', title: 'warranty.home.open', component: () => import('./cards/OpenClaimsCard.vue'), order: 15 },
  ],
});
