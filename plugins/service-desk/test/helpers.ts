import { type Clock, createTestClock, createTestServer, type GraphQLClient, type TestServer } from '@aftercare/testing';
import serviceDeskPlugin, { createServiceDeskPlugin, type ServiceDesk, type ServiceDeskOptions } from '../src/index.js';

/** A test clock: starts at `start`, moved by the test. */
export const testClock = (start: string) => createTestClock(start);

/** A server with the service desk on the test's clock (the production SLA service and alert jobs run on it). */
export async function deskServer(clock: Clock, options: ServiceDeskOptions = {}): Promise<TestServer> {
  return createTestServer({
    plugins: [options.storage ? createServiceDeskPlugin(options) : serviceDeskPlugin],
    clock,
    config: { jobPollSeconds: 0.5 },
  });
}

/** The services the server built for its service desk. */
export const deskOf = (server: TestServer): ServiceDesk => server.app.servicesOf(serviceDeskPlugin);

export const CASE_FIELDS = `id reference number kind channel severity status subject customerId teamId assigneeId category rootCause outcome
  staffReplyCount reopenCount slaDueAt atRisk breached allowedTransitions resolutionBusinessMinutes mergedIntoId`;

/** Open a case as staff and return it. */
export async function createCase(client: GraphQLClient, input: Record<string, unknown>) {
  const data = await client.data(`mutation($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`, {
    input: { kind: 'COMPLAINT', channel: 'PHONE', subject: 'Kettle stopped working', description: 'It does not heat any more.', ...input },
  });
  return data.createCase;
}

/** Wait until a message to `to` whose subject matches arrives (the outbox sends after commit, from a job). */
export async function waitForMail(server: TestServer, to: string, subject: RegExp, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = server.messages.filter((m) => m.to === to.toLowerCase() && subject.test(m.subject)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No message to ${to} matching ${subject} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let modelSeq = 0;
/** A product model and a purchase of it by `customerId` (written directly: the catalogue is core's, tested there). */
export async function createPurchase(server: TestServer, customerId: string, modelId?: string): Promise<{ id: string; modelId: string }> {
  const ds = server.app.dataSource;
  if (!modelId) {
    const n = ++modelSeq;
    const [product] = await ds.query(`INSERT INTO product (name, category) VALUES ($1, 'Kitchen') RETURNING id`, [`Kettle ${n}`]);
    [{ id: modelId }] = await ds.query(
      `INSERT INTO product_model (product_id, sku, name, warranty_months, return_window_days) VALUES ($1, $2, $3, 24, 14) RETURNING id`,
      [product.id, `KT-${n}`, `Kettle model ${n}`],
    );
  }
  const [purchase] = await ds.query(
    `INSERT INTO purchase (customer_id, model_id, serial_number, purchased_at, channel, price_minor, currency)
     VALUES ($1, $2, $3, '2026-10-01T10:00:00Z', 'online', 4990, 'EUR') RETURNING id`,
    [customerId, modelId, `SN-${Math.random().toString(36).slice(2, 10)}`],
  );
  return { id: purchase.id, modelId: modelId! };
}
