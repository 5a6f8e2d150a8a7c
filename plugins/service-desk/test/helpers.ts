import { createTestServer, eventually, type GraphQLClient, type TestServer } from '@aftercare/testing';
import { createServiceDeskPlugin, type ServiceDeskOptions } from '../src/index.js';

/** A test clock: starts at `start`, moved by the test. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(iso: string) {
      now = new Date(iso);
    },
    advanceMinutes(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

/** A server with the service desk on a fixed clock. */
export async function deskServer(clock: { now: () => Date }, options: Omit<ServiceDeskOptions, 'now'> = {}): Promise<TestServer> {
  // Clocks on the test's own time schedule no core SLA alert jobs; tests run the escalation themselves.
  return createTestServer({ plugins: [createServiceDeskPlugin({ ...options, now: clock.now })], config: { jobPollSeconds: 0.5 } });
}

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
