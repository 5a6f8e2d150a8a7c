import { defineAdminExtension } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** The service desk's console contributions: the customer's cases on the customer page. */
export default defineAdminExtension({
  id: 'service-desk',
  label: 'serviceDesk.name',
  messages: { en, es },
  customerTabs: [
    {
      id: 'service-desk.cases',
      label: 'serviceDesk.customerTab.title',
      component: () => import('./tabs/CustomerCasesTab.vue'),
      permission: 'service-desk.case.read',
      order: 40,
    },
  ],
  slaSubjectLabels: { 'service-desk.case': 'serviceDesk.slaSubjects.case' },
  permissions: ['service-desk.case.read'],
});
