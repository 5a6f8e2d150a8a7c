import { computed, reactive } from 'vue';

/** The signed-in customer as the portal keeps it: enough to greet them and format in their locale and time zone. */
export interface PortalCustomer {
  id: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

const state = reactive<{ customer: PortalCustomer | null }>({ customer: null });

/**
 * The portal session: who is signed in. The session itself is the httpOnly cookie the server sets;
 * this only mirrors who it belongs to, so pages can greet the customer and format dates.
 */
export function usePortalSession() {
  return {
    customer: computed(() => state.customer),
    signedIn: computed(() => state.customer !== null),
    set(customer: PortalCustomer | null) {
      state.customer = customer;
    },
    clear() {
      state.customer = null;
    },
  };
}

/** Where the portal's API is: `/graphql` on the same server, or an absolute URL for a portal hosted elsewhere. */
export const portalApi = { url: '/graphql' };
