import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestServer, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevelopmentAdmin } from '../src/index.js';

let server: TestServer;
const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-dev-staff-'));
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }`;

describe('development sign-ins', () => {
  it('creates a supervisor, an agent and a technician beside the admin, who sign in with the printed password', async () => {
    const first = await ensureDevelopmentAdmin(server.app.identity, server.app.dataSource, dir);
    expect(first?.email).toBe('admin@aftercare.local');
    expect(first?.staff?.map((s) => s.role)).toEqual(['Supervisor', 'Agent', 'Technician']);
    for (const who of [first!.email, ...first!.staff!.map((s) => s.email)]) {
      const res = await server.client.request(LOGIN, { email: who, password: first!.password });
      expect(res.errors).toBeUndefined();
    }
    // A later start prints the same sign-ins and creates nobody new.
    const again = await ensureDevelopmentAdmin(server.app.identity, server.app.dataSource, dir);
    expect(again).toEqual(first);
  });
});
