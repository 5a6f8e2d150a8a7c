import { createTestServer, errorCodes, type TestServer } from '@aftercare/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Small leaks: whether an address is known must not show in answers, their SQL work or their
 * errors; password guessing is limited everywhere; cookies are Secure in production and behind a
 * TLS proxy; production errors suggest nothing; refused requests answer HTTP 400.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ config: { trustProxy: true } });
});
afterAll(() => server?.stop());

const sqlCount = (res: { headers: Headers }) => Number(res.headers.get('x-sql-count'));

describe('known and unknown addresses look the same', () => {
  it('requestCustomerCode and requestPasswordReset answer alike, with the same database work, for known and unknown addresses', async () => {
    const customer = await server.signInCustomer();
    const staff = await server.signInStaff(['Agent']);
    for (const [mutation, known] of [
      ['requestCustomerCode', customer.email],
      ['requestPasswordReset', staff.email],
    ] as const) {
      const q = `mutation ($e: String!) { ${mutation}(email: $e) }`;
      const k = await server.client.request(q, { e: known });
      const u = await server.client.request(q, { e: `nobody-${randomBytes(4).toString('hex')}@example.com` });
      expect(k.data).toEqual(u.data);
      expect(k.errors).toBeUndefined();
      // The lookup and the message happen after the answer: the answer itself does the same work.
      expect(sqlCount(k), mutation).toBe(sqlCount(u));
      await server.waitForMessage(known);
    }
  });

  it('verifyCustomerCode answers an unknown address exactly as a known one, also after many wrong codes', async () => {
    const customer = await server.signInCustomer();
    await server.client.data(`mutation ($e: String!) { requestCustomerCode(email: $e) }`, { e: customer.email });
    await server.waitForMessage(customer.email);
    const verify = (email: string) =>
      server.client.request(`mutation ($e: String!) { verifyCustomerCode(email: $e, code: "000000") { token } }`, { e: email });
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    for (let i = 0; i < 7; i++) {
      const [k, u] = [await verify(customer.email), await verify(unknown)];
      expect(k.errors, `attempt ${i + 1}`).toEqual(u.errors!.map((e) => ({ ...e, extensions: { ...e.extensions } })));
    }
  });
});

describe('password guessing is limited', () => {
  it('changePassword with wrong current passwords is rate limited', async () => {
    const staff = await server.signInStaff(['Agent']);
    const change = () =>
      staff.client.request(`mutation { changePassword(currentPassword: "wrong guess", newPassword: "a new long password") }`);
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push(...errorCodes(await change()));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('VALIDATION_FAILED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
async function loginCookie(target: TestServer, headers: Record<string, string> = {}) {
  const email = `cookie-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'a long enough password';
  await target.app.identity.createStaffUser(
    { kind: 'anonymous' },
    { email, name: 'Cookie', password, roleIds: [] },
    { skipGrantCheck: true },
  );
  const res = await fetch(target.app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  return res.headers.get('set-cookie') ?? '';
}

describe('session cookie', () => {
  it('is Secure behind a TLS proxy that says so (trustProxy + X-Forwarded-Proto), and not over plain HTTP in development', async () => {
    expect(await loginCookie(server, { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await loginCookie(server)).not.toMatch(/Secure/i);
  });

  it('is always Secure in production; production errors suggest no names; refused requests answer HTTP 400', async () => {
    const prod = await createTestServer({ config: { env: 'production', secretKey: randomBytes(32).toString('hex'), logLevel: 'fatal' } });
    try {
      expect(await loginCookie(prod)).toMatch(/;\s*Secure/i);
      const admin = await prod.signInStaff();
      const typo = await admin.client.request(`{ platfor { version } }`);
      const enumTypo = await admin.client.request(
        `mutation { setCustomerConsent(customerId: "00000000-0000-4000-8000-0000000000ff", kind: MARKETIN, granted: true) { id } }`,
      );
      for (const res of [typo, enumTypo]) {
        expect(res.errors!.length).toBeGreaterThan(0);
        for (const e of res.errors!) expect(e.message).not.toMatch(/Did you mean/i);
        expect(res.status, JSON.stringify(res.errors)).toBe(400);
      }
      const syntax = await prod.client.request(`{ platform { version `);
      expect(syntax.status, JSON.stringify(syntax.errors)).toBe(400);
      const tokens = await prod.client.request(`{ ${'platform { version } '.repeat(600)} }`);
      expect(tokens.status, JSON.stringify(tokens.errors)).toBe(400);
      expect(tokens.errors![0]!.extensions!.limit).toBe('maxTokens');
    } finally {
      await prod.stop();
    }
  });
});
