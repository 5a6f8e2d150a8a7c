import { graphql } from '@aftercare/portal-kit/gql';
import { usePortalSession } from '@aftercare/portal-kit';
import type { Client } from '@urql/core';
import { LOCALES, type Locale, setLocale } from './i18n.js';

/** What the portal keeps of the signed-in customer; every sign-in answer asks for it. */
export const PortalCustomerFields = graphql(`
  fragment PortalCustomerFields on Customer {
    id
    name
    email
    locale
    timeZone
  }
`);

const MeQuery = graphql(`
  query PortalMe {
    me {
      kind
      customer {
        ...PortalCustomerFields
      }
    }
  }
`);

/** Ask the server who the session cookie belongs to; a customer session fills the portal session. */
export async function loadSession(client: Client): Promise<boolean> {
  const result = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  const customer = result.data?.me.kind === 'customer' ? result.data.me.customer : null;
  signedIn(customer);
  return customer !== null;
}

/** Remember the signed-in customer and show the portal in their language. */
export function signedIn(customer: { id: string; name: string; email: string; locale: string; timeZone: string } | null) {
  usePortalSession().set(customer);
  const lang = customer?.locale.slice(0, 2).toLowerCase();
  if (lang && (LOCALES as readonly string[]).includes(lang)) setLocale(lang as Locale, false);
}
