import '@aftercare/testing/global-setup';
import { createTestClock, errorCodes, eventually, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import surveys from '../src/index.js';
import {
  ANSWER,
  invitationsOf,
  npsSurvey,
  resolveCase,
  surveyMail,
  SAVE_SURVEY,
  SAVE_TRIGGER,
  scoreLinks,
  surveyServer,
  tokenOf,
  VIEW,
  waitForInvitation,
} from './helpers.js';

// Monday 10:00 in Madrid, 04:00 in New York.
const clock = createTestClock('2026-03-02T09:00:00Z');
let server: TestServer;
let admin: TestSession;
let phoneSurveyId: string;
let emailSurveyId: string;
let cooledCustomer: { email: string };

beforeAll(async () => {
  server = await surveyServer(clock);
  admin = await server.signInStaff(['Administrator']);
  phoneSurveyId = (await admin.client.data(SAVE_SURVEY, { i: npsSurvey('After phone cases') })).saveSurvey.id;
  emailSurveyId = (await admin.client.data(SAVE_SURVEY, { i: { ...npsSurvey('After e-mail cases'), kind: 'CSAT', followUps: [] } }))
    .saveSurvey.id;
  // Two surveys on the same moment, told apart by the case's channel (a condition on the trigger's context).
  await admin.client.data(SAVE_TRIGGER, {
    i: { surveyId: phoneSurveyId, eventType: 'service-desk.case.resolved', conditions: [{ field: 'channel', values: ['phone'] }] },
  });
  await admin.client.data(SAVE_TRIGGER, {
    i: { surveyId: emailSurveyId, eventType: 'service-desk.case.resolved', conditions: [{ field: 'channel', values: ['email'] }] },
  });
});
afterAll(async () => {
  await server?.stop();
});

// Each answer travels through events and jobs (survey → detractor → case → link): allow a busy machine.
describe('Surveys: from a resolved case to a closed loop', { timeout: 120_000 }, () => {
  it('the migrations create exactly what the entities describe', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('offers the declared trigger events with their context', async () => {
    const { surveyTriggerEvents } = await admin.client.data(`{ surveyTriggerEvents { type label context { field kind } } }`);
    const resolved = surveyTriggerEvents.find((e: { type: string }) => e.type === 'service-desk.case.resolved');
    expect(resolved.context.map((f: { field: string }) => f.field)).toEqual(['agentId', 'teamId', 'kind', 'channel', 'outcome']);
    const bad = await admin.client.request(SAVE_TRIGGER, {
      i: {
        surveyId: phoneSurveyId,
        eventType: 'service-desk.case.opened',
        samplingPercent: 101,
        conditions: [{ field: 'nope', values: ['x'] }],
      },
    });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
  });

  it('mails one-click score links; 20 concurrent clicks record one answer; a detractor opens exactly one case', async () => {
    const customer = await server.fixtures.customer({
      name: 'Ana Díaz',
      surveyConsent: true,
      timeZone: 'Europe/Madrid',
      locale: 'es',
    } as never);
    await resolveCase(admin.client, customer.id, 'PHONE');
    const mail = await surveyMail(server, customer.email);
    expect(mail.subject).toBe('¿Qué tal lo hicimos?');
    expect(mail.text).toContain('¿Nos recomendaría?');
    const links = scoreLinks(mail.text);
    expect([...links.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const token = tokenOf(links.get(3)!);

    const clicks = await Promise.all(Array.from({ length: 20 }, () => server.client.request(ANSWER, { t: token, i: { score: 3 } })));
    for (const c of clicks) expect(c.errors).toBeUndefined();
    const responses = await server.app.dataSource.query(`SELECT id, score, detractor FROM surveys_response WHERE customer_id = $1`, [
      customer.id,
    ]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ score: 3, detractor: true });
    const events = await server.app.dataSource.query(`SELECT type FROM event_outbox WHERE aggregate_id = $1 ORDER BY type`, [
      responses[0].id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['surveys.detractor.detected', 'surveys.response.submitted']);

    // The follow-up page shows the detractor branch in Spanish; partial answers are kept.
    const view = (await server.client.data(VIEW, { t: token })).surveyInvitation;
    expect(view).toMatchObject({ state: 'open', locale: 'es', kind: 'NPS', score: 3, question: '¿Nos recomendaría?' });
    await server.client.data(ANSWER, { t: token, i: { answers: [{ key: 'what_went_wrong', text: 'Nobody called me back.' }] } });
    expect((await server.client.data(VIEW, { t: token })).surveyInvitation.answers).toEqual([
      { key: 'what_went_wrong', text: 'Nobody called me back.' },
    ]);
    const done = (await server.client.data(ANSWER, { t: token, i: { complete: true } })).answerSurvey;
    expect(done.state).toBe('answered');
    // Used link: refused, and shows nothing of the survey.
    expect(errorCodes(await server.client.request(ANSWER, { t: token, i: { score: 10 } }))).toEqual(['VALIDATION_FAILED']);
    expect((await server.client.data(VIEW, { t: token })).surveyInvitation).toMatchObject({ state: 'answered', question: null });

    // The service desk opened exactly one complaint case, linked back to the response.
    const linked = await eventually(
      async () => (await server.app.dataSource.query(`SELECT case_id FROM surveys_response WHERE id = $1`, [responses[0].id]))[0].case_id,
      { timeoutMs: 30_000, what: 'the complaint case linked to the response' },
    );
    const { cases } = await admin.client.data(
      `query($c: ID) { cases(filter: { customerId: $c, kind: [COMPLAINT] }) { totalCount items { id kind slaDueAt } } }`,
      {
        c: customer.id,
      },
    );
    expect(cases.totalCount).toBe(1);
    expect(cases.items[0]).toMatchObject({ id: linked, kind: 'COMPLAINT' });
    expect(cases.items[0].slaDueAt).not.toBeNull();

    // The inbox finds the comment; follow-up status moves through the machine.
    const inbox = await admin.client.data(
      `query { surveyResponses(filter: { search: "called me" }) { totalCount items { id score comment caseId status allowedTransitions } } }`,
    );
    expect(inbox.surveyResponses.items).toEqual([
      expect.objectContaining({ score: 3, comment: 'Nobody called me back.', caseId: linked, status: 'NEW' }),
    ]);
    const moved = await admin.client.data(
      `mutation($i: UpdateSurveyResponseFollowUpInput!) { updateSurveyResponseFollowUp(input: $i) { status tags history { toStatus } } }`,
      { i: { id: responses[0].id, status: 'ACKNOWLEDGED', tags: ['callback'] } },
    );
    expect(moved.updateSurveyResponseFollowUp).toMatchObject({ status: 'ACKNOWLEDGED', tags: ['callback'] });
  });

  it('sends nothing without survey consent', async () => {
    const customer = await server.fixtures.customer({ surveyConsent: false } as never);
    await resolveCase(admin.client, customer.id, 'PHONE');
    await eventually(async () => (await invitationsOf(server, customer.id))[0]?.status === 'skipped' || undefined, { timeoutMs: 30_000 });
    expect((await invitationsOf(server, customer.id))[0]).toMatchObject({ status: 'skipped', skip_reason: 'no-consent' });
    expect(server.messages.filter((m) => m.to === customer.email.toLowerCase() && /How did we do/.test(m.subject))).toEqual([]);
  });

  it('keeps one cooldown across two different surveys, and one survey per request', async () => {
    const customer = await server.fixtures.customer({ surveyConsent: true, timeZone: 'Europe/Madrid' } as never);
    cooledCustomer = customer;
    await resolveCase(admin.client, customer.id, 'PHONE');
    await surveyMail(server, customer.email);
    await resolveCase(admin.client, customer.id, 'EMAIL');
    const rows = await eventually(
      async () => {
        const r = await invitationsOf(server, customer.id);
        return r.length === 2 && r[1]!.status !== 'scheduled' ? r : undefined;
      },
      { timeoutMs: 30_000, what: 'the second survey decided' },
    );
    expect(rows.map((r) => [r.survey_id, r.status, r.skip_reason])).toEqual([
      [phoneSurveyId, 'sent', null],
      [emailSurveyId, 'skipped', 'cooldown'],
    ]);
  });

  it('moves a send inside quiet hours to the next allowed time in the customer’s zone', async () => {
    const customer = await server.fixtures.customer({ surveyConsent: true, timeZone: 'America/New_York' } as never);
    await resolveCase(admin.client, customer.id, 'PHONE');
    const [inv] = await waitForInvitation(server, customer.id);
    // 04:00 in New York is inside 21:00–08:00: the survey waits for 08:00 EST = 13:00 UTC.
    expect(new Date(inv!.send_at).toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(inv!.status).toBe('scheduled');
    await server.advanceClock(4 * 3600_000 + 60_000);
    const mail = await surveyMail(server, customer.email);
    expect(mail.subject).toBe('How did we do?');
  });

  it('reminds an unanswered survey once, after the minimum gap', async () => {
    const service = server.app.servicesOf(surveys);
    expect(await service.sendDueReminders()).toBe(0); // too early
    await server.advanceClock(3 * 86_400_000);
    expect(await service.sendDueReminders()).toBeGreaterThanOrEqual(1);
    const reminder = await eventually(
      () => server.messages.find((m) => m.to === cooledCustomer.email.toLowerCase() && m.subject === 'Reminder: how did we do?'),
      { timeoutMs: 30_000, what: 'the reminder' },
    );
    expect(scoreLinks(reminder.text).size).toBe(11);
    await server.advanceClock(3 * 86_400_000);
    expect(await service.sendDueReminders()).toBe(0); // at most one reminder by default
  });

  it('refuses a tampered, a foreign and an expired link', async () => {
    const customer = await server.fixtures.customer({ surveyConsent: true } as never);
    const other = await server.fixtures.customer({ surveyConsent: true } as never);
    await server.advanceClock(31 * 86_400_000); // past every cooldown
    await resolveCase(admin.client, customer.id, 'EMAIL');
    await resolveCase(admin.client, other.id, 'EMAIL');
    const token = tokenOf(scoreLinks((await surveyMail(server, customer.email)).text).get(4)!);
    const otherToken = tokenOf(scoreLinks((await surveyMail(server, other.email)).text).get(4)!);
    const [id, exp, sig] = token.split('.');
    const [otherId] = otherToken.split('.');
    const tampered = [
      `${id}.${exp}.${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`,
      `${otherId}.${exp}.${sig}`,
      `${id}.${Number(exp) + 86400}.${sig}`,
      'garbage',
      `${'x'.repeat(5000)}`,
    ];
    for (const t of tampered) {
      expect((await server.client.data(VIEW, { t })).surveyInvitation).toMatchObject({ state: 'invalid', question: null });
      expect(errorCodes(await server.client.request(ANSWER, { t, i: { score: 5 } }))).toEqual(['VALIDATION_FAILED']);
    }
    // Hostile answers change nothing.
    for (const i of [{ score: 6 }, { score: -1 }, { score: 2 ** 31 - 1 }, {}, { score: 4, answers: [{ key: 'nope', text: 'x' }] }]) {
      expect(errorCodes(await server.client.request(ANSWER, { t: token, i }))).toEqual(['VALIDATION_FAILED']);
    }
    expect(await server.app.dataSource.query(`SELECT 1 FROM surveys_response WHERE customer_id = $1`, [customer.id])).toHaveLength(0);
    await server.advanceClock(15 * 86_400_000);
    expect((await server.client.data(VIEW, { t: token })).surveyInvitation.state).toBe('expired');
    expect(errorCodes(await server.client.request(ANSWER, { t: token, i: { score: 5 } }))).toEqual(['VALIDATION_FAILED']);
  });
});
