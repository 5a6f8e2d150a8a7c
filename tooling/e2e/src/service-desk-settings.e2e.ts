// Browser tests of the service desk settings pages: teams and members, categories and root causes,
// canned responses with their preview, thresholds and rules. Screenshots go to tooling/e2e/artifacts/.
import serviceDesk from '@aftercare/service-desk';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { useBrowser } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser } = useBrowser(() => server);

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk] });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('service desk settings', () => {
  it('an agent without the settings permission sees no settings navigation, and the server refuses them', async () => {
    const page = await newPage();
    await signIn(page, server.agent);
    const nav = await navLabels(page);
    assert.ok(!nav.includes('Service desk'), `agent nav: ${nav.join(', ')}`);
    await page.goto(`${server.url}/service-desk/settings/rules`);
    await page.getByText('No access').first().waitFor();
    await assert.rejects(
      graphqlAs(server.agent, 'mutation { updateServiceDeskSettings(input: { reopenWindowDays: 1 }) { reopenWindowDays } }'),
      /permission/i,
    );
  });

  it('creates a team and adds the agent as a member, away for now', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    assert.ok((await navLabels(page)).includes('Service desk'));
    await page.getByRole('link', { name: 'Service desk' }).click();
    await page.getByRole('heading', { name: 'Service desk settings' }).waitFor();
    await page.locator('[data-section="service-desk.settings.teams"]').getByText('0 teams, 0 people').waitFor();
    await shot(page, 'sd-01-settings-overview');

    await page.locator('.sd-settings-nav').getByText('Teams', { exact: true }).click();
    await page.getByText('No teams yet.').waitFor();
    await page.getByRole('button', { name: 'New team' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Front line');
    await dialog.getByText('Round robin').click();
    await dialog.getByRole('button', { name: 'Create team' }).click();

    // The new team opens in the drawer: add the agent with the staff picker.
    const drawer = page.locator('.n-drawer');
    await drawer.getByText('Nobody in this team yet.').waitFor();
    await drawer.locator('[data-test="staff-picker"]').click();
    await page.keyboard.type('Alex');
    await page.locator('.n-base-select-option').filter({ hasText: 'Alex Agent' }).click();
    await drawer.getByRole('button', { name: 'Add to team' }).click();
    const member = drawer.getByRole('row').filter({ hasText: 'agent@e2e.example' });
    await member.waitFor();
    await drawer.getByRole('switch', { name: 'Alex Agent is away' }).click();
    await shot(page, 'sd-02-team-drawer');

    const teams = await graphqlAs<{ serviceDeskTeams: Array<{ name: string; autoAssign: string; members: Array<{ absent: boolean }> }> }>(
      server.admin,
      '{ serviceDeskTeams { name autoAssign members { absent } } }',
    );
    assert.deepEqual(teams.serviceDeskTeams, [{ name: 'Front line', autoAssign: 'ROUND_ROBIN', members: [{ absent: true }] }]);

    await page.keyboard.press('Escape');
    const row = page.getByRole('row').filter({ hasText: 'Front line' });
    await row.getByText('1 member, 1 away').waitFor();
    await shot(page, 'sd-03-teams');
  });

  it('adds a category and a root cause, kept after reload', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/service-desk/settings/categories`);
    const categories = page.locator('[data-codes="categories"]');
    await categories.getByText('Product defect').waitFor();
    await categories.getByLabel('New entry for Categories').fill('installation');
    await categories.getByRole('button', { name: 'Add', exact: true }).click();
    await categories.getByText('Unsaved changes').waitFor();
    await categories.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').first().waitFor();

    const rootCauses = page.locator('[data-codes="rootCauses"]');
    await rootCauses.getByLabel('New entry for Root causes').fill('wrong_setup');
    await rootCauses.getByLabel('New entry for Root causes').press('Enter');
    // Enter adds the entry; it does not submit the form.
    await rootCauses.getByText('Unsaved changes').waitFor();
    await rootCauses.getByRole('button', { name: 'Move wrong_setup up' }).click();
    await rootCauses.getByRole('button', { name: 'Save' }).click();
    await rootCauses.getByText('Unsaved changes').waitFor({ state: 'detached' });

    await page.reload();
    await categories.locator('[data-code="installation"]').waitFor();
    const causes = await rootCauses.locator('li[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.deepEqual(causes.slice(-2), ['wrong_setup', 'other']);
    await shot(page, 'sd-04-categories');
  });

  it('writes a canned response with placeholders and sees its preview', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/service-desk/settings/canned-responses`);
    await page.getByText('No canned responses yet.').waitFor();
    await page.getByRole('button', { name: 'New canned response' }).click();
    const drawer = page.locator('.n-drawer');
    await drawer.getByLabel('Name').fill('Refund confirmed');
    const body = drawer.getByLabel('Text');
    await body.fill('Hello ');
    await drawer.locator('[data-placeholder="customer.name"]').click();
    await body.press('End');
    await body.pressSequentially(', your refund for ');
    await drawer.locator('[data-placeholder="case.reference"]').click();
    await body.press('End');
    await body.pressSequentially(' is on its way. {{case.colour}}');
    const preview = drawer.locator('[data-test="canned-preview"]');
    await preview.getByText('Hello Maria García, your refund for SD-1042 is on its way.').waitFor();
    await preview.getByText('1 unknown placeholder:').waitFor();
    await shot(page, 'sd-05-canned-editor');

    // The server refuses the unknown placeholder under the text field.
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer
      .locator('[data-field="body"]')
      .getByText(/unknown placeholder\(s\) \{\{case\.colour\}\}/)
      .waitFor();
    await body.fill(`Hello {{customer.name}}, your refund for {{case.reference}} is on its way.`);
    await preview.getByText('1 unknown placeholder:').waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: 'Refund confirmed' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });

    // The search goes into the URL, and the list follows it.
    const search = page.getByLabel('Search by name or text');
    await search.fill('nothing like this');
    await page.waitForURL(/q=nothing/, { timeout: 3_000 }).catch(() => search.fill('nothing like this'));
    await page.waitForURL(/q=nothing/);
    await page.getByText('No canned response matches this search.').waitFor();
    await page.getByLabel('Search by name or text').fill('refund');
    await page.getByRole('row').filter({ hasText: 'Refund confirmed' }).waitFor();
    assert.match(new URL(page.url()).search, /q=refund/);
    await shot(page, 'sd-06-canned-list');
  });

  it('changes the approval threshold, kept after reload; an invalid currency shows the field error', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/service-desk/settings/rules`);
    const threshold = page.getByLabel('Approval threshold');
    await threshold.waitFor();
    assert.equal(await threshold.inputValue(), '100.00');
    await threshold.fill('250');
    await threshold.press('Tab');
    await page.getByText('Compensation worth more than €250.00 needs').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').first().waitFor();
    await page.reload();
    await page.getByLabel('Approval threshold').waitFor();
    assert.equal(await page.getByLabel('Approval threshold').inputValue(), '250.00');

    await page.getByLabel('Currency').fill('EURO');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-field="compensationCurrency"]').getByText('must be an ISO 4217 currency code such as EUR or USD').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Some values need fixing.' }).waitFor();
    await shot(page, 'sd-07-rules-error');

    const settings = await graphqlAs<{ serviceDeskSettings: { compensationApprovalThresholdMinor: number; compensationCurrency: string } }>(
      server.admin,
      '{ serviceDeskSettings { compensationApprovalThresholdMinor compensationCurrency } }',
    );
    assert.deepEqual(settings.serviceDeskSettings, { compensationApprovalThresholdMinor: 25000, compensationCurrency: 'EUR' });
  });

  it('a change saved elsewhere meanwhile is reported, not overwritten', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/service-desk/settings/rules`);
    await page.getByLabel('Reopen window').waitFor();
    await graphqlAs(server.admin, 'mutation { updateServiceDeskSettings(input: { reopenWindowDays: 30 }) { version } }');
    await page.getByLabel('Reopen window').fill('7');
    await page.getByLabel('Reopen window').press('Tab');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else saved these settings while you were editing.').waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => (document.querySelector('[data-field="reopenWindowDays"] input') as HTMLInputElement)?.value === '30');
    await page.getByText('Someone else saved these settings while you were editing.').waitFor({ state: 'detached' });
    await shot(page, 'sd-08-rules');
  });

  it('the plugin’s entry on the Plugin settings page shows the service desk overview', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/settings/service-desk`);
    await page.locator('[data-section="service-desk.settings.teams"]').getByText('1 team, 1 person').waitFor();
    await page.getByText('Approval above €250.00').waitFor();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForTimeout(700); // the dark theme is its own chunk; let it load and fade in
    await shot(page, 'sd-09-plugin-settings-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
  });
});
