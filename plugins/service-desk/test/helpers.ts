import { type Clock, createTestClock, createTestServer, eventually, type GraphQLClient, type TestServer } from '@aftercare/testing';
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
export function waitForMail(server: TestServer, to: string, subject: RegExp, timeoutMs = 10_000) {
  return eventually(() => server.messages.filter((m) => m.to === to.toLowerCase() && subject.test(m.subject)).at(-1), {
    timeoutMs,
    what: `a message to ${to} matching ${subject}`,
  });
}

/** A purchase by `customerId` of `modelId` (or of a new model), through core's API. */
export async function createPurchase(server: TestServer, customerId: string, modelId?: string): Promise<{ id: string; modelId: string }> {
  const p = await server.fixtures.purchase({ customerId, ...(modelId ? { modelId } : {}) });
  return { id: p.id, modelId: p.modelId };
}
