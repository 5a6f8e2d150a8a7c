// Browser test of the service desk console: an agent works a claim from the inbox to resolution, a
// supervisor approves the compensation the agent proposed (the agent cannot), and the dashboard
// overview counts the resolved case. Screenshots go to tooling/e2e/artifacts/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANONYMOUS, Role } from '@aftercare/core';
import serviceDesk from '@aftercare/service-desk';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.js';
import { type Account, type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser } = useBrowser(() => server);
const supervisor: Account = { email: 'sam@e2e.example', password: 'e2e supervisor password', name: 'Sam Supervisor' };
let caseId = '';
let reference = '';

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk] });
  const roles = await server.app.dataSource.getRepository(Role).find();
  await server.app.identity.createStaffUser(
    ANONYMOUS,
    { ...supervisor, roleIds: [roles.find((r) => r.name === 'Supervisor')!.id] },
    { skipGrantCheck: true },
  );
  const { createCustomer } = await graphqlAs<{ createCustomer: { id: string } }>(
    server.admin,
    'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: 'Carmen Cliente', email: 'carmen@e2e.example' } },
  );
  const { staffUsers } = await graphqlAs<{ staffUsers: { items: Array<{ id: string; email: string }> } }>(
    server.admin,
    '{ staffUsers(take: 100) { items { id email } } }',
  );
  const idOf = (email: string) => staffUsers.items.find((s) => s.email === email)!.id;
  const { saveServiceDeskTeam: team } = await graphqlAs<{ saveServiceDeskTeam: { id: string } }>(
    supervisor,
    'mutation { saveServiceDeskTeam(input: { name: "Front line" }) { id } }',
  );
  for (const [email, isSupervisor] of [
    [server.agent.email, false],
    [supervisor.email, true],
  ] as const) {
    await graphqlAs(supervisor, 'mutation ($input: ServiceDeskTeamMemberInput!) { setServiceDeskTeamMember(input: $input) { teamId } }', {
      input: { teamId: team.id, staffUserId: idOf(email), supervisor: isSupervisor },
    });
  }
  await graphqlAs(supervisor, 'mutation ($input: CannedResponseInput!) { saveCannedResponse(input: $input) { id } }', {
    input: { name: 'Apology', body: 'Dear {{customer.name}}, we are sorry about {{case.subject}} ({{case.reference}}). {{agent.name}}' },
  });
  const { createCase } = await graphqlAs<{ createCase: { id: string; reference: string } }>(
    server.agent,
    'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id reference } }',
    {
      input: {
        customerId: createCustomer.id,
        kind: 'CLAIM',
        channel: 'PHONE',
        subject: 'Kettle arrived dented',
        description: 'The kettle delivered yesterday has a dent on the side and the lid does not close.',
        teamId: team.id,
        assigneeId: idOf(server.agent.email),
      },
    },
  );
  caseId = createCase.id;
  reference = createCase.reference;
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

// This flow has many steps on one page; allow for a busy CI machine rather than fail on a slow render.
async function openPage(): Promise<Page> {
  const page = await newPage();
  page.setDefaultTimeout(45_000);
  return page;
}
const caseRow = (page: Page) => page.locator('tbody tr', { hasText: reference });
async function choose(page: Page, select: string, option: string) {
  await page.locator(`[data-test="${select}"]`).click();
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
}

