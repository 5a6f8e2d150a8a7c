import { usePortalSession } from '@aftercare/portal-kit';
import type { Client } from '@urql/core';
import { createRouter, createWebHistory } from 'vue-router';
import { loadSession } from './session.js';
import { i18n } from './i18n.js';

/**
 * The portal's fixed routes: the shell (extensions add their pages as its children) and the 404
 * page. Pages are for signed-in customers unless their route says `public`.
 */
export function createPortalRouter(client: Client, companyName: () => string) {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      {
        path: '/',
        name: 'shell',
        component: () => import('./shell/PortalShell.vue'),
        children: [
          {
            path: '/:pathMatch(.*)*',
            name: 'not-found',
            component: () => import('./shell/NotFoundPage.vue'),
            meta: { public: true, title: 'shell.notFound' },
          },
        ],
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  let checked = false;
  router.beforeEach(async (to) => {
    const session = usePortalSession();
    if (!checked) {
      checked = true;
      await loadSession(client).catch(() => false);
    }
    if (to.meta.public) return to.name === 'sign-in' && session.signedIn.value && !to.query.link ? { name: 'home' } : true;
    if (!session.signedIn.value) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title) : '';
    document.title = title ? `${title} · ${companyName()}` : companyName();
  });
  return router;
}
