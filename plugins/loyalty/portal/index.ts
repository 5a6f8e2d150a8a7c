import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/** What customers see of loyalty: balance with pending and expiring points, tier progress, history, rewards and sweepstakes. */
export default definePortalExtension({
  id: 'loyalty',
  messages: { en, es },
  routes: [{ path: '/loyalty', name: 'loyalty.points', component: () => import('./pages/LoyaltyPage.vue'), title: 'loyalty.nav.points' }],
  nav: [{ to: 'loyalty.points', label: 'loyalty.nav.points', order: 40 }],
  homeCards: [{ id: 'loyalty.balance', title: 'loyalty.home.balance', component: () => import('./cards/BalanceCard.vue'), order: 30 }],
});
