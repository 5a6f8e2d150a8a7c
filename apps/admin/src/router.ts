import { useAdminSession } from '@aftercare/admin-kit';
import type { Client } from '@urql/core';
import { createRouter, createWebHistory } from 'vue-router';
import { loadSession } from './auth/session.js';
import { i18n } from './i18n.js';

/**
 * The console's fixed routes: sign-in pages, the shell (extensions add their pages as its children)
 * and the 404 page. A page of a plugin that is not enabled is simply not registered, so it 404s.
 */
export function createAppRouter(client: Client) {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/login', name: 'login', component: () => import('./auth/LoginPage.vue'), meta: { public: true, title: 'auth.signIn' } },
      {
        path: '/forgot-password',
        name: 'forgot-password',
        component: () => import('./auth/ForgotPasswordPage.vue'),
        meta: { public: true, title: 'auth.forgotTitle' },
      },
      {
        path: '/reset-password',
        name: 'reset-password',
        component: () => import('./auth/ResetPasswordPage.vue'),
        meta: { public: true, title: 'auth.resetTitle' },
      },
      {
        path: '/',
        name: 'shell',
        component: () => import('./shell/ShellLayout.vue'),
        children: [
          {
            path: '/:pathMatch(.*)*',
            name: 'not-found',
            component: () => import('./shell/NotFoundPage.vue'),
            meta: { title: 'shell.notFound' },
          },
        ],
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  let checked = false;
  router.beforeEach(async (to) => {
    const session = useAdminSession();
    if (!checked) {
      checked = true;
      await loadSession(client).catch(() => false);
    }
    if (to.meta.public) return to.name === 'login' && session.signedIn ? { path: '/' } : true;
    if (!session.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title) : '';
    document.title = title ? `${title} · Aftercare` : 'Aftercare';
  });
  return router;
}
