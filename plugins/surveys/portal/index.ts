import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/**
 * What customers see of surveys: the public answer page opened from the e-mail (signed link, no
 * sign-in) and, when signed in, their pending surveys.
 */
export default definePortalExtension({
  id: 'surveys',
  messages: { en, es },
  routes: [
    {
      path: '/survey/:token',
      name: 'surveys.answer',
      component: () => import('./pages/AnswerPage.vue'),
      title: 'surveys.answerTitle',
      public: true,
    },
    { path: '/surveys', name: 'surveys.mine', component: () => import('./pages/MySurveysPage.vue'), title: 'surveys.title' },
  ],
  nav: [{ to: 'surveys.mine', label: 'surveys.nav', order: 60 }],
  homeCards: [{ id: 'surveys.pending', title: 'surveys.home', component: () => import('./cards/PendingSurveysCard.vue'), order: 40 }],
});
