import '@aftercare/testing/global-setup';
import { createTestClock, errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize } from '../src/content.js';
import { nextAllowedSend } from '../src/services/contact-rules.js';
import { nps, wilson } from '../src/services/stats.js';
import { SAVE_SURVEY, surveyServer, npsSurvey } from './helpers.js';

const clock = createTestClock('2026-03-10T09:00:00Z');
let server: TestServer;
let admin: TestSession;
const AGENT_A = '00000000-0000-4000-8000-00000000000a';
const AGENT_B = '00000000-0000-4000-8000-00000000000b';

/** Responses and sends written straight into the plugin's own tables: the hand-computed fixture. */
async function seed(
  surveyId: string,
  kind: string,
  customerId: string,
  rows: Array<{ score: number | null; agent?: string; at: string; comment?: string }>,
) {
  for (const r of rows) {
    const context = r.agent ? { agentId: r.agent } : {};
    const [inv] = await server.app.dataSource.query(
      `INSERT INTO surveys_invitation (survey_id, customer_id, context, status, send_at, sent_at, last_contact_at, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $5, $5, $5::timestamptz + interval '14 days', $5) RETURNING id`,
      [surveyId, customerId, context, r.score == null ? 'sent' : 'answered', r.at],
    );
    if (r.score == null) continue;
    await server.app.dataSource.query(
      `INSERT INTO surveys_response (invitation_id, survey_id, survey_version, customer_id, kind, score, detractor, answers, comment, context, completed, answered_at, updated_at, version)
       VALUES ($1, $2, 1, $3, $4, $5, false, $6, $7, $8, true, $9, $9, 1)`,
      [
        inv.id,
        surveyId,
        customerId,
        kind,
        r.score,
        r.comment ? { what_went_wrong: r.comment, channel_pick: ['phone'] } : {},
        r.comment ?? null,
        context,
        r.at,
      ],
    );
  }
}

const ANALYTICS = `query($i: SurveyAnalyticsInput!) { surveyAnalytics(input: $i) {
  nps { value sampleSize low high } csat { value sampleSize low high } ces { value sampleSize low high }
  responseRate { value sampleSize } responses sent minPersonSample
  groups { key responses hidden nps { value sampleSize } } distribution { kind score count } } }`;

let npsId: string;
let customerA: { id: string; email: string };
let customerB: { id: string; email: string };

beforeAll(async () => {
  server = await surveyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  customerA = await server.fixtures.customer({ surveyConsent: true } as never);
  customerB = await server.fixtures.customer({ surveyConsent: true } as never);
  npsId = (await admin.client.data(SAVE_SURVEY, { i: npsSurvey('NPS fixture') })).saveSurvey.id;
  const csatId = (await admin.client.data(SAVE_SURVEY, { i: { ...npsSurvey('CSAT fixture'), kind: 'CSAT', followUps: [] } })).saveSurvey.id;
  const cesId = (await admin.client.data(SAVE_SURVEY, { i: { ...npsSurvey('CES fixture'), kind: 'CES', followUps: [] } })).saveSurvey.id;
  const feb = (d: number) => `2026-02-${String(d).padStart(2, '0')}T12:00:00Z`;
  // NPS: 10 10 9 8 7 6 (agent A) and 2 9 10 4 (agent B): 5 promoters, 3 detractors of 10 → NPS 20.
  await seed(npsId, 'nps', customerA.id, [
    ...[10, 10, 9, 8, 7, 6].map((score, i) => ({ score, agent: AGENT_A, at: feb(i + 1) })),
    ...[2, 9, 10, 4].map((score, i) => ({ score, agent: AGENT_B, at: feb(i + 10), comment: i === 0 ? 'Rude on the phone' : undefined })),
  ]);
  // CSAT: 5 4 4 3 2 5 1 4 → 5 of 8 score 4–5 → 62.5 %.
  await seed(
    csatId,
    'csat',
    customerB.id,
    [5, 4, 4, 3, 2, 5, 1, 4].map((score, i) => ({ score, at: feb(i + 2) })),
  );
  // CES: 2 3 1 5 7 2 → mean 20 / 6 = 3.33.
  await seed(
    cesId,
    'ces',
    customerB.id,
    [2, 3, 1, 5, 7, 2].map((score, i) => ({ score, at: feb(i + 3) })),
  );
  // Six sent but unanswered → response rate 24 / 30 = 80 %; one answer outside the period.
  await seed(
    npsId,
    'nps',
    customerB.id,
    [1, 2, 3, 4, 5, 6].map((d) => ({ score: null, at: feb(d + 15) })),
  );
  await seed(npsId, 'nps', customerB.id, [{ score: 0, at: '2026-03-05T12:00:00Z' }]);
});
afterAll(async () => {
  await server?.stop();
});

