import { definePortalExtension } from '@aftercare/portal-kit';

/** Core's own portal pages, declared with the same API plugins use. */
export default definePortalExtension({
  id: 'core',
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), title: 'signIn.title', public: true },
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue'), title: 'home.title' },
    { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue'), title: 'account.title' },
    {
      path: '/complaint-procedure',
      name: 'complaint-procedure',
      component: () => import('./pages/ComplaintProcedurePage.vue'),
      title: 'procedure.title',
      public: true,
    },
  ],
  nav: [
    { to: 'home', label: 'home.nav', order: 0 },
    { to: 'account', label: 'account.nav', order: 90 },
  ],
  homeCards: [{ id: 'core.purchases', title: 'home.purchases', component: () => import('./cards/PurchasesCard.vue'), order: 50 }],
  accountSections: [
    { id: 'core.profile', title: 'account.profile.title', component: () => import('./sections/ProfileSection.vue'), order: 0 },
    { id: 'core.consents', title: 'account.consents.title', component: () => import('./sections/ConsentsSection.vue'), order: 10 },
    { id: 'core.privacy', title: 'account.privacy.title', component: () => import('./sections/PrivacySection.vue'), order: 20 },
    { id: 'core.sessions', title: 'account.sessions.title', component: () => import('./sections/SessionsSection.vue'), order: 30 },
  ],
});
