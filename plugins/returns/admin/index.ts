import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** A box with an arrow going back: returns. */
const ReturnsIcon = lineIcon('M3 7l9-4 9 4v10l-9 4-9-4z', 'M9 12H15M9 12l2-2M9 12l2 2');

/**
 * The returns console: the inbox with its views, the return page (lines with their legal basis,
 * receipt, inspection, refund breakdown, abuse signals), the policy and reason editors and a
 * dashboard widget. Loaded only when the server runs the plugin.
 */
export default defineAdminExtension({
  id: 'returns',
  label: 'returns.name',
  icon: ReturnsIcon,
  messages: { en, es },
  routes: [
    {
      path: '/returns',
      name: 'returns.inbox',
      component: () => import('./pages/ReturnsInboxPage.vue'),
      permission: 'returns.request.read',
      title: 'returns.inbox.title',
    },
    {
      path: '/returns/policies',
      name: 'returns.policies',
      component: () => import('./pages/ReturnPoliciesPage.vue'),
      permission: 'returns.request.read',
      title: 'returns.policies.title',
    },
    {
      path: '/returns/:id',
      name: 'returns.return',
      component: () => import('./pages/ReturnPage.vue'),
      permission: 'returns.request.read',
      title: 'returns.detail.title',
    },
  ],
  nav: [
    { to: 'returns.inbox', label: 'returns.nav.inbox', icon: ReturnsIcon, order: 70 },
    { to: 'returns.policies', label: 'returns.nav.policies', icon: ReturnsIcon, order: 71 },
  ],
  dashboardWidgets: [
    {
      id: 'returns.overview',
      title: 'returns.widget.title',
      component: () => import('./components/ReturnsWidget.vue'),
      permission: 'returns.request.read',
      span: 2,
      order: 45,
    },
  ],
  permissions: [
    'returns.request.read',
    'returns.request.handle',
    'returns.refund.issue',
    'returns.refund.approve',
    'returns.policy.manage',
    'returns.metrics.read',
  ],
});
