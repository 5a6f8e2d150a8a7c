import { GraphQLClient, createTestServer, errorCodes, eventually, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AftercareApp, Role, loadConfig, startAftercare } from '../src/index.js';
import { AUDIT, keyWithAuditRole as keyWithServerAuditRole } from './fixtures/api-keys.js';

/**
 * Two server processes on one database, as `AFTERCARE_WEB_PROCESSES` or several machines run them:
 * the second is a separate platform instance (own caches, own connection pool, own listener) in
 * this test process. What one process decides must hold in the other.
 */
describe('two web processes sharing one database', () => {
  let server: TestServer;
  let other: AftercareApp;
  let elsewhere: GraphQLClient;
  beforeAll(async () => {
    server = await createTestServer();
    // A long API key cache: only the cross-process notification can explain an early change.
    other = await startAftercare(
      loadConfig(
        {
          env: 'test',
          logLevel: 'silent',
          databaseUrl: server.databaseUrl,
          port: 0,
          host: '127.0.0.1',
          jobs: false,
          apiKeyCacheSeconds: 60,
        },
        {},
      ),
    );
    elsewhere = new GraphQLClient(other.graphqlUrl);
  });
  afterAll(async () => {
    await other?.stop();
    await server?.stop();
  });

  const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

  it('login attempts count against one limit, whichever process receives them', async () => {
    const email = `p-${Math.random().toString(36).slice(2)}@example.com`;
    const password = 'correct horse battery';
    const agent = await server.app.dataSource.getRepository(Role).findOneByOrFail({ name: 'Agent' });
    await server.app.identity.createStaffUser(
      { kind: 'anonymous' },
      { email, name: 'Pat', password, roleIds: [agent.id] },
      { skipGrantCheck: true },
    );
    // Five wrong passwords (the per-account limit), alternating between the processes.
    for (let i = 0; i < 5; i++) {
      const client = i % 2 ? elsewhere : server.client;
      expect(errorCodes(await client.request(LOGIN, { email, password: `wrong ${i}` }))).toEqual(['UNAUTHENTICATED']);
    }
    // Neither process lets a sixth attempt through, not even with the right password.
    expect(errorCodes(await server.client.request(LOGIN, { email, password }))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await elsewhere.request(LOGIN, { email, password }))).toEqual(['RATE_LIMITED']);
  });

  /** An API key whose custom role grants `core.audit.read`, created through the first process, with a client for each process. */
  async function keyWithAuditRole() {
    const key = await keyWithServerAuditRole(server);
    return { ...key, here: key.client, there: elsewhere.withHeaders({ 'x-api-key': key.secret }) };
  }

  it('a key revoked through one process stops working in the other well before its cache expires', async () => {
    const { admin, id, here, there } = await keyWithAuditRole();
    await there.data(AUDIT);
    await admin.client.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id });
    expect(errorCodes(await here.request(AUDIT))).toEqual(['UNAUTHENTICATED']);
    // The cache there lives 60 s; the notification empties it within moments.
    await eventually(async () => errorCodes(await there.request(AUDIT))[0] === 'UNAUTHENTICATED', {
      what: 'the other process to refuse the revoked key',
      timeoutMs: 10_000,
    });
  });

  it('a narrowed role of a key applies in the other process too, and widening it again as well', async () => {
    const { admin, role, there } = await keyWithAuditRole();
    await there.data(AUDIT);
    const setPermissions = (permissions: string[]) =>
      admin.client.data(`mutation ($id: ID!, $p: [String!]!) { updateRole(input: { id: $id, permissions: $p }) { id } }`, {
        id: role,
        p: permissions,
      });
    await setPermissions(['core.customer.read']);
    await eventually(async () => errorCodes(await there.request(AUDIT))[0] === 'FORBIDDEN', {
      what: 'the other process to refuse the narrowed key',
      timeoutMs: 10_000,
    });
    await setPermissions(['core.customer.read', 'core.audit.read']);
    await eventually(async () => !(await there.request(AUDIT)).errors, {
      what: 'the other process to admit the widened key',
      timeoutMs: 10_000,
    });
  });
});
