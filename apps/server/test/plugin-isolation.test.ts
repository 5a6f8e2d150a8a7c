import serviceDesk, { type ServiceDesk } from '@aftercare/service-desk';
import { createTestClock, createTestServer, type TestServer, type TestSession } from '@aftercare/testing';
import warranty from '@aftercare/warranty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two servers in one process with different plugin sets and different clocks: each plugin builds its
// services per server, so neither server reaches the other's database, clock or services.
const clockA = createTestClock('2026-11-16T09:00:00Z');
const clockB = createTestClock('2027-03-01T15:30:00Z');
let a: TestServer;
let b: TestServer;
let adminA: TestSession;
let adminB: TestSession;

beforeAll(async () => {
  a = await createTestServer({ plugins: [serviceDesk], clock: clockA });
  b = await createTestServer({ plugins: [serviceDesk, warranty], clock: clockB });
  adminA = await a.signInStaff();
  adminB = await b.signInStaff();
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

const openCase = async (admin: TestSession, customerId: string, subject: string) =>
  (
    await admin.client.data(`mutation($input: CreateCaseInput!) { createCase(input: $input) { id subject createdAt } }`, {
      input: { kind: 'INQUIRY', channel: 'PHONE', subject, description: 'Where is my order?', customerId },
    })
  ).createCase as { id: string; subject: string; createdAt: string };

describe('plugin services per server', () => {
  it('gives each server its own services', () => {
    const deskA: ServiceDesk = a.app.servicesOf(serviceDesk);
    const deskB: ServiceDesk = b.app.servicesOf(serviceDesk);
    expect(deskA).toBeInstanceOf(Object);
    expect(deskA).not.toBe(deskB);
    expect(() => a.app.servicesOf(warranty)).toThrow(/not enabled/);
    expect(b.app.servicesOf(warranty).claims).toBeDefined();
  });

  it('answers each server from its own database and clock', async () => {
    const customerA = await a.signInCustomer();
    const customerB = await b.signInCustomer();
    const caseA = await openCase(adminA, customerA.id, 'Asked on server A');
    const caseB = await openCase(adminB, customerB.id, 'Asked on server B');
    expect(caseA.createdAt).toBe('2026-11-16T09:00:00.000Z');
    expect(caseB.createdAt).toBe('2027-03-01T15:30:00.000Z');

    const listed = async (admin: TestSession) =>
      ((await admin.client.data(`{ cases(take: 50) { items { subject } } }`)).cases.items as Array<{ subject: string }>).map(
        (c) => c.subject,
      );
    expect(await listed(adminA)).toEqual(['Asked on server A']);
    expect(await listed(adminB)).toEqual(['Asked on server B']);
    // The customer of one server does not exist on the other: the case is not found there.
    const other = await adminA.client.request(`query($id: ID!) { case(id: $id) { id } }`, { id: caseB.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('builds only the enabled plugins into each schema', async () => {
    expect(a.app.schema.getQueryType()!.getFields().warrantyClaims).toBeUndefined();
    expect(b.app.schema.getQueryType()!.getFields().warrantyClaims).toBeDefined();
    const claims = await adminB.client.data(`{ warrantyClaims(take: 5) { totalCount } }`);
    expect(claims.warrantyClaims.totalCount).toBe(0);
  });
});
