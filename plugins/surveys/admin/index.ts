import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** A speech bubble with a check: surveys. */
const SurveysIcon = lineIcon('M4 5h16v11H9l-4 4v-4H4z', 'M9 10.5l2 2 4-4');

/**
 * The surveys console: survey editor with live preview and triggers, the response inbox with its
 * follow-up status, the analytics page with break-downs, and a dashboard widget. Loaded only when the
 * server runs the plugin; the settings form is generated from the settings schema.
 */
export default defineAdminExtension({
  id: 'surveys',
  label: 'surveys.name',
  icon: SurveysIcon,
  messages: { en, es },
  routes: [
    {
      path: '/surveys',
      name: 'surveys.list',
      component: () => import('./pages/SurveysPage.vue'),
      permission: 'surveys.survey.read',
      title: 'surveys.list.title',
    },
    {
      path: '/surveys/responses',
      name: 'surveys.responses',
      component: () => import('./pages/ResponsesPage.vue'),
      permission: 'surveys.response.read',
      title: 'surveys.inbox.title',
    },
    {
      path: '/surveys/analytics',
      name: 'surveys.analytics',
      component: () => import('./pages/AnalyticsPage.vue'),
      permission: 'surveys.analytics.read',
      title: 'surveys.analytics.title',
    },
  ],
  nav: [
    { to: 'surveys.responses', label: 'surveys.nav.responses', icon: SurveysIcon, order: 80 },
    { to: 'surveys.analytics', label: 'surveys.nav.analytics', icon: SurveysIcon, order: 81 },
    { to: 'surveys.list', label: 'surveys.nav.surveys', icon: SurveysIcon, order: 82 },
  ],
  dashboardWidgets: [
    {
      id: 'surveys.trend',
      title: 'surveys.widget.title',
      component: () => import('./widgets/SurveyTrendWidget.vue'),
      permission: 'surveys.analytics.read',
      span: 2,
      order: 40,
    },
  ],
  permissions: [
    'surveys.survey.read',
    'surveys.survey.manage',
    'surveys.response.read',
    'surveys.response.follow-up',
    'surveys.analytics.read',
  ],
});
