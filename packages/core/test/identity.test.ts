import { createHash } from 'node:crypto';
import { createTestServer, errorCodes, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Role, audit, purgeAuditEvents } from '../src/index.js';
import { AUDIT, keyWithAuditRole as keyWithServerAuditRole } from './fixtures/api-keys.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.stop());

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email } } }`;

async function roleId(name: string) {
  return (await server.app.dataSource.getRepository(Role).findOneByOrFail({ name })).id;
}

async function staffWithPassword(roles: string[]) {
  const email = `p-${Math.random().toString(36).slice(2)}@example.com`;
  const password = 'correct horse battery';
  const ids = await Promise.all(roles.map(roleId));
  const user = await server.app.identity.createStaffUser(
    { kind: 'anonymous' },
    { email, name: 'Pat', password, roleIds: ids },
    { skipGrantCheck: true },
  );
  return { email, password, id: user.id };
}

describe('staff sign-in and sessions', () => {
  it('login returns a token, sets an httpOnly SameSite=Lax cookie, and both work for `me`', async () => {
    const { email, password } = await staffWithPassword(['Agent']);
    const res = await fetch(server.app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { email: email.toUpperCase(), password } }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^aftercare_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = body.data.login.token as string;
    const me = `{ me { kind staffUser { email } permissions } }`;
    const viaBearer = await server.client.withHeaders({ authorization: `Bearer ${token}` }).data(me);
    expect(viaBearer.me.staffUser.email).toBe(email);
    expect(viaBearer.me.permissions).toContain('core.customer.read');
    const viaCookie = await server.client.withHeaders({ cookie: cookie.split(';')[0]! }).data(me);
    expect(viaCookie.me.kind).toBe('staff');
    // The token is stored hashed, never in clear.
    const rows = await server.app.dataSource.query('SELECT token_hash FROM auth_session');
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);
  });

  it('a wrong password and an unknown email give the same UNAUTHENTICATED answer', async () => {
    const { email } = await staffWithPassword(['Agent']);
    const wrong = await server.client.request(LOGIN, { email, password: 'not the password' });
    const unknown = await server.client.request(LOGIN, { email: 'nobody@example.com', password: 'not the password' });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
  });

  it('logout ends the session', async () => {
    const { client } = await server.signInStaff(['Agent']);
    await client.data(`mutation { logout }`);
    expect(errorCodes(await client.request(`{ me { kind } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired session is UNAUTHENTICATED with a message saying so', async () => {
    const s = await server.signInStaff(['Agent']);
    await server.app.dataSource.query(`UPDATE auth_session SET expires_at = now() - interval '1 minute' WHERE staff_user_id = $1`, [s.id]);
    const res = await s.client.request(`{ me { kind } }`);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0]!.message).toMatch(/expired/);
  });

  it('deactivating a user ends all their sessions at once and blocks sign-in', async () => {
    const admin = await server.signInStaff();
    const { email, password, id } = await staffWithPassword(['Agent']);
    const tokens = await Promise.all([1, 2].map(async () => (await server.client.data(LOGIN, { email, password })).login.token));
    for (const t of tokens) await server.client.withHeaders({ authorization: `Bearer ${t}` }).data(`{ me { kind } }`);
    const res = await admin.client.data(`mutation ($id: ID!) { deactivateStaffUser(id: $id) { active } }`, { id });
    expect(res.deactivateStaffUser.active).toBe(false);
    for (const t of tokens) {
      expect(errorCodes(await server.client.withHeaders({ authorization: `Bearer ${t}` }).request(`{ me { kind } }`))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    expect(errorCodes(await server.client.request(LOGIN, { email, password }))).toEqual(['UNAUTHENTICATED']);
    const [row] = await server.app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'staffUser.deactivate' AND object_id = $1`,
      [id],
    );
    expect(row.n).toBe(1);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const { email, password } = await staffWithPassword(['Agent']);
    const a = (await server.client.data(LOGIN, { email, password })).login.token;
    const b = (await server.client.data(LOGIN, { email, password })).login.token;
    const ca = server.client.withHeaders({ authorization: `Bearer ${a}` });
    const change = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    expect(errorCodes(await ca.request(change, { c: 'wrong one', n: 'a brand new password' }))).toEqual(['VALIDATION_FAILED']);
    const short = await ca.request(change, { c: password, n: 'short' });
    expect(short.errors![0]!.extensions!.fields).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters' }]);
    await ca.data(change, { c: password, n: 'a brand new password' });
    await ca.data(`{ me { kind } }`);
    expect(errorCodes(await server.client.withHeaders({ authorization: `Bearer ${b}` }).request(`{ me { kind } }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
    await server.client.data(LOGIN, { email, password: 'a brand new password' });
  });

  it('a password-reset token works once, expires, and ends all sessions', async () => {
    const { email, password } = await staffWithPassword(['Agent']);
    const old = (await server.client.data(LOGIN, { email, password })).login.token;
    expect(
      (await server.client.data(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: email })).requestPasswordReset,
    ).toBe(true);
    const token = /\n\n(\S{40,})\n\n/.exec((await server.waitForMessage(email)).text)![1]!;
    const reset = `mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
    await server.client.data(reset, { t: token, p: 'reset password 123' });
    expect(errorCodes(await server.client.request(reset, { t: token, p: 'another password 1' }))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await server.client.withHeaders({ authorization: `Bearer ${old}` }).request(`{ me { kind } }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
    await server.client.data(LOGIN, { email, password: 'reset password 123' });
    // Unknown emails get the same answer and no message.
    const before = server.messages.length;
    expect((await server.client.data(`mutation { requestPasswordReset(email: "ghost@example.com") }`)).requestPasswordReset).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.messages.length).toBe(before);
  });

  it('rejects invalid input with VALIDATION_FAILED naming the fields', async () => {
    const admin = await server.signInStaff();
    const res = await admin.client.request(
      `mutation { createStaffUser(input: { email: "not-an-email", name: "", password: "short", roleIds: [] }) { id } }`,
    );
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    const fields = (res.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'name', 'password']);
  });
});

