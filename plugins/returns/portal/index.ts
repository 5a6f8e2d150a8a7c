import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/**
 * What customers see of returns: their returns and purchases, starting a return (eligibility and
 * deadline shown first), the EU "Withdraw from contract here" function with its separate confirmation
 * step and acknowledgement, and each return's status.
 */
export default definePortalExtension({
  id: 'returns',
  messages: { en, es },
  routes: [
    { path: '/returns', name: 'returns.list', component: () => import('./pages/MyReturnsPage.vue'), title: 'returns.nav.returns' },
    {
      path: '/returns/new/:purchaseId',
      name: 'returns.start',
      component: () => import('./pages/StartReturnPage.vue'),
      title: 'returns.start.title',
    },
    { path: '/withdraw', name: 'returns.withdraw', component: () => import('./pages/WithdrawPage.vue'), title: 'returns.withdraw.title' },
    { path: '/returns/:id', name: 'returns.detail', component: () => import('./pages/MyReturnPage.vue'), title: 'returns.detail.title' },
  ],
  nav: [
    { to: 'returns.list', label: 'returns.nav.returns', order: 30 },
    { to: 'returns.withdraw', label: 'returns.nav.withdraw', order: 31 },
  ],
});
