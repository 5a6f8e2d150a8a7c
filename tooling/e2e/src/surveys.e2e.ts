// Browser test of surveys: a case is resolved, the survey e-mail is written, the customer clicks a
// score in it, answers the follow-up on the public page, the detractor's complaint case appears in
// the service desk inbox and the analytics page shows the new score. Screenshots go to tooling/e2e/artifacts/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import serviceDesk from '@aftercare/service-desk';
import surveys from '@aftercare/surveys';
import { useBrowser } from './browser.js';
import { usePortal } from './portal.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);
const { waitForMail } = usePortal(() => server);
const email = 'olga@e2e.example';

/** A zone where it is daytime now, so the customer's quiet hours (21:00–08:00) do not hold the survey back. */
function daytimeZone(): string {
  const zones = ['Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
  const hour = (zone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date()));
  return zones.find((z) => hour(z) >= 9 && hour(z) <= 19) ?? 'UTC';
}

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk, surveys], jobs: true });
  const { saveSurvey } = await graphqlAs<{ saveSurvey: { id: string } }>(
    server.admin,
    'mutation ($i: SaveSurveyInput!) { saveSurvey(input: $i) { id } }',
    {
      i: {
        name: 'After case resolution',
        kind: 'NPS',
        defaultLocale: 'en',
        question: [{ locale: 'en', text: 'How likely are you to recommend us?' }],
        thankYou: [{ locale: 'en', text: 'Thank you, we will be in touch.' }],
        followUps: [{ key: 'what_went_wrong', type: 'TEXT', label: [{ locale: 'en', text: 'What went wrong?' }], maxScore: 6 }],
      },
    },
  );
  await graphqlAs(server.admin, 'mutation ($i: SaveSurveyTriggerInput!) { saveSurveyTrigger(input: $i) { id } }', {
    i: { surveyId: saveSurvey.id, eventType: 'service-desk.case.resolved', delayMinutes: 0 },
  });
  const { createCustomer } = await graphqlAs<{ createCustomer: { id: string } }>(
    server.admin,
    'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: 'Olga Opinión', email, surveyConsent: true, timeZone: daytimeZone() } },
  );
  const { createCase } = await graphqlAs<{ createCase: { id: string } }>(
    server.agent,
    'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    {
      input: { customerId: createCustomer.id, kind: 'INQUIRY', channel: 'PHONE', subject: 'Descaling question', description: 'How often?' },
    },
  );
  await graphqlAs(server.agent, 'mutation ($i: ResolveCaseInput!) { resolveCase(input: $i) { id } }', {
    i: { caseId: createCase.id, outcome: 'RESOLVED', category: 'usage_question', rootCause: 'manufacturing_defect' },
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('surveys', () => {
  it('the customer answers with one click in the e-mail, then on the public page; the loop closes in the console', async () => {
    const mail = await waitForMail(email, /How did we do/);
    const link = /^\s+2: (\S+)$/m.exec(mail.text)?.[1];
    assert.ok(link, 'the e-mail carries one link per score');

    const page = await newPage();
    page.setDefaultTimeout(90_000); // a shared, busy machine can take long to serve the first portal load
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await page
      .getByTestId('survey-recorded')
      .waitFor()
      .catch(async (err: Error) => {
        // Say what the page showed instead: the failure is then readable without the screenshot.
        throw new Error(
          `${err.message}\nThe page showed: ${(
            await page
              .locator('main')
              .innerText()
              .catch(() => '')
          ).slice(0, 500)} at ${page.url()}`,
        );
      });
    await page.getByLabel('What went wrong?').fill('Nobody explained the descaling steps.');
    await shot(page, 'surveys-01-answer-page');
    await page.getByTestId('survey-submit').click();
    await page.getByText('Thank you, we will be in touch.').waitFor();
    // The used link now shows a clear page and nothing of the survey.
    await page.goto(link.replace(/\?score=\d+$/, ''));
    await page.getByTestId('survey-state').waitFor();
    assert.match((await page.getByTestId('survey-state').textContent()) ?? '', /already been answered/);

    const console_ = await newPage();
    console_.setDefaultTimeout(45_000);
    await signIn(console_, server.admin);
    await console_.goto(`${server.url}/service-desk/cases`);
    await console_.locator('tbody tr', { hasText: 'Unhappy survey answer' }).waitFor();
    await shot(console_, 'surveys-02-complaint-case');
    await console_.goto(`${server.url}/surveys/analytics`);
    const nps = console_.getByTestId('surveys-kpi-nps');
    await nps.getByText('n = 1').waitFor();
    assert.match((await nps.textContent()) ?? '', /-100/);
    await shot(console_, 'surveys-03-analytics');
    await console_.goto(`${server.url}/surveys/responses`);
    await console_.locator('tbody tr', { hasText: 'Nobody explained' }).waitFor();
  });
});
