/// <reference types="vite/client" />
import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (sign-in, complaint procedure). */
    public?: boolean;
    /** i18n key of the page title. */
    title?: string;
    /** The extension that registered the route. */
    extension?: string;
  }
}

interface ImportMetaEnv {
  /** Absolute GraphQL URL for a portal hosted apart from the server; default `/graphql` on the same origin. */
  readonly VITE_AFTERCARE_API_URL?: string;
}