describe('brute-force protection', () => {
  it('limits login attempts per account, also when sent as 10 aliased fields in one request', async () => {
    const { email, password } = await staffWithPassword(['Agent']);
    const fields = Array.from({ length: 10 }, (_, i) => `a${i}: login(email: "${email}", password: "wrong password ${i}") { token }`);
    const res = await server.client.request(`mutation { ${fields.join(' ')} }`);
    const codes = errorCodes(res);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
    // Even the right password is refused until the window passes.
    const locked = await server.client.request(LOGIN, { email, password });
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits customer code requests per email', async () => {
    const email = 'limited@example.com';
    const ask = () => server.client.request(`mutation ($e: String!) { requestCustomerCode(email: $e) }`, { e: email });
    for (let i = 0; i < 3; i++) expect((await ask()).data?.requestCustomerCode).toBe(true);
    expect(errorCodes(await ask())).toEqual(['RATE_LIMITED']);
  });
});

describe('request limits', () => {
  it('refuses a too-deep query with VALIDATION_FAILED and the limit named', async () => {
    const deep = `{ ${'... on Query { '.repeat(12)} platform { version } ${'} '.repeat(12)}}`;
    const res = await server.client.request(deep);
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.limit).toBe('maxDepth');
  });

  it('refuses a too-costly query with VALIDATION_FAILED and the limit named', async () => {
    const fragment = `fragment P on Query { platform { version plugins { name version description } } }`;
    const costly = `{ ${'... on Query { '.repeat(5)} ${'...P '.repeat(700)} ${'} '.repeat(5)}} ${fragment}`;
    const res = await server.client.request(costly);
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.limit).toBe('maxCost');
    expect(res.errors![0]!.message).toMatch(/Query cost \d+ exceeds the limit of 50000/);
    expect(res.status).toBe(400);
  });

  it('refuses too many aliases', async () => {
    const res = await server.client.request(`{ ${Array.from({ length: 20 }, (_, i) => `p${i}: platform { version }`).join(' ')} }`);
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.limit).toBe('maxAliases');
  });

  it('gives no field suggestions outside development', async () => {
    const res = await server.client.request(`{ platfor { version } }`);
    expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('API keys', () => {
  it('cannot carry permissions its creator lacks; works via x-api-key and Bearer; narrows with its creator; revocable', async () => {
    const admin = await server.signInStaff();
    const keyManager = (
      await admin.client.data(
        `mutation { createRole(input: { name: "Key manager", permissions: ["core.apikey.manage", "core.audit.read"] }) { id } }`,
      )
    ).createRole.id;
    const auditOnly = (
      await admin.client.data(`mutation { createRole(input: { name: "Audit reader", permissions: ["core.audit.read"] }) { id } }`)
    ).createRole.id;
    const manager = await server.signInStaff(['Key manager']);
    const create = `mutation ($roles: [ID!]!) { createApiKey(input: { name: "ERP", roleIds: $roles }) { secret apiKey { id prefix } } }`;
    const tooMuch = await manager.client.request(create, { roles: [await roleId('Administrator')] });
    expect(errorCodes(tooMuch)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await manager.client.request(create, { roles: [await roleId('Agent')] }))).toEqual(['FORBIDDEN']);

    const { secret, apiKey } = (await manager.client.data(create, { roles: [auditOnly] })).createApiKey;
    expect(secret).toMatch(new RegExp(`^ak_${apiKey.prefix}_`));
    const viaHeader = server.client.withHeaders({ 'x-api-key': secret });
    const viaBearer = server.client.withHeaders({ authorization: `Bearer ${secret}` });
    await viaHeader.data(`{ auditEvents(take: 1) { totalCount } }`);
    await viaBearer.data(`{ auditEvents(take: 1) { totalCount } }`);
    expect(errorCodes(await viaHeader.request(`{ staffUsers { totalCount } }`))).toEqual(['FORBIDDEN']);
    const [{ last_used_at }] = await server.app.dataSource.query('SELECT last_used_at FROM api_key WHERE id = $1', [apiKey.id]);
    expect(last_used_at).toBeInstanceOf(Date);

    // Taking the role away from the creator takes it away from the key too.
    await admin.client.data(`mutation ($id: ID!) { updateStaffUser(input: { id: $id, roleIds: [] }) { id } }`, { id: manager.id });
    expect(errorCodes(await viaHeader.request(`{ auditEvents(take: 1) { totalCount } }`))).toEqual(['FORBIDDEN']);
    await admin.client.data(`mutation ($id: ID!, $r: [ID!]!) { updateStaffUser(input: { id: $id, roleIds: $r }) { id } }`, {
      id: manager.id,
      r: [keyManager],
    });
    await viaHeader.data(`{ auditEvents(take: 1) { totalCount } }`);

    await admin.client.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
    expect(errorCodes(await viaHeader.request(`{ auditEvents(take: 1) { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.client.withHeaders({ 'x-api-key': 'ak_000000000000_forged' }).request(`{ me { kind } }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('nobody grants a role or creates a role with permissions they lack', async () => {
    const { client } = await server.signInStaff(['Supervisor']);
    // Supervisors do not manage roles at all.
    expect(errorCodes(await client.request(`mutation { createRole(input: { name: "X", permissions: [] }) { id } }`))).toEqual([
      'FORBIDDEN',
    ]);
    const admin = await server.signInStaff();
    const unknown = await admin.client.request(`mutation { createRole(input: { name: "Y", permissions: ["nope.thing.do"] }) { id } }`);
    expect(errorCodes(unknown)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('API key resolution', () => {
  const keyWithAuditRole = () => keyWithServerAuditRole(server);

  it('looks a key up in one statement, then serves it from the cache without SQL', async () => {
    const { client } = await keyWithAuditRole();
    const first = await client.request(`{ platform { version } }`);
    expect(first.errors).toBeUndefined();
    // The key with its roles and its creator's roles, plus the throttled last_used_at touch.
    expect(Number(first.headers.get('x-sql-count'))).toBe(2);
    const second = await client.request(`{ platform { version } }`);
    expect(second.errors).toBeUndefined();
    expect(Number(second.headers.get('x-sql-count'))).toBe(0);
  });

  it('the cache holds digests and permissions, never the secret', async () => {
    const { client, secret } = await keyWithAuditRole();
    await client.data(AUDIT);
    const entries = server.app.identity.apiKeyCache.entries();
    expect(entries.map(([digest]) => digest)).toContain(sha256(secret));
    const dump = JSON.stringify(entries.map(([digest, v]) => [digest, { ...v, permissions: [...v.permissions] }]));
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.split('_')[2]);
  });

  it('a revoked key stops working on the very next request', async () => {
    const { admin, client, id } = await keyWithAuditRole();
    await client.data(AUDIT);
    await client.data(AUDIT);
    await admin.client.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id });
    expect(errorCodes(await client.request(AUDIT))).toEqual(['UNAUTHENTICATED']);
  });

  it("a change to the key's role applies on the next request, both ways", async () => {
    const { admin, client, role } = await keyWithAuditRole();
    await client.data(AUDIT);
    const setPermissions = (permissions: string[]) =>
      admin.client.data(`mutation ($id: ID!, $p: [String!]!) { updateRole(input: { id: $id, permissions: $p }) { id } }`, {
        id: role,
        p: permissions,
      });
    await setPermissions(['core.customer.read']);
    expect(errorCodes(await client.request(AUDIT))).toEqual(['FORBIDDEN']);
    await setPermissions(['core.customer.read', 'core.audit.read']);
    await client.data(AUDIT);
  });

  it("deactivating the key's creator takes its permissions away at once", async () => {
    const manager = await server.signInStaff(['Administrator']);
    const adminRole = await roleId('Administrator');
    const key = await manager.client.data(`mutation ($r: [ID!]!) { createApiKey(input: { name: "Creator's", roleIds: $r }) { secret } }`, {
      r: [adminRole],
    });
    const client = server.client.withHeaders({ 'x-api-key': key.createApiKey.secret });
    await client.data(AUDIT);
    const admin = await server.signInStaff();
    await admin.client.data(`mutation ($id: ID!) { deactivateStaffUser(id: $id) { active } }`, { id: manager.id });
    expect(errorCodes(await client.request(AUDIT))).toEqual(['FORBIDDEN']);
  });

  it('writes last_used_at at most once a minute, not per request', async () => {
    const { client, id } = await keyWithAuditRole();
    await client.data(AUDIT);
    const [{ last_used_at: first }] = await server.app.dataSource.query('SELECT last_used_at FROM api_key WHERE id = $1', [id]);
    expect(first).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 20));
    await client.data(AUDIT);
    await client.data(AUDIT);
    const [{ last_used_at: later }] = await server.app.dataSource.query('SELECT last_used_at FROM api_key WHERE id = $1', [id]);
    expect(later.getTime()).toBe(first.getTime());
  });
});

describe('customers', () => {
  let a: { id: string; email: string };
  let b: { id: string; email: string };
  beforeAll(async () => {
    a = await server.fixtures.customer({ name: 'Ann', email: 'ann@example.com', locale: 'en' });
    b = await server.fixtures.customer({ name: 'Bob', email: 'bob@example.com', locale: 'de' });
  });
  const REQUEST = `mutation ($e: String!) { requestCustomerCode(email: $e) }`;
  const VERIFY = `mutation ($e: String!, $c: String!) { verifyCustomerCode(email: $e, code: $c) { token customer { id } } }`;
  const codeIn = (text: string) => /(\d{6})/.exec(text)![1]!;

  it('sign in by one-time code; customer A reaches only their own data', async () => {
    expect((await server.client.data(REQUEST, { e: 'ANN@example.com' })).requestCustomerCode).toBe(true);
    const code = codeIn((await server.waitForMessage(a.email)).text);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(errorCodes(await server.client.request(VERIFY, { e: a.email, c: wrong }))).toEqual(['UNAUTHENTICATED']);
    const { token, customer } = (await server.client.data(VERIFY, { e: a.email, c: code })).verifyCustomerCode;
    expect(customer.id).toBe(a.id);
    // Single use.
    expect(errorCodes(await server.client.request(VERIFY, { e: a.email, c: code }))).toEqual(['UNAUTHENTICATED']);
    const asA = server.client.withHeaders({ authorization: `Bearer ${token}` });
    expect((await asA.data(`{ me { kind customer { id email } } }`)).me.customer).toEqual({ id: a.id, email: a.email });
    expect((await asA.data(`query ($id: ID!) { customer(id: $id) { name } }`, { id: a.id })).customer.name).toBe('Ann');
    expect(errorCodes(await asA.request(`query ($id: ID!) { customer(id: $id) { name } }`, { id: b.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await asA.request(`{ staffUsers { totalCount } }`))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await asA.request(`{ auditEvents { totalCount } }`))).toEqual(['FORBIDDEN']);
  });

  it('answers the same for unknown emails and sends nothing', async () => {
    const before = server.messages.length;
    expect((await server.client.data(REQUEST, { e: 'stranger@example.com' })).requestCustomerCode).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.messages.length).toBe(before);
  });

  it('allows at most 5 attempts per code', async () => {
    await server.client.data(REQUEST, { e: b.email });
    const code = codeIn((await server.waitForMessage(b.email)).text);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(errorCodes(await server.client.request(VERIFY, { e: b.email, c: wrong }))).toEqual(['UNAUTHENTICATED']);
    const res = await server.client.request(VERIFY, { e: b.email, c: code });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    // The same answer as any wrong code, so that it tells nothing about the address.
    expect(res.errors![0]!.message).toMatch(/tried too often/);
  });

  it('a staff read of personal data is audited with masked values nowhere leaking', async () => {
    const agent = await server.signInStaff(['Agent']);
    await agent.client.data(`query ($id: ID!) { customer(id: $id) { email } }`, { id: b.id });
    const rows = await server.app.dataSource.getRepository(AuditEvent).findBy({ action: 'customer.read', objectId: b.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'staff', actorId: agent.id, objectType: 'Customer' });
    expect(rows[0]!.requestId).toBeTruthy();
    expect(rows[0]!.ip).toBeTruthy();
  });
});

describe('audit trail', () => {
  it('records changes with actor and masked personal values, readable through auditEvents', async () => {
    const admin = await server.signInStaff();
    const created = await admin.client.data(
      `mutation { createStaffUser(input: { email: "masked@example.com", name: "Mary", password: "long enough password", roleIds: [] }) { id } }`,
    );
    const id = created.createStaffUser.id;
    const page = await admin.client.data(
      `query ($id: String!) { auditEvents(filter: { objectId: $id, action: "staffUser.create" }) { totalCount items { actorKind actorId changes } } }`,
      { id },
    );
    expect(page.auditEvents.totalCount).toBe(1);
    const [event] = page.auditEvents.items;
    expect(event.actorId).toBe(admin.id);
    expect(event.changes.email).toEqual({ before: null, after: 'm***@example.com' });
    expect(event.changes.name).toEqual({ before: null, after: 'M***' });
    expect(JSON.stringify(event)).not.toContain('Mary');
    expect(errorCodes(await admin.client.request(`{ auditEvents(take: 101) { totalCount } }`))).toEqual(['VALIDATION_FAILED']);
  });

  it('an entry written in a rolled-back transaction leaves no row', async () => {
    const ds = server.app.dataSource;
    await expect(
      ds.transaction(async (m) => {
        await audit.record(m, { action: 'test.rolledBack', objectType: 'Test', objectId: '1' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await ds.getRepository(AuditEvent).countBy({ action: 'test.rolledBack' })).toBe(0);
    await ds.transaction((m) => audit.record(m, { action: 'test.committed', objectType: 'Test', objectId: '1' }));
    const row = await ds.getRepository(AuditEvent).findOneByOrFail({ action: 'test.committed' });
    expect(row.actorKind).toBe('system');
  });

  it('the database rejects UPDATE, DELETE and TRUNCATE; only the purge removes old entries', async () => {
    const ds = server.app.dataSource;
    await expect(ds.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await ds.query(
      `INSERT INTO audit_event (actor_kind, action, object_type, occurred_at) VALUES ('system', 'test.old', 'Test', now() - interval '400 days')`,
    );
    const total = await ds.getRepository(AuditEvent).count();
    await expect(purgeAuditEvents(ds, 10)).rejects.toThrow(/at least 30 days/);
    expect(await purgeAuditEvents(ds, server.app.config.auditRetentionDays)).toBe(1);
    expect(await ds.getRepository(AuditEvent).count()).toBe(total - 1);
    // Outside the purge, even old entries stay.
    await ds.query(
      `INSERT INTO audit_event (actor_kind, action, object_type, occurred_at) VALUES ('system', 'test.old', 'Test', now() - interval '400 days')`,
    );
    await expect(ds.query(`DELETE FROM audit_event WHERE action = 'test.old'`)).rejects.toThrow(/append-only/);
  });
});

describe('token limit', () => {
  it('refuses a document with too many tokens', async () => {
    const res = await server.client.request(`{ ${'platform { version } '.repeat(600)} }`);
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.limit).toBe('maxTokens');
  });
});
