import { createTestServer, errorCodes, type GraphQLClient, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, StaffUser, core, rootFieldPolicies } from '../src/index.js';

/**
 * Staff management must never reach an account that holds more than the caller: every mutation
 * that needs `core.staff.manage` is run by a staff manager against an Administrator, and must be
 * refused without changing anything.
 */
let server: TestServer;
let manager: TestSession;

const roleId = async (name: string) => (await server.app.dataSource.getRepository(Role).findOneByOrFail({ name })).id;

async function snapshot(id: string) {
  const user = await server.app.dataSource.getRepository(StaffUser).findOneOrFail({ where: { id }, relations: { roles: true } });
  const [{ n }] = await server.app.dataSource.query(
    `SELECT count(*)::int AS n FROM auth_session WHERE staff_user_id = $1 AND revoked_at IS NULL`,
    [id],
  );
  return {
    email: user.email,
    pendingEmail: user.pendingEmail,
    name: user.name,
    active: user.active,
    roles: user.roles.map((r) => r.name).sort(),
    sessions: n,
  };
}

// Each staff-management mutation, aimed at `targetId`. A mutation missing here fails the first test.
const AGAINST: Record<string, (targetId: string) => { query: string; variables: Record<string, unknown> }> = {
  'Mutation.updateStaffUser': (id) => ({
    query: `mutation ($id: ID!) { updateStaffUser(input: { id: $id, email: "taken-over@example.com" }) { id } }`,
    variables: { id },
  }),
  'Mutation.deactivateStaffUser': (id) => ({ query: `mutation ($id: ID!) { deactivateStaffUser(id: $id) { id } }`, variables: { id } }),
};
// Further variants of the same mutations: every kind of change is refused.
const VARIANTS: Array<(targetId: string) => { query: string; variables: Record<string, unknown> }> = [
  (id) => ({ query: `mutation ($id: ID!) { updateStaffUser(input: { id: $id, roleIds: [] }) { id } }`, variables: { id } }),
  (id) => ({ query: `mutation ($id: ID!) { updateStaffUser(input: { id: $id, name: "Renamed" }) { id } }`, variables: { id } }),
];
// Staff-management mutations that create new accounts rather than act on an existing one.
const NO_TARGET = new Set(['Mutation.createStaffUser']);

beforeAll(async () => {
  server = await createTestServer();
  const admin = await server.signInStaff(['Administrator']);
  await admin.client.data(
    `mutation { createRole(input: { name: "Staff manager", permissions: ["core.staff.manage", "core.staff.read"] }) { id } }`,
  );
  manager = await server.signInStaff(['Staff manager']);
});
afterAll(() => server?.stop());

