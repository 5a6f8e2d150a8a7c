import '@aftercare/testing/global-setup';
import { createTestClock, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { surveyServer } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00Z');
let server: TestServer;
let admin: TestSession;

beforeAll(async () => {
  server = await surveyServer(createTestClock(NOW.toISOString()));
  admin = await server.signInStaff(['Administrator']);
});
afterAll(() => server?.stop());

it('seeds an NPS survey with a trigger and months of answers that the analytics page shows', async () => {
  const result = await server.app.seedDemoData({ now: NOW, customers: 80 });
  expect(result.contributions).toContain('surveys.surveys');
  const { surveys, surveyTriggers } = await admin.client.data(
    `{ surveys { totalCount items { name kind } } surveyTriggers { eventType } }`,
  );
  expect(surveys.items).toEqual([{ name: 'After case resolution', kind: 'NPS' }]);
  expect(surveyTriggers).toEqual([{ eventType: 'service-desk.case.resolved' }]);
  const { surveyAnalytics } = await admin.client.data(
    `query($i: SurveyAnalyticsInput!) { surveyAnalytics(input: $i) { responses sent nps { value sampleSize } } }`,
    { i: { from: '2026-07-01T00:00:00Z', to: '2026-11-21T00:00:00Z' } },
  );
  expect(surveyAnalytics.responses).toBeGreaterThan(10);
  expect(surveyAnalytics.sent).toBeGreaterThan(surveyAnalytics.responses);
  expect(surveyAnalytics.nps.sampleSize).toBe(surveyAnalytics.responses);
});
