import '@aftercare/testing/global-setup';
import { createTestServer, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import plugin from '../src/index.js';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ plugins: [plugin] });
  await server.app.seedDemoData({ customers: 60 });
});
afterAll(async () => {
  await server?.stop();
});

it('demo data fills the returns inbox with returns in many states', async () => {
  const agent = await server.signInStaff(['Agent']);
  const all = await agent.client.data(
    `{ returnRequests(take: 100) { totalCount items { status lines { legalBasis } refunds { amountMinor } } } }`,
  );
  const states = new Set(all.returnRequests.items.map((r: { status: string }) => r.status));
  expect(all.returnRequests.totalCount).toBeGreaterThanOrEqual(8);
  for (const s of ['REQUESTED', 'AWAITING_ITEM', 'INSPECTED', 'REFUNDED', 'CLOSED']) expect(states).toContain(s);
  const toApprove = await agent.client.data(`{ returnRequests(view: "to_approve") { totalCount } }`);
  expect(toApprove.returnRequests.totalCount).toBeGreaterThan(0);
});
