import '@aftercare/testing/global-setup';
import { createTestClock, createTestServer, errorCodes, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const ITEM = `id reference title status version allowedTransitions history { fromStatus toStatus reason actor } customer { name }`;
const CREATE = `mutation($i: CreateSurveysItemInput!) { createSurveysItem(input: $i) { ${ITEM} } }`;
const MOVE = `mutation($i: MoveSurveysItemInput!) { moveSurveysItem(input: $i) { ${ITEM} } }`;
const LIST = `query($s: SurveysItemStatus) { surveysItems(status: $s) { totalCount items { id status } } }`;

const clock = createTestClock('2026-03-02T09:00:00Z');
let server: TestServer;
let agent: TestSession;

beforeAll(async () => {
  server = await createTestServer({ plugins: [plugin], clock });
  agent = await server.signInStaff(['Agent']);
});
afterAll(async () => {
  await server?.stop();
});

describe('Surveys items', () => {
  it('the migrations create exactly what the entities describe', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('moves an item through its states, with history, audit entry and event', async () => {
    const customer = await server.fixtures.customer({ name: 'Ana Test' });
    const created = (await agent.client.data(CREATE, { i: { title: 'First item', customerId: customer.id } })).createSurveysItem;
    expect(created).toMatchObject({ reference: 'SUR-1', status: 'OPEN', allowedTransitions: ['IN_PROGRESS', 'CANCELLED'] });

    const moved = (await agent.client.data(MOVE, { i: { id: created.id, to: 'IN_PROGRESS', expectedVersion: created.version } }))
      .moveSurveysItem;
    expect(moved.status).toBe('IN_PROGRESS');
    expect(moved.history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'open'],
      ['open', 'in_progress'],
    ]);

    const admin = await server.signInStaff(['Administrator']);
    const audit = await admin.client.data(`query($id: String) { auditEvents(filter: { objectId: $id }) { items { action } } }`, {
      id: created.id,
    });
    expect(audit.auditEvents.items.map((e: { action: string }) => e.action)).toContain('surveysItem.transition');
    const events: Array<{ type: string; payload: { from: string; to: string } }> = await server.app.dataSource.query(
      `SELECT type, payload FROM event_outbox WHERE aggregate_id = $1 ORDER BY occurred_at`,
      [created.id],
    );
    expect(events.map((e) => e.type)).toEqual(['surveys.item.created', 'surveys.item.status-changed']);
    expect(events[1]!.payload).toMatchObject({ from: 'open', to: 'in_progress' });
  });

  it('refuses an illegal move, a stale version and an empty title, and changes nothing', async () => {
    const item = (await agent.client.data(CREATE, { i: { title: 'Second item' } })).createSurveysItem;
    const illegal = await agent.client.request(MOVE, { i: { id: item.id, to: 'DONE' } });
    expect(errorCodes(illegal)).toEqual(['INVALID_TRANSITION']);
    await agent.client.data(MOVE, { i: { id: item.id, to: 'IN_PROGRESS' } });
    const stale = await agent.client.request(MOVE, { i: { id: item.id, to: 'DONE', expectedVersion: item.version } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const empty = await agent.client.request(CREATE, { i: { title: '   ' } });
    expect(errorCodes(empty)).toEqual(['VALIDATION_FAILED']);
    const unknown = await agent.client.request(MOVE, { i: { id: 'not-an-id', to: 'DONE' } });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const open = await agent.client.data(LIST, { s: 'IN_PROGRESS' });
    expect(open.surveysItems.items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('needs the plugin’s permission', async () => {
    const customer = await server.signInCustomer();
    const res = await customer.client.request(LIST, {});
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});
