import serviceDesk from '@aftercare/service-desk';
import { type Clock, createTestServer, eventually, type GraphQLClient, type TestServer } from '@aftercare/testing';
import surveys from '../src/index.js';

/** A server with the service desk (the trigger source and complaint handler) and surveys, on the test's clock. */
export function surveyServer(clock: Clock): Promise<TestServer> {
  return createTestServer({ plugins: [serviceDesk, surveys], clock, config: { jobPollSeconds: 0.5 } });
}

export const SAVE_SURVEY = `mutation($i: SaveSurveyInput!) { saveSurvey(input: $i) { id name kind currentVersion version responseCount } }`;
export const SAVE_TRIGGER = `mutation($i: SaveSurveyTriggerInput!) { saveSurveyTrigger(input: $i) { id eventType delayMinutes samplingPercent conditions { field negate values } } }`;
export const VIEW = `query($t: String!, $l: String) { surveyInvitation(token: $t, locale: $l) { state locale kind scaleMin scaleMax question thankYou score locales followUps { key type label minScore maxScore } answers { key text } } }`;
export const ANSWER = `mutation($t: String!, $i: AnswerSurveyInput!) { answerSurvey(token: $t, input: $i) { state score question answers { key text } } }`;

/** An NPS survey asking "what went wrong?" to detractors, in English and Spanish. */
export const npsSurvey = (name: string) => ({
  name,
  kind: 'NPS',
  defaultLocale: 'en',
  question: [
    { locale: 'en', text: 'How likely are you to recommend us?' },
    { locale: 'es', text: '¿Nos recomendaría?' },
  ],
  thankYou: [{ locale: 'en', text: 'Thanks!' }],
  followUps: [
    {
      key: 'what_went_wrong',
      type: 'TEXT',
      label: [
        { locale: 'en', text: 'What went wrong?' },
        { locale: 'es', text: '¿Qué salió mal?' },
      ],
      maxScore: 6,
    },
    { key: 'best', type: 'TEXT', label: [{ locale: 'en', text: 'What did you like?' }], minScore: 9 },
  ],
});

/** Open a case for the customer and resolve it (publishes service-desk.case.resolved). */
export async function resolveCase(client: GraphQLClient, customerId: string, channel = 'PHONE'): Promise<string> {
  const { createCase } = await client.data(`mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`, {
    i: { customerId, kind: 'INQUIRY', channel, subject: 'How do I descale it?', description: 'The manual is unclear.' },
  });
  await client.data(`mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { id status } }`, {
    i: { caseId: createCase.id, outcome: 'RESOLVED', category: 'usage_question', rootCause: 'manufacturing_defect' },
  });
  return createCase.id;
}

/** The invitation rows of the survey plugin for a customer (the plugin's own table). */
export async function invitationsOf(server: TestServer, customerId: string) {
  return (await server.app.dataSource.query(
    `SELECT id, survey_id, status, skip_reason, send_at, sent_at, subject_id FROM surveys_invitation WHERE customer_id = $1 ORDER BY created_at`,
    [customerId],
  )) as Array<{
    id: string;
    survey_id: string;
    status: string;
    skip_reason: string | null;
    send_at: Date;
    sent_at: Date | null;
    subject_id: string;
  }>;
}

/** Wait until the plugin decided about the request's survey (the event is delivered after commit). */
export function waitForInvitation(server: TestServer, customerId: string, count = 1) {
  return eventually(
    async () => {
      const rows = await invitationsOf(server, customerId);
      return rows.length >= count ? rows : undefined;
    },
    { timeoutMs: 30_000, what: `${count} survey invitation(s)` },
  );
}

/** The score links in a survey e-mail, by score. */
export function scoreLinks(text: string): Map<number, string> {
  const links = new Map<number, string>();
  for (const m of text.matchAll(/^\s+(\d+): (\S+)$/gm)) links.set(Number(m[1]), m[2]!);
  return links;
}

/** The token of a survey link. */
export function tokenOf(link: string): string {
  return decodeURIComponent(/\/survey\/([^?]+)/.exec(link)![1]!);
}

/** Wait for the survey e-mail (not the service desk's own messages) to `to`. */
export function surveyMail(server: TestServer, to: string, timeoutMs = 30_000) {
  return eventually(
    () => server.messages.filter((m) => m.to === to.toLowerCase() && /How did we do|Qué tal lo hicimos/.test(m.subject)).at(-1),
    {
      timeoutMs,
      what: `a survey e-mail to ${to}`,
    },
  );
}
