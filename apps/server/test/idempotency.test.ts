import { errorCodes, type GraphQLClient, rootOperations, type TestServer } from '@aftercare/testing';
import { getNamedType, isInputObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composedServer } from './helpers.js';

/**
 * Every money move that takes an idempotency key behaves the same, through the one core
 * mechanism: same key and parameters → the stored result; same key, other parameters → CONFLICT;
 * concurrent first uses → all get the one result.
 */
let server: TestServer;
let admin: GraphQLClient;

interface Scenario {
  /** The operation with `$input`, selecting `id`. */
  query: string;
  /** A valid input without the key. */
  input: () => Promise<Record<string, unknown>>;
  /** The same input with a money parameter changed. */
  changed: (input: Record<string, unknown>) => Record<string, unknown>;
}

const SCENARIOS: Record<string, Scenario> = {
  'Mutation.proposeCompensation': {
    query: `mutation ($input: ProposeCompensationInput!) { r: proposeCompensation(input: $input) { id } }`,
    input: async () => {
      const [customer] = await server.app.dataSource.query(`SELECT id FROM customer WHERE anonymized_at IS NULL LIMIT 1`);
      const created = await admin.data(
        `mutation ($c: ID!) { createCase(input: { kind: CLAIM, channel: PHONE, customerId: $c, subject: "Broken", description: "It broke." }) { id } }`,
        { c: customer.id },
      );
      return { caseId: created.createCase.id, type: 'REFUND', valueMinor: 1500, currency: 'EUR', description: 'Refund' };
    },
    changed: (input) => ({ ...input, valueMinor: 99_900 }),
  },
  'Mutation.sellExtendedWarranty': {
    query: `mutation ($input: SellExtendedWarrantyInput!) { r: sellExtendedWarranty(input: $input) { id } }`,
    input: async () => {
      const [reg] = await server.app.dataSource.query(`SELECT id FROM warranty_registration ORDER BY random() LIMIT 1`);
      return { registrationId: reg.id, priceMinor: 4900, currency: 'EUR', termMonths: 12 };
    },
    changed: (input) => ({ ...input, priceMinor: 1 }),
  },
  'Mutation.resolveReturn': {
    query: `mutation ($input: ResolveReturnInput!) { r: resolveReturn(input: $input) { id } }`,
    input: async () => {
      // A fresh delivered purchase, returned and inspected: ready for its refund.
      const [row] = await server.app.dataSource.query(`SELECT customer_id, model_id FROM purchase LIMIT 1`);
      const day = 86_400_000;
      const { createPurchase } = await admin.data(`mutation ($i: CreatePurchaseInput!) { createPurchase(input: $i) { id } }`, {
        i: {
          customerId: row.customer_id,
          modelId: row.model_id,
          serialNumber: `IDEM-${randomUUID()}`,
          purchasedAt: new Date(Date.now() - 3 * day).toISOString(),
          deliveredAt: new Date(Date.now() - day).toISOString(),
          channel: 'online',
          priceMinor: 4990,
          currency: 'EUR',
        },
      });
      const { returnReasons } = await admin.data(`{ returnReasons { id code } }`);
      const reasonId = returnReasons.find((r: { code: string }) => r.code === 'changed_mind').id;
      const { requestReturn } = await admin.data(`mutation ($i: RequestReturnInput!) { requestReturn(input: $i) { id lines { id } } }`, {
        i: { customerId: row.customer_id, lines: [{ purchaseId: createPurchase.id, reasonId }] },
      });
      const id = requestReturn.id;
      await admin.data(`mutation ($id: ID!) { approveReturn(id: $id) { id } }`, { id });
      const lineId = requestReturn.lines[0].id;
      await admin.data(`mutation ($i: ReceiveReturnInput!) { receiveReturn(input: $i) { id } }`, {
        i: { id, lines: [{ lineId, quantityReceived: 1 }] },
      });
      await admin.data(`mutation ($i: InspectReturnLineInput!) { inspectReturnLine(input: $i) { id } }`, {
        i: { lineId, conditionGrade: 'NEW', disposition: 'RESTOCK' },
      });
      return { id, method: 'ORIGINAL', deliveryCostMinor: 0 };
    },
    changed: (input) => ({ ...input, deliveryCostMinor: 999 }),
  },
};

beforeAll(async () => {
  ({ server, admin } = await composedServer({ seedCustomers: 5 }));
});
afterAll(() => server?.stop());

describe('idempotency of money moves', () => {
  const keyed = () =>
    rootOperations(server.app.schema, 'Mutation').filter((op) =>
      op.field.args.some((a) => {
        const t = getNamedType(a.type);
        return a.name === 'idempotencyKey' || (isInputObjectType(t) && 'idempotencyKey' in t.getFields());
      }),
    );

  it('every mutation taking an idempotency key is covered here', () => {
    const ops = keyed().map((o) => o.coordinate);
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.filter((c) => !SCENARIOS[c])).toEqual([]);
  });

  it.each(Object.keys(SCENARIOS))(
    '%s: same key → stored result; other parameters → CONFLICT; concurrent first uses → one result',
    async (name) => {
      const s = SCENARIOS[name]!;
      const base = await s.input();
      const key = randomUUID();
      const first = await admin.data(s.query, { input: { ...base, idempotencyKey: key } });
      const again = await admin.data(s.query, { input: { ...base, idempotencyKey: key } });
      expect(again.r.id).toBe(first.r.id);

      const reused = await admin.request(s.query, { input: { ...s.changed(base), idempotencyKey: key } });
      expect(errorCodes(reused)).toEqual(['CONFLICT']);
      expect(reused.errors![0]!.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });

      const fresh = await s.input();
      const raceKey = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => admin.request(s.query, { input: { ...fresh, idempotencyKey: raceKey } })),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(results.map((r) => (r.data as { r: { id: string } }).r.id)).size).toBe(1);
    },
  );
});
