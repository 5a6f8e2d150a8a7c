import { useAdminSession } from '@aftercare/admin-kit';
import { cacheExchange, createClient, fetchExchange, mapExchange } from '@urql/core';

/**
 * The console's GraphQL client: same-origin `/graphql` with the session cookie, POST only (the
 * server's CSRF protection refuses simple GET requests). An UNAUTHENTICATED answer while signed in
 * (the session expired or was ended elsewhere) clears the session and calls `onSessionExpired`.
 */
export function createGraphQLClient(onSessionExpired: () => void) {
  return createClient({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: { credentials: 'same-origin', headers: { 'content-type': 'application/json' } },
    exchanges: [
      mapExchange({
        onError(error) {
          if (!error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
          const session = useAdminSession();
          if (!session.signedIn) return;
          session.clear();
          onSessionExpired();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
