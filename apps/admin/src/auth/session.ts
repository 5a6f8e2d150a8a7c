import { useAdminSession } from '@aftercare/admin-kit';
import { graphql } from '@aftercare/admin-kit/gql';
import type { Client } from '@urql/core';

export const MeQuery = graphql(`
  query Me {
    me {
      kind
      permissions
      staffUser {
        id
        name
        email
      }
    }
  }
`);

/** Ask the server who is signed in (the session cookie) and fill the shared session store. */
export async function loadSession(client: Client): Promise<boolean> {
  const session = useAdminSession();
  const res = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  const me = res.data?.me;
  if (me?.kind === 'staff' && me.staffUser) {
    session.set({ id: me.staffUser.id, name: me.staffUser.name, email: me.staffUser.email }, me.permissions);
    return true;
  }
  session.clear();
  return false;
}
