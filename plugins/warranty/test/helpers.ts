import { randomUUID } from 'node:crypto';
import { type Clock, createTestClock, createTestServer, eventually, type GraphQLClient, type TestServer } from '@aftercare/testing';
import warrantyPlugin from '../src/index.js';

/** A test clock: starts at `start`, moved by the test. */
export const testClock = (start: string) => createTestClock(start);

/** A server with the warranty plugin on the test's clock (the production SLA service and jobs run on it). */
export function warrantyServer(clock: Clock): Promise<TestServer> {
  return createTestServer({ plugins: [warrantyPlugin], clock, config: { jobPollSeconds: 0.5 } });
}

/** A product with one model (default warranty `warrantyMonths`), through core's API. */
export async function createModel(server: TestServer, warrantyMonths = 12, category = 'Washing machines') {
  const m = await server.fixtures.productModel({ sku: `W-${randomUUID().slice(0, 8)}`, warrantyMonths, category, name: 'Washer 8kg' });
  return { productId: m.productId, modelId: m.id };
}

/** A customer in a country and time zone, through core's API. */
export async function createCustomer(server: TestServer, country: string, timeZone: string, email?: string) {
  const c = await server.fixtures.customer({
    name: 'Ana Test',
    timeZone,
    addresses: [{ line1: 'Calle 1', city: 'Somewhere', country }],
    ...(email ? { email } : {}),
  });
  return c.id;
}

/** A purchase through core (publishes core.purchase.created). */
export async function createPurchase(
  server: TestServer,
  input: { customerId: string; modelId: string; purchasedAt: string; deliveredAt?: string; serialNumber?: string },
) {
  const p = await server.fixtures.purchase({ priceMinor: 49900, ...input });
  return { id: p.id, serialNumber: p.serialNumber };
}

/** Wait until the auto-registration subscriber registered the purchase. */
export async function waitForRegistration(admin: GraphQLClient, serialNumber: string, timeoutMs = 15_000) {
  return eventually(
    async () => {
      const d = await admin.data(`query($s: String) { warrantyRegistrations(serialNumber: $s) { items { id source endsAt months } } }`, {
        s: serialNumber,
      });
      return d.warrantyRegistrations.items[0] as { id: string; source: string; endsAt: string; months: number } | undefined;
    },
    { timeoutMs, intervalMs: 100, what: `the registration of ${serialNumber}` },
  );
}

export const COVERAGE = `query($s: String, $p: ID, $at: DateTimeISO, $d: String) {
  warrantyCoverage(serialNumber: $s, purchaseId: $p, at: $at, damageType: $d) {
    covered basis policyId contractId registrationId coveredUntil lastCoveredDay coverageTypes reason explanation timeZone jurisdiction
    layers { basis covered reason lastDay }
  }
}`;

export const CLAIM_FIELDS = `id reference status customerId serialNumber entitled legalBasis rejectionReason overrideNote outcome allowedTransitions`;
