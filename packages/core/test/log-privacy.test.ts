import { createTestServer, type TestServer } from '@aftercare/testing';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, createLogger, createMailTransport } from '../src/index.js';
import { notesPlugin } from '../../testing/test/fixtures/notes-plugin.js';

/**
 * Logs carry identifiers, never personal values or secrets. The server logs at the most verbose
 * level while this file creates personal data, searches for it, signs in with codes and reset
 * tokens, fails sends and SQL; then every line is scanned for each value it created.
 */
const lines: string[] = [];
const memory = { write: (line: string) => void lines.push(line) };
const logger = createLogger('trace', {}, memory);

const PERSON = { name: 'Privacy Ωmega Person', email: 'privacy.person@example.org' };
const SEARCH = 'Ωmega-needle';
const BOUNCE = 'bounce.person@example.net';
const secrets: string[] = [PERSON.name, PERSON.email, SEARCH, BOUNCE];

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({
    plugins: [notesPlugin],
    logger,
    config: { jobPollSeconds: 0.5, retryDelaySeconds: 1 },
    mailTransport: async (m) => {
      if (m.to === BOUNCE) throw new Error(`550 5.1.1 <${m.to}>: Recipient address rejected`);
    },
  });
});
afterAll(() => server?.stop());

describe('personal data stays out of the logs', () => {
  it('a run that creates, searches, signs in and fails leaves no personal value or secret in any log line', async () => {
    const admin = await server.signInStaff();
    const created = await admin.client.data(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { ...PERSON },
    });
    // A duplicate, a search, a failing request.
    await admin.client.request(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { ...PERSON },
    });
    await admin.client.request(`query ($s: String) { customers(search: $s, take: 5) { totalCount } }`, { s: SEARCH });
    await admin.client.request(`mutation { crashNote }`);
    // Failing SQL whose parameters are personal values.
    await server.app.dataSource.query('SELECT $1::int', [PERSON.email]).catch(() => undefined);
    await server.app.dataSource.query('SELECT $1::uuid', [PERSON.name]).catch(() => undefined);

    // Sign-in code and reset token.
    await server.client.data(`mutation ($e: String!) { requestCustomerCode(email: $e) }`, { e: PERSON.email });
    const code = /\b(\d{6})\b/.exec((await server.waitForMessage(PERSON.email)).text)![1]!;
    secrets.push(code);
    await server.client.data(`mutation ($e: String!, $c: String!) { verifyCustomerCode(email: $e, code: $c) { token } }`, {
      e: PERSON.email,
      c: code,
    });
    const staffEmail = 'privacy.staff@example.org';
    secrets.push(staffEmail);
    const role = await server.app.dataSource.getRepository(Role).findOneByOrFail({ name: 'Agent' });
    await admin.client.data(
      `mutation ($r: [ID!]!) { createStaffUser(input: { email: "${staffEmail}", name: "Staff Privacy", roleIds: $r }) { id } }`,
      {
        r: [role.id],
      },
    );
    const token = /\n\n(\S{20,})\n\n/.exec((await server.waitForMessage(staffEmail)).text)![1]!;
    secrets.push(token);
    await server.client.request(`mutation ($t: String!) { resetPassword(token: $t, newPassword: "a brand new password") }`, { t: token });

    // A message whose delivery fails with the address in the SMTP error.
    const bounced = await admin.client.data(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { name: 'Bounce', email: BOUNCE },
    });
    await server.client.data(`mutation ($e: String!) { requestCustomerCode(email: $e) }`, { e: BOUNCE });
    await expect.poll(() => lines.some((l) => l.includes('sending a message failed')), { timeout: 10_000 }).toBe(true);

    // The development mail log (no SMTP configured) writes the message to a file and logs only its id.
    const send = createMailTransport({ dataDir: await mkdtemp(path.join(tmpdir(), 'mail-')), logger });
    await send({ id: 'm-1', from: 'x@example.com', to: PERSON.email, subject: `Code for ${PERSON.name}`, text: `Your code is ${code}` });

    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((l) => l.includes(created.createCustomer.id) || l.includes(bounced.createCustomer.id) || l.includes('"sql"'))).toBe(
      true,
    );
    const leaks = secrets.flatMap((s) =>
      lines.filter((l) => l.includes(s) || l.includes(JSON.stringify(s).slice(1, -1))).map((l) => `${s}: ${l.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });
});
