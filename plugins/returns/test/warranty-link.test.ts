import '@aftercare/testing/global-setup';
import { createTestClock, createTestServer, eventually, type TestServer } from '@aftercare/testing';
import warranty from '@aftercare/warranty';
import { afterAll, beforeAll, expect, it } from 'vitest';
import returns from '../src/index.js';

// Both plugins enabled: a non-conformity line becomes a warranty claim, linked back to the line.
const clock = createTestClock('2026-07-01T10:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ plugins: [warranty, returns], clock });
});
afterAll(async () => {
  await server?.stop();
});

it('with the warranty plugin, a non-conformity line opens a warranty claim and records its id', async () => {
  const agent = await server.signInStaff(['Agent']);
  const c = await server.fixtures.customer();
  const p = await server.fixtures.purchase({ customerId: c.id, purchasedAt: '2026-05-01T10:00:00Z', deliveredAt: '2026-05-03T10:00:00Z' });
  const { returnReasons } = await agent.client.data(`{ returnReasons { id code } }`);
  const defect = returnReasons.find((r: { code: string }) => r.code === 'defect').id;
  const req = (
    await agent.client.data(`mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id lines { id legalBasis } } }`, {
      i: { customerId: c.id, lines: [{ purchaseId: p.id, reasonId: defect }] },
    })
  ).requestReturn;
  expect(req.lines[0].legalBasis).toBe('NON_CONFORMITY');
  const line = await eventually(
    async () =>
      (await agent.client.data(`query($id: ID!) { returnRequest(id: $id) { lines { warrantyClaimId } } }`, { id: req.id })).returnRequest
        .lines[0].warrantyClaimId as string | null,
    { timeoutMs: 20_000 },
  );
  const claims: Array<{ id: string; purchase_id: string }> = await server.app.dataSource.query(
    `SELECT id, purchase_id FROM warranty_claim`,
  );
  expect(claims).toEqual([{ id: line, purchase_id: p.id }]);
});
