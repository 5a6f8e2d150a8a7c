import { createTestServer, errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';

/**
 * What core gives the customer portal: the magic link next to the code, sign out everywhere, the
 * customer's own profile, consent history, data export and erasure request (each reaching only the
 * caller's data), the public portal configuration and complaint procedure, serving the built portal
 * at its path, and CORS only for configured origins.
 */
let server: TestServer;
let alice: TestSession;
let bob: TestSession;
let admin: TestSession;
let portalDir: string;

const codeOf = (text: string) => /sign-in code is (\d{6})/.exec(text)![1]!;
const linkOf = (text: string) => /sign-in\?link=([\w-]+)/.exec(text)![1]!;

beforeAll(async () => {
  portalDir = mkdtempSync(path.join(tmpdir(), 'portal-dist-'));
  writeFileSync(path.join(portalDir, 'index.html'), '<!doctype html><title>portal</title>');
  server = await createTestServer({ portalDir, config: { corsOrigins: ['https://help.example.com'] } });
  alice = await server.signInCustomer('alice@example.com');
  bob = await server.signInCustomer('bob@example.com');
  admin = await server.signInStaff(['Administrator']);
});
afterAll(() => server?.stop());

describe('sign-in message', () => {
  it('carries a one-time link to the portal next to the code; the link signs in once and spends the code', async () => {
    await server.client.data(`mutation { requestCustomerCode(email: "alice@example.com") }`);
    const message = await server.waitForMessage('alice@example.com');
    expect(message.text).toContain(`${server.url}/portal/sign-in?link=`);
    const token = linkOf(message.text);
    const first = await server.client.request(`mutation($t: String!) { verifyCustomerLink(token: $t) { token customer { email } } }`, {
      t: token,
    });
    expect(first.data?.verifyCustomerLink?.customer.email).toBe('alice@example.com');
    expect(first.headers.get('set-cookie')).toContain('aftercare_session=');
    const again = await server.client.request(`mutation($t: String!) { verifyCustomerLink(token: $t) { token } }`, { t: token });
    expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
    // Code and link are one credential: the code of the same message no longer works.
    const code = await server.client.request(
      `mutation($c: String!) { verifyCustomerCode(email: "alice@example.com", code: $c) { token } }`,
      {
        c: codeOf(message.text),
      },
    );
    expect(errorCodes(code)).toEqual(['UNAUTHENTICATED']);
  });

  it('is written in the customer’s language', async () => {
    await server.app.dataSource.query(`UPDATE customer SET locale = 'es-ES' WHERE email = 'bob@example.com'`);
    await server.client.data(`mutation { requestCustomerCode(email: "bob@example.com") }`);
    const message = await server.waitForMessage('bob@example.com');
    expect(message.subject).toBe('Tu código de acceso');
    expect(message.text).toMatch(/Tu código de acceso es \d{6}/);
  });

  it('refuses a malformed link with the field named', async () => {
    const res = await server.client.request(`mutation { verifyCustomerLink(token: "short") { token } }`);
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('sign out everywhere', () => {
  it("ends every session of the caller and nobody else's", async () => {
    const second = await server.app.identity.createCustomerSession(alice.id);
    const secondClient = server.client.withHeaders({ authorization: `Bearer ${second.token}` });
    expect((await alice.client.data(`mutation { signOutEverywhere }`)).signOutEverywhere).toBeGreaterThanOrEqual(2);
    expect(errorCodes(await alice.client.request(`{ myConsentHistory { id } }`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await secondClient.request(`{ myConsentHistory { id } }`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await bob.client.request(`{ myConsentHistory { id } }`))).toEqual([]);
    const fresh = await server.app.identity.createCustomerSession(alice.id);
    alice = { ...alice, token: fresh.token, client: server.client.withHeaders({ authorization: `Bearer ${fresh.token}` }) };
  });
});

describe("the customer's own account", () => {
  it('changes only the caller’s profile and validates it', async () => {
    const me = await alice.client.data(
      `mutation { updateMyProfile(input: { name: "Alice A.", locale: "es", phone: "+34 600 000 001" }) { id name locale phones { number } } }`,
    );
    expect(me.updateMyProfile).toEqual({ id: alice.id, name: 'Alice A.', locale: 'es', phones: [{ number: '+34 600 000 001' }] });
    const bobNow = await bob.client.data(`query($id: ID!) { customer(id: $id) { name } }`, { id: bob.id });
    expect(bobNow.customer.name).toBe('Test Customer');
    const bad = await alice.client.request(`mutation { updateMyProfile(input: { locale: "klingon", timeZone: "Mars/Base" }) { id } }`);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    const fields = (bad.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['locale', 'timeZone']);
  });

  it('lists only the caller’s consent changes, newest first', async () => {
    for (const granted of [true, false]) {
      await alice.client.data(
        `mutation($id: ID!, $g: Boolean!) { setCustomerConsent(customerId: $id, kind: SURVEY, granted: $g) { id } }`,
        {
          id: alice.id,
          g: granted,
        },
      );
    }
    await bob.client.data(`mutation($id: ID!) { setCustomerConsent(customerId: $id, kind: MARKETING, granted: true) { id } }`, {
      id: bob.id,
    });
    const history = (await alice.client.data(`{ myConsentHistory { kind granted source } }`)).myConsentHistory;
    expect(history).toEqual([
      { kind: 'survey', granted: false, source: 'portal' },
      { kind: 'survey', granted: true, source: 'portal' },
    ]);
  });

  it('exports only the caller’s data', async () => {
    const data = (await alice.client.data(`{ myDataExport }`)).myDataExport;
    const text = JSON.stringify(data);
    expect(text).toContain('alice@example.com');
    expect(text).not.toContain('bob@example.com');
  });

  it('records one pending erasure request, which staff decline or carry out', async () => {
    expect((await alice.client.data(`{ myErasureRequest { id } }`)).myErasureRequest).toBeNull();
    const asked = (await alice.client.data(`mutation { requestMyErasure(input: { reason: "Moving away" }) { id status reason } }`))
      .requestMyErasure;
    expect(asked).toMatchObject({ status: 'pending', reason: 'Moving away' });
    expect(errorCodes(await alice.client.request(`mutation { requestMyErasure(input: {}) { id } }`))).toEqual(['CONFLICT']);
    expect((await bob.client.data(`{ myErasureRequest { id } }`)).myErasureRequest).toBeNull();
    const pending = (await admin.client.data(`{ erasureRequests { id customerId customer { id email } } }`)).erasureRequests;
    expect(pending).toEqual([{ id: asked.id, customerId: alice.id, customer: { id: alice.id, email: 'alice@example.com' } }]);
    // Who asked is for staff who may read customers; the customer's own view does not offer it.
    expect(errorCodes(await alice.client.request(`{ myErasureRequest { customer { id } } }`))).toEqual(['FORBIDDEN']);
    const declined = await admin.client.data(`mutation($id: ID!) { declineErasureRequest(id: $id) { status handledAt } }`, {
      id: asked.id,
    });
    expect(declined.declineErasureRequest.status).toBe('declined');
    expect(
      errorCodes(await admin.client.request(`mutation($id: ID!) { declineErasureRequest(id: $id) { id } }`, { id: asked.id })),
    ).toEqual(['CONFLICT']);
    // Asked again and carried out: anonymising completes the request.
    await bob.client.data(`mutation { requestMyErasure(input: {}) { id } }`);
    await admin.client.data(`mutation($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`, { id: bob.id });
    const [row] = await server.app.dataSource.query(`SELECT status FROM customer_erasure_request WHERE customer_id = $1`, [bob.id]);
    expect(row.status).toBe('completed');
  });
});

describe('public portal information', () => {
  it('presents the company as an administrator configured it', async () => {
    const update = `mutation($v: JSONObject!) { updatePluginSettings(owner: "portal", values: $v) { owner } }`;
    await admin.client.data(update, { v: { companyName: 'Kettles & Co', languages: ['es', 'en'] } });
    const conf = (await server.client.data(`{ portalConfiguration { companyName languages primaryColor logoUrl } }`)).portalConfiguration;
    expect(conf).toEqual({ companyName: 'Kettles & Co', languages: ['es', 'en'], primaryColor: '#1d4f91', logoUrl: null });
    const bad = await admin.client.request(update, { v: { primaryColor: 'blue', languages: [] } });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
  });

  it('explains the complaint procedure from the active SLA policies, free of charge', async () => {
    const proc = (
      await server.client.data(
        `{ complaintProcedure { companyName free channels { kind value } targets { firstResponseMinutes resolutionMinutes isDefault } } }`,
      )
    ).complaintProcedure;
    expect(proc.free).toBe(true);
    expect(proc.channels.map((c: { kind: string }) => c.kind)).toEqual(['portal', 'email']);
    const [policy] = await server.app.dataSource.query(
      `SELECT first_response_minutes, resolution_minutes FROM sla_policy WHERE is_default AND active`,
    );
    expect(proc.targets.at(-1)).toEqual({
      firstResponseMinutes: policy.first_response_minutes,
      resolutionMinutes: policy.resolution_minutes,
      isDefault: true,
    });
    await server.app.dataSource.query(`UPDATE sla_policy SET active = false`);
    expect((await server.client.data(`{ complaintProcedure { targets { isDefault } } }`)).complaintProcedure.targets).toEqual([]);
    await server.app.dataSource.query(`UPDATE sla_policy SET active = true`);
  });
});

describe('serving', () => {
  it('serves the built portal at /portal/ with its client-side routes, and the API beside it', async () => {
    for (const p of ['/portal/', '/portal/requests/123', '/portal/sign-in?link=abc']) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>portal</title>');
    }
    expect((await fetch(`${server.url}/portal`, { redirect: 'manual' })).headers.get('location')).toBe('/portal/');
    expect((await fetch(`${server.url}/portal/assets/missing.js`)).status).toBe(404);
  });

  it('answers cross-origin calls only from configured origins', async () => {
    const ask = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await ask('https://help.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://help.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await ask('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('validates the portal path and the CORS origins', () => {
    expect(() => loadConfig({}, { AFTERCARE_PORTAL_PATH: 'portal' })).toThrow(/portalPath \(AFTERCARE_PORTAL_PATH\)/);
    expect(() => loadConfig({}, { AFTERCARE_PORTAL_PATH: '/graphql/' })).toThrow(/must not shadow/);
    expect(() => loadConfig({}, { AFTERCARE_CORS_ORIGINS: 'help.example.com' })).toThrow(/corsOrigins/);
    expect(
      loadConfig({}, { AFTERCARE_PORTAL_PATH: '/help/', AFTERCARE_CORS_ORIGINS: 'https://a.example, https://b.example' }),
    ).toMatchObject({
      portalPath: '/help/',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(loadConfig({}, {}).corsOrigins).toEqual([]);
  });
});
