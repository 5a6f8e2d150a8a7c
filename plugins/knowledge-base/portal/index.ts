import { definePortalExtension } from '@aftercare/portal-kit';
import { en, es } from './locales.js';

/**
 * The help centre in the customer portal: search with instant results, article pages with votes and related
 * articles (stable URLs per locale), guides with progress, and suggested articles in the service desk's
 * new-request form through the `service-desk.new-request` slot.
 */
export default definePortalExtension({
  id: 'knowledge-base',
  messages: { en, es },
  routes: [
    {
      path: '/help',
      name: 'knowledge-base.help',
      component: () => import('./pages/HelpPage.vue'),
      title: 'knowledgeBase.home.title',
      public: true,
    },
    {
      path: '/help/:locale/articles/:slug',
      name: 'knowledge-base.article',
      component: () => import('./pages/ArticlePage.vue'),
      title: 'knowledgeBase.home.title',
      public: true,
    },
    {
      path: '/help/guides',
      name: 'knowledge-base.guides',
      component: () => import('./pages/GuidesPage.vue'),
      title: 'knowledgeBase.guides.title',
    },
  ],
  nav: [{ to: 'knowledge-base.help', label: 'knowledgeBase.nav.help', order: 50 }],
  slots: [
    {
      slot: 'service-desk.new-request',
      id: 'knowledge-base.suggestions',
      component: () => import('./components/RequestSuggestions.vue'),
    },
  ],
});