describe('Survey analytics against hand-computed fixtures', () => {
  it('computes NPS, CSAT, CES and the response rate with their samples and intervals', async () => {
    const { surveyAnalytics: a } = await admin.client.data(ANALYTICS, { i: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } });
    expect(a.nps).toMatchObject({ value: 20, sampleSize: 10 });
    // NPS interval: p=.5, d=.3 → Var = (0.8 − 0.04) / 10 → ±54.03
    expect(a.nps.low).toBeCloseTo(-34.03, 1);
    expect(a.nps.high).toBeCloseTo(74.03, 1);
    expect(a.csat).toMatchObject({ value: 62.5, sampleSize: 8 });
    // Wilson 95 % for 5 / 8: 30.57 – 86.32
    expect(a.csat.low).toBeCloseTo(30.57, 1);
    expect(a.csat.high).toBeCloseTo(86.32, 1);
    expect(a.ces).toMatchObject({ value: 3.33, sampleSize: 6 });
    expect(a.responseRate).toMatchObject({ value: 80, sampleSize: 30 });
    expect(a).toMatchObject({ responses: 24, sent: 30 });
    expect(a.distribution.filter((d: { kind: string }) => d.kind === 'CSAT')).toEqual([
      { kind: 'CSAT', score: 1, count: 1 },
      { kind: 'CSAT', score: 2, count: 1 },
      { kind: 'CSAT', score: 3, count: 1 },
      { kind: 'CSAT', score: 4, count: 3 },
      { kind: 'CSAT', score: 5, count: 2 },
    ]);
  });

  it('breaks down by agent and hides a person’s score below the minimum sample', async () => {
    const { surveyAnalytics: a } = await admin.client.data(ANALYTICS, {
      i: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', surveyId: npsId, groupBy: 'AGENT' },
    });
    expect(a.minPersonSample).toBe(5);
    const byKey = Object.fromEntries(a.groups.map((g: { key: string }) => [g.key, g]));
    // Agent A: 3 promoters, 1 detractor of 6 → 33.33; agent B has 4 answers: hidden.
    expect(byKey[AGENT_A]).toMatchObject({ responses: 6, hidden: false, nps: { value: 33.33, sampleSize: 6 } });
    expect(byKey[AGENT_B]).toMatchObject({ responses: 4, hidden: true, nps: { value: null, sampleSize: 4 } });
  });

  it('contributes the same numbers to the core metrics registry', async () => {
    const { metrics } = await admin.client.data(
      `query { metrics(names: ["surveys.nps", "surveys.csat", "surveys.ces", "surveys.response_rate"], from: "2026-02-01T00:00:00Z", to: "2026-03-01T00:00:00Z", interval: month) { metric { name } points { value sampleSize } } }`,
    );
    const byName = Object.fromEntries(metrics.map((s: { metric: { name: string }; points: unknown[] }) => [s.metric.name, s.points]));
    expect(byName['surveys.nps']).toEqual([{ value: 20, sampleSize: 10 }]);
    expect(byName['surveys.csat']).toEqual([{ value: 62.5, sampleSize: 8 }]);
    expect(byName['surveys.ces']).toEqual([{ value: 3.33, sampleSize: 6 }]);
    expect(byName['surveys.response_rate']).toEqual([{ value: 80, sampleSize: 30 }]);
  });

  it('refuses absurd analytics windows with a coded error', async () => {
    for (const i of [
      { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      { from: '1990-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', timeZone: 'Mars/Olympus' },
      { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', surveyId: 'not-an-id' },
    ]) {
      const codes = errorCodes(await admin.client.request(ANALYTICS, { i }));
      expect(codes.length).toBe(1);
      expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(codes[0]);
    }
  });
});

describe('Survey definitions', () => {
  it('versions a survey once it has answers; each answer keeps its version', async () => {
    const edited = (
      await admin.client.data(SAVE_SURVEY, {
        i: { ...npsSurvey('NPS fixture'), id: npsId, question: [{ locale: 'en', text: 'Would you recommend us now?' }] },
      })
    ).saveSurvey;
    expect(edited.currentVersion).toBe(2);
    const { surveyResponses } = await admin.client.data(
      `query($s: ID) { surveyResponses(filter: { surveyId: $s, search: "rude" }) { items { surveyVersion score answers { key question text choices } } } }`,
      { s: npsId },
    );
    expect(surveyResponses.items).toEqual([
      {
        surveyVersion: 1,
        score: 2,
        answers: [{ key: 'what_went_wrong', question: 'What went wrong?', text: 'Rude on the phone', choices: null }],
      },
    ]);
    // A survey without answers changes in place.
    const fresh = (await admin.client.data(SAVE_SURVEY, { i: npsSurvey('Unanswered') })).saveSurvey;
    const again = (await admin.client.data(SAVE_SURVEY, { i: { ...npsSurvey('Unanswered'), id: fresh.id, active: false } })).saveSurvey;
    expect(again.currentVersion).toBe(1);
  });

  it('refuses hostile survey input with coded errors naming the field, and changes nothing', async () => {
    const before = (await admin.client.data(`{ surveys(take: 100) { totalCount } }`)).surveys.totalCount;
    const bad = [
      { ...npsSurvey('  '), name: '   ' },
      { ...npsSurvey('X'), defaultLocale: 'not a locale!' },
      { ...npsSurvey('X'), question: [] },
      {
        ...npsSurvey('X'),
        followUps: [{ key: 'Bad Key', type: 'SINGLE', label: [{ locale: 'en', text: 'Q' }], options: [], minScore: 2 ** 31 - 1 }],
      },
      { ...npsSurvey('X'), name: 'x'.repeat(501) },
      { ...npsSurvey('X'), name: 'Bell\u0007' },
      { ...npsSurvey('NPS fixture') },
    ];
    for (const i of bad) {
      const res = await admin.client.request(SAVE_SURVEY, { i });
      expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    }
    expect(
      errorCodes(await admin.client.request(SAVE_SURVEY, { i: { ...npsSurvey('Y'), id: '11111111-1111-4111-8111-111111111111' } })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await admin.client.request(SAVE_SURVEY, { i: { ...npsSurvey('Y'), id: 'nope' } }))).toEqual(['NOT_FOUND']);
    const follow = `mutation($i: UpdateSurveyResponseFollowUpInput!) { updateSurveyResponseFollowUp(input: $i) { id } }`;
    expect(errorCodes(await admin.client.request(follow, { i: { id: 'nope', status: 'CLOSED' } }))).toEqual(['NOT_FOUND']);
    expect((await admin.client.data(`{ surveys(take: 100) { totalCount } }`)).surveys.totalCount).toBe(before);
  });
});

describe('Customers and privacy', () => {
  it('shows a customer only their own surveys and no staff data', async () => {
    const a = await server.fixtures.customerSession(customerA.id);
    const mine = (await a.client.data(`{ mySurveys { id kind answered score token } }`)).mySurveys;
    const ids = (
      await server.app.dataSource.query(`SELECT id FROM surveys_invitation WHERE customer_id = $1 AND status <> 'scheduled'`, [
        customerA.id,
      ])
    ).map((r: { id: string }) => r.id);
    expect(mine.map((s: { id: string }) => s.id).sort()).toEqual(ids.sort());
    expect(errorCodes(await a.client.request(`{ surveyResponses { totalCount } }`))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await a.client.request(`query($i: SurveyAnalyticsInput!) { surveyAnalytics(input: $i) { responses } }`, {
          i: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.client.request(`{ mySurveys { id } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('anonymisation keeps the scores and removes the comments', async () => {
    const scoresBefore = await server.app.dataSource.query(
      `SELECT score FROM surveys_response WHERE customer_id = $1 ORDER BY answered_at`,
      [customerA.id],
    );
    await admin.client.data(`mutation($c: ID!) { anonymizeCustomer(customerId: $c) { id } }`, { c: customerA.id });
    const after = await server.app.dataSource.query(
      `SELECT score, comment, answers FROM surveys_response WHERE customer_id = $1 ORDER BY answered_at`,
      [customerA.id],
    );
    expect(after.map((r: { score: number }) => r.score)).toEqual(scoresBefore.map((r: { score: number }) => r.score));
    expect(after.every((r: { comment: string | null }) => r.comment === null)).toBe(true);
    expect(JSON.stringify(after)).not.toContain('Rude');
    const { surveyAnalytics: a } = await admin.client.data(ANALYTICS, { i: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } });
    expect(a.nps).toMatchObject({ value: 20, sampleSize: 10 });
  });
});

describe('Pure rules', () => {
  it('quiet hours follow the customer’s zone across DST', () => {
    const q = { start: '21:00', end: '08:00' };
    // 23:30 in Madrid on the night the clocks go forward: next send 08:00 CEST = 06:00 UTC.
    expect(nextAllowedSend(new Date('2026-03-28T22:30:00Z'), 'Europe/Madrid', q).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(nextAllowedSend(new Date('2026-03-02T12:00:00Z'), 'Europe/Madrid', q).toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(nextAllowedSend(new Date('2026-03-02T05:00:00Z'), 'Asia/Tokyo', { start: '12:00', end: '15:00' }).toISOString()).toBe(
      '2026-03-02T06:00:00.000Z',
    );
  });

  it('translations fall back to the language, then the default', () => {
    const t = [
      { locale: 'en', text: 'Hello' },
      { locale: 'es', text: 'Hola' },
    ];
    expect(localize(t, 'es-MX', 'en')).toBe('Hola');
    expect(localize(t, 'de', 'en')).toBe('Hello');
    expect(localize(t, null, 'es')).toBe('Hola');
  });

  it('statistics of empty samples are null, not NaN', () => {
    expect(wilson(0, 0).value).toBeNull();
    expect(nps(0, 0, 0).value).toBeNull();
    expect(nps(10, 0, 10)).toMatchObject({ value: 100, high: 100 });
  });
});
