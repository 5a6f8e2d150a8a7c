import { schemaDrift, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCase, deskServer, testClock } from './helpers.js';

const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await deskServer(clock);
});
afterAll(() => server?.stop());

it('boots', async () => {
  expect(await schemaDrift(server)).toEqual([]);
  const agent = await server.signInStaff(['Agent']);
  const customer = await server.signInCustomer();
  const c = await createCase(agent.client, { customerId: customer.id });
  expect(c.status).toBe('NEW');
});
