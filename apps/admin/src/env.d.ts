/// <reference types="vite/client" />
import 'vue-router';
import type { PermissionRequirement } from '@aftercare/admin-kit';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (login, password reset). */
    public?: boolean;
    /** Who may open the page (any of a list); others see the no-access page. */
    permission?: PermissionRequirement;
    /** i18n key of the page title. */
    title?: string;
    /** The extension that registered the route. */
    extension?: string;
  }
}
