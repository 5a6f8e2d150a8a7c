import { createTestServer, type GraphQLClient, type TestServer } from '@aftercare/testing';
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
  // No job workers: due-date jobs computed on the fixed clock would fire at once and race the test's own steps.
  return createTestServer({ plugins: [createServiceDeskPlugin({ ...options, now: clock.now })], config: { jobs: false } });
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
