import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/** What customers see of the service desk: their requests, a form to submit one, and each request's conversation. */
export default definePortalExtension({
  id: 'service-desk',
  messages: { en, es },
  routes: [
    {
      path: '/requests',
      name: 'service-desk.requests',
      component: () => import('./pages/RequestsPage.vue'),
      title: 'serviceDesk.nav.requests',
    },
    {
      path: '/requests/new',
      name: 'service-desk.new-request',
      component: () => import('./pages/NewRequestPage.vue'),
      title: 'serviceDesk.new.title',
    },
    {
      path: '/requests/:id',
      name: 'service-desk.request',
      component: () => import('./pages/RequestPage.vue'),
      title: 'serviceDesk.request.title',
    },
  ],
  nav: [{ to: 'service-desk.requests', label: 'serviceDesk.nav.requests', order: 10 }],
  homeCards: [
    {
      id: 'service-desk.open-requests',
      title: 'serviceDesk.home.title',
      component: () => import('./cards/OpenRequestsCard.vue'),
      order: 10,
    },
  ],
});
