import { createTestServer, errorCodes, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.stop());

const DIRECTORY = `query ($search: String, $permission: String, $take: Int) {
  staffDirectory(search: $search, permission: $permission, take: $take) { id name }
}`;
type Entry = { id: string; name: string };

describe('staffDirectory (the staff picker)', () => {
  it('lists active staff by name to any staff user, filtered by text and by a permission their roles grant', async () => {
    // Agents may record purchases (core.purchase.manage); analysts may not; administrators may do everything.
    const agent = await server.signInStaff(['Agent'], 'dir-agent@example.com');
    const analyst = await server.signInStaff(['Analyst'], 'dir-analyst@example.com');
    const admin = await server.signInStaff(['Administrator'], 'dir-admin@example.com');
    const gone = await server.signInStaff(['Agent'], 'dir-gone@example.com');
    await admin.client.data(`mutation ($id: ID!) { deactivateStaffUser(id: $id) { id } }`, { id: gone.id });

    const asAnalyst = await analyst.client.data<{ staffDirectory: Entry[] }>(DIRECTORY, { search: 'dir-' });
    const ids = asAnalyst.staffDirectory.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([agent.id, analyst.id, admin.id]));
    expect(ids).not.toContain(gone.id);
    // Only id and name: the directory is no way around core.staff.read for e-mails and roles.
    expect(Object.keys(asAnalyst.staffDirectory[0]!).sort()).toEqual(['id', 'name']);

    const managers = await analyst.client.data<{ staffDirectory: Entry[] }>(DIRECTORY, {
      search: 'dir-',
      permission: 'core.purchase.manage',
    });
    expect(managers.staffDirectory.map((e) => e.id).sort()).toEqual([agent.id, admin.id].sort());
  });

  it('matches search text literally and refuses an unknown permission by field', async () => {
    const someone = await server.signInStaff(['Agent']);
    const wildcard = await someone.client.data<{ staffDirectory: Entry[] }>(DIRECTORY, { search: '%' });
    expect(wildcard.staffDirectory).toEqual([]);

    const res = await someone.client.request(DIRECTORY, { permission: 'no.such.permission' });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain('permission');
  });

  it('is not open to customers or anonymous callers', async () => {
    const customer = await server.signInCustomer();
    expect(errorCodes(await customer.client.request(DIRECTORY))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.client.request(DIRECTORY))).toEqual(['UNAUTHENTICATED']);
  });
});
