import { defineAdminExtension } from '@aftercare/admin-kit';
import {
  CalendarIcon,
  ClockIcon,
  DashboardIcon,
  KeyIcon,
  ListIcon,
  SettingsIcon,
  ShieldIcon,
  UsersIcon,
  WebhookIcon,
} from '../shell/icons.js';

/**
 * Core's pages, declared with the same API plugins use. Customers, products and purchases join
 * here when the customer domain lands; plugins add dashboard widgets and customer tabs of their own.
 */
export default defineAdminExtension({
  id: 'core',
  label: 'core.name',
  routes: [
    { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), title: 'nav.dashboard' },
    {
      path: '/staff',
      name: 'staff',
      component: () => import('./pages/StaffUsersPage.vue'),
      permission: ['core.staff.read', 'core.staff.manage'],
      title: 'nav.staff',
    },
    { path: '/roles', name: 'roles', component: () => import('./pages/RolesPage.vue'), permission: 'core.role.manage', title: 'nav.roles' },
    {
      path: '/roles/:id',
      name: 'role',
      component: () => import('./pages/RoleEditorPage.vue'),
      permission: 'core.role.manage',
      title: 'roles.editTitle',
    },
    {
      path: '/api-keys',
      name: 'api-keys',
      component: () => import('./pages/ApiKeysPage.vue'),
      permission: 'core.apikey.manage',
      title: 'nav.apiKeys',
    },
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./pages/AuditLogPage.vue'),
      permission: 'core.audit.read',
      title: 'nav.audit',
    },
    {
      path: '/calendars',
      name: 'calendars',
      component: () => import('./pages/CalendarsPage.vue'),
      permission: 'core.sla.read',
      title: 'nav.calendars',
    },
    {
      path: '/calendars/:id',
      name: 'calendar',
      component: () => import('./pages/CalendarEditorPage.vue'),
      permission: 'core.sla.read',
      title: 'calendars.editTitle',
    },
    {
      path: '/sla-policies',
      name: 'sla-policies',
      component: () => import('./pages/SlaPoliciesPage.vue'),
      permission: 'core.sla.read',
      title: 'nav.slaPolicies',
    },
    {
      path: '/webhooks',
      name: 'webhooks',
      component: () => import('./pages/WebhooksPage.vue'),
      permission: 'core.webhook.manage',
      title: 'nav.webhooks',
    },
    {
      path: '/settings/:plugin?',
      name: 'settings',
      component: () => import('./pages/PluginSettingsPage.vue'),
      permission: 'core.settings.manage',
      title: 'nav.settings',
    },
  ],
  nav: [
    { to: 'dashboard', label: 'nav.dashboard', icon: DashboardIcon, order: 0 },
    { to: 'calendars', label: 'nav.calendars', icon: CalendarIcon, section: 'configuration', order: 10 },
    { to: 'sla-policies', label: 'nav.slaPolicies', icon: ClockIcon, section: 'configuration', order: 20 },
    { to: 'settings', label: 'nav.settings', icon: SettingsIcon, section: 'configuration', order: 90 },
    { to: 'staff', label: 'nav.staff', icon: UsersIcon, section: 'system', order: 10 },
    { to: 'roles', label: 'nav.roles', icon: ShieldIcon, section: 'system', order: 20 },
    { to: 'api-keys', label: 'nav.apiKeys', icon: KeyIcon, section: 'system', order: 30 },
    { to: 'webhooks', label: 'nav.webhooks', icon: WebhookIcon, section: 'system', order: 40 },
    { to: 'audit', label: 'nav.audit', icon: ListIcon, section: 'system', order: 50 },
  ],
  dashboardWidgets: [
    {
      id: 'core.sla-at-risk',
      title: 'dashboard.slaAtRisk',
      component: () => import('./widgets/SlaAtRiskWidget.vue'),
      permission: 'core.sla.read',
      span: 2,
      order: 10,
    },
    { id: 'core.welcome', title: 'dashboard.welcome', component: () => import('./widgets/WelcomeWidget.vue'), order: 0 },
  ],
  permissions: [
    'core.staff.read',
    'core.staff.manage',
    'core.role.manage',
    'core.apikey.manage',
    'core.audit.read',
    'core.sla.read',
    'core.sla.manage',
    'core.webhook.manage',
    'core.settings.manage',
  ],
});
