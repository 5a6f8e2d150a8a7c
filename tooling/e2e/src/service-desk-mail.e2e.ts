// Browser test of the e-mail channel and the notification centre: a supervisor configures a mailbox in the
// settings, a customer's mail arrives over SMTP, and an agent of the team is told in the console and opens the
// new case from the bell. Screenshots go to tooling/e2e/artifacts/.
import serviceDesk from '@aftercare/service-desk';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { useBrowser } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);

before(async () => {
  // Jobs deliver the events that notify staff; the SMTP listener takes the customer's mail.
  server = await startE2eServer({
    plugins: [serviceDesk],
    config: { jobs: true, jobPollSeconds: 0.5, mailListenPort: 0, mailPoll: false },
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('e-mail channel and notifications', () => {
  it('a supervisor adds a mailbox for a team in the settings', async () => {
    const team = await graphqlAs<{ saveServiceDeskTeam: { id: string } }>(
      server.admin,
      'mutation { saveServiceDeskTeam(input: { name: "Mail team", autoAssign: MANUAL }) { id } }',
    );
    const { staffUsers } = await graphqlAs<{ staffUsers: { items: Array<{ id: string; email: string }> } }>(
      server.admin,
      '{ staffUsers(take: 100) { items { id email } } }',
    );
    const agentId = staffUsers.items.find((u) => u.email === server.agent.email)!.id;
    await graphqlAs(
      server.admin,
      'mutation ($input: ServiceDeskTeamMemberInput!) { setServiceDeskTeamMember(input: $input) { staffUserId } }',
      { input: { teamId: team.saveServiceDeskTeam.id, staffUserId: agentId, supervisor: false, absent: false } },
    );

    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/service-desk/settings/mail`);
    await page.getByText('No mailboxes yet.').waitFor();
    await page.getByRole('button', { name: 'New mailbox' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Address' }).fill('not an address');
    await dialog.getByRole('textbox', { name: 'Sender name of answers' }).fill('Acme Support');
    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await dialog.getByText('must be an e-mail address').waitFor();
    await dialog.getByRole('textbox', { name: 'Address' }).fill('help@acme.example');
    await dialog.locator('.n-select').nth(1).click();
    await page.getByText('Mail team', { exact: true }).last().click();
    await dialog.getByRole('button', { name: 'Create mailbox' }).click();
    await page.locator('.n-drawer').getByText('help@acme.example').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('cell', { name: 'help@acme.example' }).waitFor();
    await page.getByText('Nothing held back.').waitFor();
    await shot(page, 'mail-01-mailboxes');
  });

  it('an agent of the team is told about the mailed case and opens it from the bell', async () => {
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: server.app.smtpPort!, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      from: 'Nora Buyer <nora@example.org>',
      to: 'help@acme.example',
      subject: 'Dryer makes noise',
      text: 'Loud since Friday.',
    });
    smtp.close();

    const page = await newPage();
    await signIn(page, server.agent);
    const bell = page.getByRole('button', { name: 'Notifications (1 unread)' });
    // The count refreshes every 30 s; a reload asks at once (the notification is written after commit, by a job).
    for (let i = 0; i < 40 && !(await bell.isVisible()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.locator('[data-test="notification-bell"]').waitFor();
    }
    await bell.click();
    const entry = page.getByRole('button', { name: /New case SD-\d+ in your team's queue: Dryer makes noise/ });
    await entry.waitFor();
    await shot(page, 'mail-02-notification');
    await entry.click();
    await page.waitForURL(/\/service-desk\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('Loud since Friday.').first().waitFor();
    assert.match(page.url(), /\/service-desk\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
  });
});