describe('staff management cannot reach a more privileged account', () => {
  it('every staff-management mutation is covered by this test', () => {
    const policies = rootFieldPolicies(server.app.schema, [{ owner: 'core', resolvers: core.resolvers }]);
    const managing = policies.filter(
      (p) => p.field.startsWith('Mutation.') && p.policy && !p.policy.public && p.policy.requires.includes('core.staff.manage'),
    );
    expect(managing.length).toBeGreaterThan(0);
    for (const p of managing) expect(Object.keys(AGAINST).concat([...NO_TARGET]), p.field).toContain(p.field);
  });

  it('a staff manager cannot change, re-address, strip or deactivate an Administrator', async () => {
    const target = await server.signInStaff(['Administrator']);
    const before = await snapshot(target.id);
    for (const op of [...Object.values(AGAINST), ...VARIANTS]) {
      const { query, variables } = op(target.id);
      const res = await manager.client.request(query, variables);
      expect(errorCodes(res), query).toEqual(['FORBIDDEN']);
    }
    expect(await snapshot(target.id)).toEqual(before);
    // No message went to the address the manager tried to set.
    expect(server.messages.filter((m) => m.to === 'taken-over@example.com')).toEqual([]);
  });

  it('the same operations work on a peer who holds nothing more', async () => {
    const peer = await server.signInStaff(['Staff manager']);
    const res = await manager.client.request(VARIANTS[1]!(peer.id).query, VARIANTS[1]!(peer.id).variables);
    expect(res.errors).toBeUndefined();
    expect((await snapshot(peer.id)).name).toBe('Renamed');
  });

  it('a staff manager cannot remove a role that carries permissions they lack', async () => {
    const agent = await server.signInStaff(['Agent', 'Staff manager']);
    const keep = [await roleId('Staff manager')];
    const res = await manager.client.request(
      `mutation ($id: ID!, $r: [ID!]!) { updateStaffUser(input: { id: $id, roleIds: $r }) { id } }`,
      {
        id: agent.id,
        r: keep,
      },
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect((await snapshot(agent.id)).roles).toEqual(['Agent', 'Staff manager']);
  });
});

describe('a new staff email must be confirmed by its owner', () => {
  const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

  it('sign-in and password resets keep the old address until the token sent to the new one is confirmed', async () => {
    const admin = await server.signInStaff(['Administrator']);
    const password = 'a password long enough';
    const user = await server.app.identity.createStaffUser(
      { kind: 'anonymous' },
      { email: 'before@example.com', name: 'Moving', password, roleIds: [await roleId('Agent')] },
      { skipGrantCheck: true },
    );
    const updated = await admin.client.data(
      `mutation ($id: ID!) { updateStaffUser(input: { id: $id, email: "after@example.com" }) { email pendingEmail } }`,
      {
        id: user.id,
      },
    );
    expect(updated.updateStaffUser).toEqual({ email: 'before@example.com', pendingEmail: 'after@example.com' });
    expect(errorCodes(await server.client.request(LOGIN, { e: 'after@example.com', p: password }))).toEqual(['UNAUTHENTICATED']);
    await server.client.data(`mutation { requestPasswordReset(email: "after@example.com") }`);
    const confirmation = await server.waitForMessage('after@example.com');
    expect(confirmation.subject).toMatch(/confirm/i);
    expect(server.messages.filter((m) => m.to === 'after@example.com')).toHaveLength(1);
    expect((await server.client.request(LOGIN, { e: 'before@example.com', p: password })).errors).toBeUndefined();

    const token = /\n\n(\S{20,})\n\n/.exec(confirmation.text)![1]!;
    expect(errorCodes(await server.client.request(`mutation { confirmStaffEmail(token: "${'x'.repeat(43)}") }`))).toEqual([
      'VALIDATION_FAILED',
    ]);
    await server.client.data(`mutation ($t: String!) { confirmStaffEmail(token: $t) }`, { t: token });
    expect((await server.client.data(LOGIN, { e: 'after@example.com', p: password })).login.token).toBeTruthy();
    expect(errorCodes(await server.client.request(LOGIN, { e: 'before@example.com', p: password }))).toEqual(['UNAUTHENTICATED']);
    // Single use.
    expect(errorCodes(await server.client.request(`mutation ($t: String!) { confirmStaffEmail(token: $t) }`, { t: token }))).toEqual([
      'VALIDATION_FAILED',
    ]);
  });
});

describe('the platform keeps an active Administrator', () => {
  it('the last active Administrator can be neither deactivated nor stripped of the role, also not by an API key', async () => {
    const fresh = await createTestServer();
    try {
      const first = await fresh.signInStaff(['Administrator']);
      const second = await fresh.signInStaff(['Administrator']);
      const deactivate = `mutation ($id: ID!) { deactivateStaffUser(id: $id) { active } }`;
      // While there are others (the fixtures' own administrator among them), they may go.
      const others = (
        await fresh.app.dataSource.getRepository(StaffUser).find({ where: { active: true }, relations: { roles: true } })
      ).filter((u) => u.id !== second.id && u.roles.some((r) => r.name === 'Administrator'));
      expect(others.map((u) => u.id)).toContain(first.id);
      for (const other of others) {
        expect((await second.client.data(deactivate, { id: other.id })).deactivateStaffUser.active).toBe(false);
      }
      const key = (
        await second.client.data(`mutation ($r: [ID!]!) { createApiKey(input: { name: "ops", roleIds: $r }) { secret } }`, {
          r: [(await fresh.app.dataSource.getRepository(Role).findOneByOrFail({ name: 'Administrator' })).id],
        })
      ).createApiKey.secret as string;
      const viaKey: GraphQLClient = fresh.client.withHeaders({ 'x-api-key': key });
      expect(errorCodes(await viaKey.request(deactivate, { id: second.id }))).toEqual(['CONFLICT']);
      const strip = `mutation ($id: ID!) { updateStaffUser(input: { id: $id, roleIds: [] }) { id } }`;
      expect(errorCodes(await second.client.request(strip, { id: second.id }))).toEqual(['CONFLICT']);
      expect(errorCodes(await viaKey.request(strip, { id: second.id }))).toEqual(['CONFLICT']);
      const still = await fresh.app.dataSource
        .getRepository(StaffUser)
        .findOneOrFail({ where: { id: second.id }, relations: { roles: true } });
      expect(still.active).toBe(true);
      expect(still.roles.map((r) => r.name)).toEqual(['Administrator']);
    } finally {
      await fresh.stop();
    }
  });
});