describe('service desk', () => {
  let agentPage: Page;

  it('inbox: the agent finds the case in "My cases" with its SLA countdown', async () => {
    agentPage = await openPage();
    await signIn(agentPage, server.agent);
    assert.ok((await navLabels(agentPage)).includes('Cases'), 'the agent sees the Cases entry');
    await agentPage.getByRole('link', { name: 'Cases' }).first().click();
    await agentPage.getByRole('heading', { name: 'Cases' }).waitFor();
    await agentPage.locator('[data-view="mine"]').click();
    await agentPage.waitForURL(/view=mine/);
    await caseRow(agentPage).waitFor();
    const row = (await caseRow(agentPage).textContent()) ?? '';
    assert.match(row, /Kettle arrived dented/);
    assert.match(row, /Carmen Cliente/);
    assert.match(row, /Claim/);
    assert.match(row, /due in \d/);
    await shot(agentPage, 'sd-01-inbox');

    // A filter that excludes the case empties the list and offers to clear the filters.
    await agentPage.goto(`${server.url}/service-desk/cases?kind=INQUIRY`);
    await agentPage.getByText('No cases match these filters.').waitFor();
    await agentPage.getByRole('button', { name: 'Clear filters' }).click();
    await caseRow(agentPage).waitFor();
  });

  it('case page: a public reply with a canned response meets the first-response target', async () => {
    await caseRow(agentPage).getByRole('link', { name: reference }).click();
    await agentPage.waitForURL(new RegExp(`/service-desk/cases/${caseId}$`));
    await agentPage.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    const firstResponse = agentPage.locator('[data-target="firstResponse"] [data-sla]');
    assert.equal(await firstResponse.getAttribute('data-sla'), 'dueIn');
    // Only the transitions the server allows for a new case are offered; closing is not one of them.
    const transitions = await agentPage
      .locator('[data-transition]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-transition')));
    assert.deepEqual(transitions.sort(), ['OPEN', 'RESOLVED', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY']);
    assert.equal(await agentPage.getByRole('button', { name: 'Close' }).count(), 0);

    await choose(agentPage, 'canned', 'Apology');
    const composer = agentPage.locator('[data-test="composer"] textarea');
    assert.equal(
      await composer.inputValue(),
      `Dear Carmen Cliente, we are sorry about Kettle arrived dented (${reference}). ${server.agent.name}`,
    );
    await composer.fill(`${await composer.inputValue()}\nWe will send a replacement lid.`);
    await agentPage.getByRole('button', { name: 'Send reply' }).click();
    await agentPage.locator('[data-kind="REPLY"]').waitFor();
    await agentPage.locator('[data-target="firstResponse"] [data-sla="met"]').waitFor();
    assert.match((await agentPage.locator('[data-target="firstResponse"]').textContent()) ?? '', /met/);

    // An internal note is marked as such and does not go to the customer.
    await agentPage.locator('[data-test="mode-note"]').click();
    await composer.fill('Customer sounded upset; offered a refund of the delivery.');
    await agentPage.getByRole('button', { name: 'Add note' }).click();
    await agentPage.locator('[data-kind="NOTE"]').waitFor();
    assert.match((await agentPage.locator('[data-kind="NOTE"]').textContent()) ?? '', /Internal note/);
    await shot(agentPage, 'sd-02-case');
  });

  it('compensation: the agent proposes, cannot approve it, and the server refuses it too', async () => {
    await agentPage.locator('[data-test="propose"]').click();
    await agentPage.locator('[data-test="amount"] input').fill('25');
    await agentPage.getByLabel('What is granted and why').fill('Refund of the delivery charge for the dented kettle.');
    await agentPage.getByRole('button', { name: 'Propose', exact: true }).click();
    const item = agentPage.locator('[data-test="compensation"] [data-status="PROPOSED"]');
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Refund · €25\.00/);
    await agentPage.locator('[data-test="own-proposal"]').waitFor();
    assert.equal(await agentPage.locator('[data-test="approve"]').count(), 0, 'the proposer sees no Approve button');
    await agentPage.locator('[data-test="compensation"]').scrollIntoViewIfNeeded();
    await shot(agentPage, 'sd-03-compensation-proposed');

    const { case: c } = await graphqlAs<{ case: { compensations: Array<{ id: string }> } }>(
      server.agent,
      'query ($id: ID!) { case(id: $id) { compensations { id } } }',
      { id: caseId },
    );
    await assert.rejects(
      graphqlAs(server.agent, 'mutation ($input: DecideCompensationInput!) { decideCompensation(input: $input) { id } }', {
        input: { compensationId: c.compensations[0]!.id, decision: 'APPROVE', reason: 'fine' },
      }),
      /someone else has to approve it/,
    );
  });

  it('compensation: a supervisor approves it with a reason', async () => {
    const page = await openPage();
    await signIn(page, supervisor);
    await page.goto(`${server.url}/service-desk/cases/${caseId}`);
    await page.locator('[data-test="approve"]').click();
    await page.locator('[data-test="decision-reason"] textarea').fill('Delivery damage confirmed by the courier.');
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    const approved = page.locator('[data-test="compensation"] [data-status="APPROVED"]');
    await approved.waitFor();
    assert.match((await approved.textContent()) ?? '', new RegExp(`Decided by ${supervisor.email}`));
    assert.match((await approved.textContent()) ?? '', /Delivery damage confirmed/);
    await page.locator('[data-test="compensation"]').scrollIntoViewIfNeeded();
    await shot(page, 'sd-04-compensation-approved');
  });

  it('resolve: the agent resolves with a category and root cause from the configured lists', async () => {
    await agentPage.reload();
    await agentPage.locator('[data-transition="RESOLVED"]').click();
    const dialog = agentPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Resolve case' }).click();
    // Without a root cause the server says what is missing, under the field.
    await dialog.getByText('choose a root cause').waitFor();
    await choose(agentPage, 'category', 'Delivery');
    await choose(agentPage, 'root-cause', 'Shipping damage');
    await dialog.getByRole('button', { name: 'Resolve case' }).click();
    await agentPage.locator('.ak-status[data-state="RESOLVED"]').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await agentPage.locator('dd[data-test="outcome"]').textContent(), 'Resolved');
    const transitions = await agentPage
      .locator('[data-transition]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-transition')));
    assert.deepEqual(transitions, ['OPEN'], 'a resolved case offers reopening (and closing)');
    assert.equal(await agentPage.locator('[data-transition="OPEN"]').textContent(), 'Reopen');
  });

  it('dashboard: the overview counts the resolved case and its SLA compliance', async () => {
    const page = await openPage();
    await signIn(page, supervisor);
    const widget = page.locator('[data-test="service-desk-overview"]');
    await widget.waitFor();
    assert.equal((await widget.locator('[data-kpi="opened"]').textContent())?.trim(), '1');
    assert.equal((await widget.locator('[data-kpi="resolved"]').textContent())?.trim(), '1');
    assert.equal((await widget.locator('[data-kpi="compliance"]').textContent())?.trim(), '100 %');
    assert.ok((await widget.locator('canvas').count()) >= 2, 'volume and root-cause charts are drawn');
    await widget.scrollIntoViewIfNeeded();
    await shot(page, 'sd-05-dashboard');
    // The case page reads as well in the dark theme (notes, replies and timers keep their tones).
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.goto(`${server.url}/service-desk/cases/${caseId}`);
    await page.locator('[data-kind="NOTE"]').waitFor();
    await shot(page, 'sd-06-case-dark');
    // The agent has no metrics permission: no overview on their dashboard.
    await agentPage.goto(`${server.url}/`);
    await agentPage.getByRole('heading', { name: 'Dashboard' }).waitFor();
    assert.equal(await agentPage.locator('[data-test="service-desk-overview"]').count(), 0);
  });
});
