import '@aftercare/testing/global-setup';
import { createTestClock, createTestServer, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import plugin from '../src/index.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ plugins: [plugin], clock: createTestClock('2026-11-16T09:00:00Z') });
});
afterAll(async () => {
  await server?.stop();
});

it('seeds demo articles that search finds in English and Spanish, internal ones for staff only', async () => {
  await server.app.seedDemoData({ now: new Date('2026-11-16T09:00:00Z'), customers: 5 });
  const SEARCH = `query($q: String!, $l: String) { searchKb(query: $q, filter: { locale: $l }) { hits { title } } }`;
  expect((await server.client.data(SEARCH, { q: 'battery', l: 'en' })).searchKb.hits[0].title).toBe('Battery does not charge');
  expect((await server.client.data(SEARCH, { q: 'bateria', l: 'es' })).searchKb.hits[0].title).toBe('La batería no carga');
  expect((await server.client.data(SEARCH, { q: 'swollen' })).searchKb.hits).toEqual([]);
  const agent = await server.signInStaff(['Agent']);
  expect((await agent.client.data(SEARCH, { q: 'swollen' })).searchKb.hits).toHaveLength(1);
}, 120_000);
