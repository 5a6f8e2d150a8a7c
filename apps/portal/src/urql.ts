import { portalApi, usePortalSession } from '@aftercare/portal-kit';
import { cacheExchange, createClient, fetchExchange, mapExchange } from '@urql/core';

/**
 * The portal's GraphQL client: `/graphql` on the same server (or VITE_AFTERCARE_API_URL for a portal
 * hosted elsewhere, with credentials so the session cookie travels), POST only. An UNAUTHENTICATED
 * answer while signed in (the session expired or was ended elsewhere) clears the session and calls
 * `onSessionExpired`.
 */
export function createGraphQLClient(onSessionExpired: () => void) {
  portalApi.url = import.meta.env.VITE_AFTERCARE_API_URL || '/graphql';
  return createClient({
    url: portalApi.url,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: {
      credentials: portalApi.url.startsWith('/') ? 'same-origin' : 'include',
      headers: { 'content-type': 'application/json' },
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (!error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
          const session = usePortalSession();
          if (!session.signedIn.value) return;
          session.clear();
          onSessionExpired();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
