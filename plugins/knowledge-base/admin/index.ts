import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** An open book: the knowledge base. */
const BookIcon = lineIcon('M4 5a2 2 0 0 1 2-2h5v16H6a2 2 0 0 0-2 2z', 'M20 5a2 2 0 0 0-2-2h-5v16h5a2 2 0 0 1 2 2z');

/**
 * The knowledge base in the console: article list, editor (preview, translations side by side, workflow,
 * revisions with diff), analytics (deflection, search, stale articles), and suggested articles on the
 * service desk's case page through the `service-desk.case-sidebar` slot.
 */
export default defineAdminExtension({
  id: 'knowledge-base',
  label: 'knowledgeBase.name',
  icon: BookIcon,
  messages: { en, es },
  routes: [
    {
      path: '/knowledge-base/articles',
      name: 'knowledge-base.articles',
      component: () => import('./pages/ArticlesPage.vue'),
      permission: 'knowledge-base.article.read',
      title: 'knowledgeBase.list.heading',
    },
    {
      path: '/knowledge-base/articles/new',
      name: 'knowledge-base.new',
      component: () => import('./pages/ArticlePage.vue'),
      permission: 'knowledge-base.article.write',
      title: 'knowledgeBase.editor.newTitle',
    },
    {
      path: '/knowledge-base/articles/:id',
      name: 'knowledge-base.article',
      component: () => import('./pages/ArticlePage.vue'),
      permission: 'knowledge-base.article.read',
      title: 'knowledgeBase.editor.title',
    },
    {
      path: '/knowledge-base/analytics',
      name: 'knowledge-base.analytics',
      component: () => import('./pages/AnalyticsPage.vue'),
      permission: 'knowledge-base.analytics.read',
      title: 'knowledgeBase.analytics.title',
    },
  ],
  nav: [
    { to: 'knowledge-base.articles', label: 'knowledgeBase.nav.articles', icon: BookIcon, order: 60 },
    { to: 'knowledge-base.analytics', label: 'knowledgeBase.nav.analytics', icon: BookIcon, order: 61 },
  ],
  dashboardWidgets: [
    {
      id: 'knowledge-base.deflection',
      title: 'knowledgeBase.widget.title',
      component: () => import('./widgets/DeflectionWidget.vue'),
      permission: 'knowledge-base.analytics.read',
      order: 60,
    },
  ],
  slots: [
    {
      slot: 'service-desk.case-sidebar',
      id: 'knowledge-base.case-suggestions',
      component: () => import('./components/CaseSuggestions.vue'),
      permission: 'knowledge-base.article.read',
    },
  ],
  permissions: [
    'knowledge-base.article.read',
    'knowledge-base.article.write',
    'knowledge-base.article.publish',
    'knowledge-base.analytics.read',
  ],
});
