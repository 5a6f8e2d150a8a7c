import { type Clock, createTestClock, createTestServer, type GraphQLClient, type TestServer } from '@aftercare/testing';
import warrantyPlugin from '../src/index.js';

/** A test clock: starts at `start`, moved by the test. */
export const testClock = (start: string) => createTestClock(start);

/** A server with the warranty plugin on the test's clock (the production SLA service and jobs run on it). */
export function warrantyServer(clock: Clock): Promise<TestServer> {
  return createTestServer({ plugins: [warrantyPlugin], clock, config: { jobPollSeconds: 0.5 } });
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;

/** A product with one model (default warranty `warrantyMonths`), created through the API. */
export async function createModel(admin: GraphQLClient, warrantyMonths = 12, category = 'Washing machines') {
  const p = await admin.data(`mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { name: `Washer ${unique()}`, category },
  });
  const m = await admin.data(`mutation($i: CreateProductModelInput!) { createProductModel(input: $i) { id sku } }`, {
    i: { productId: p.createProduct.id, sku: `W-${unique()}`, name: 'Washer 8kg', warrantyMonths, returnWindowDays: 14 },
  });
  return { productId: p.createProduct.id as string, modelId: m.createProductModel.id as string };
}

/** A customer in a country and time zone. */
export async function createCustomer(admin: GraphQLClient, country: string, timeZone: string, email = `c-${unique()}@example.com`) {
  const d = await admin.data(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
    i: { name: 'Ana Test', email, timeZone, addresses: [{ line1: 'Calle 1', city: 'Somewhere', country }] },
  });
  return d.createCustomer.id as string;
}

/** A purchase through core (publishes core.purchase.created). */
export async function createPurchase(
  admin: GraphQLClient,
  input: { customerId: string; modelId: string; purchasedAt: string; deliveredAt?: string; serialNumber?: string },
) {
  const d = await admin.data(`mutation($i: CreatePurchaseInput!) { createPurchase(input: $i) { id serialNumber } }`, {
    i: { serialNumber: `SN-${unique()}`, channel: 'online', priceMinor: 49900, currency: 'EUR', ...input },
  });
  return d.createPurchase as { id: string; serialNumber: string };
}

/** Wait until the auto-registration subscriber registered the purchase. */
export async function waitForRegistration(admin: GraphQLClient, serialNumber: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await admin.data(`query($s: String) { warrantyRegistrations(serialNumber: $s) { items { id source endsAt months } } }`, {
      s: serialNumber,
    });
    if (d.warrantyRegistrations.items.length)
      return d.warrantyRegistrations.items[0] as { id: string; source: string; endsAt: string; months: number };
    if (Date.now() > deadline) throw new Error(`No registration for ${serialNumber} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const COVERAGE = `query($s: String, $p: ID, $at: DateTimeISO, $d: String) {
  warrantyCoverage(serialNumber: $s, purchaseId: $p, at: $at, damageType: $d) {
    covered basis policyId contractId registrationId coveredUntil lastCoveredDay coverageTypes reason explanation timeZone jurisdiction
    layers { basis covered reason lastDay }
  }
}`;

export const CLAIM_FIELDS = `id reference status customerId serialNumber entitled legalBasis rejectionReason overrideNote outcome allowedTransitions`;
