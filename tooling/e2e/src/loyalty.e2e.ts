// Browser test of loyalty: a service-desk compensation of store credit, approved by a second person,
// shows as points in the customer's portal balance; the customer redeems a reward there; an
// administrator draws a sweepstake in the console and opens its proof.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import loyalty from '@aftercare/loyalty';
import serviceDesk from '@aftercare/service-desk';
import { useBrowser } from './browser.js';
import { usePortal } from './portal.js';
import { type Account, type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);
const { portalUrl, signInWithCode } = usePortal(() => server);

const CUSTOMER_EMAIL = 'marta@e2e.example';
const supervisor: Account = { email: 'sam@e2e.example', password: 'e2e supervisor password', name: 'Sam Supervisor' };

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk, loyalty], jobs: true });
  const admin = server.admin;
  const roles = await graphqlAs<{ roles: { items: Array<{ id: string; name: string }> } }>(admin, '{ roles { items { id name } } }');
  const roleId = roles.roles.items.find((r) => r.name === 'Supervisor')!.id;
  await graphqlAs(admin, 'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id } }', {
    i: { ...supervisor, roleIds: [roleId] },
  });
  const customer = await graphqlAs<{ createCustomer: { id: string } }>(
    admin,
    'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }',
    {
      i: { name: 'Marta Ruiz', email: CUSTOMER_EMAIL, locale: 'en' },
    },
  );
  const customerId = customer.createCustomer.id;
  const claim = await graphqlAs<{ createCase: { id: string } }>(admin, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
    i: { customerId, kind: 'CLAIM', channel: 'PHONE', subject: 'Late delivery', description: 'The washer arrived two weeks late.' },
  });
  const proposed = await graphqlAs<{ proposeCompensation: { id: string } }>(
    admin,
    'mutation($i: ProposeCompensationInput!) { proposeCompensation(input: $i) { id } }',
    {
      i: {
        caseId: claim.createCase.id,
        type: 'STORE_CREDIT',
        valueMinor: 2500,
        currency: 'EUR',
        description: 'Store credit for the delay',
        idempotencyKey: randomUUID(),
      },
    },
  );
  await graphqlAs(supervisor, 'mutation($i: DecideCompensationInput!) { decideCompensation(input: $i) { id } }', {
    i: { compensationId: proposed.proposeCompensation.id, decision: 'APPROVE', reason: 'Agreed with the customer' },
  });
  await graphqlAs(admin, 'mutation($i: SaveLoyaltyRewardInput!) { saveReward(input: $i) { id } }', {
    i: { name: 'Free repair labour', description: 'One repair visit without labour costs.', kind: 'FREE_SERVICE', costPoints: 1000 },
  });
  const sweep = await graphqlAs<{ saveSweepstake: { id: string } }>(
    admin,
    'mutation($i: SaveLoyaltySweepstakeInput!) { saveSweepstake(input: $i) { id } }',
    {
      i: {
        name: 'Summer draw',
        prize: 'Coffee machine',
        winnersCount: 1,
        rulesText: 'One entry per survey answered. Free entry on request. No purchase necessary.',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        entryEvents: ['surveys.response.submitted'],
      },
    },
  );
  await graphqlAs(admin, 'mutation($i: AddLoyaltySweepstakeEntryInput!) { addSweepstakeEntry(input: $i) { id } }', {
    i: { sweepstakeId: sweep.saveSweepstake.id, customerId },
  });
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('loyalty', () => {
  it('an approved compensation shows as credit in the portal balance, and the customer redeems a reward', async () => {
    const page = await newPage();
    await signInWithCode(page, CUSTOMER_EMAIL);
    await page.goto(portalUrl('loyalty'));
    // The compensation event is delivered by a background job: reload until the credit is there.
    for (let i = 0; i < 40; i++) {
      const text = await page.locator('[data-test="balance"]').textContent({ timeout: 10_000 });
      if (text?.trim() === '2500') break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    assert.equal((await page.locator('[data-test="balance"]').textContent())?.trim(), '2500');
    await page.locator('[data-test="history"]').getByText('Service recovery compensation').waitFor();
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.locator('[data-test="redeemed"]').getByText('Redeemed: Free repair labour').waitFor();
    await page.locator('[data-test="balance"]').getByText('1500', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Your redemptions' }).waitFor();
    await shot(page, 'loyalty-portal-redeemed');
  });

  it('an administrator draws the sweepstake and opens its proof', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Sweepstakes' }).click();
    await page.getByRole('cell', { name: 'Summer draw' }).waitFor();
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Draw', exact: true }).click();
    await page.getByText('Winners drawn').waitFor();
    await page.getByRole('button', { name: 'Proof', exact: true }).click();
    const card = page.locator('[data-test="proof-card"]');
    await card.locator('[data-test="seed"]').waitFor();
    const seed = (await card.locator('[data-test="seed"]').textContent())!.trim();
    const seedHash = (await card.locator('[data-test="seed-hash"]').textContent())!.trim();
    assert.match(seed, /^[0-9a-f]{64}$/);
    assert.match(seedHash, /^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    assert.equal(createHash('sha256').update(seed).digest('hex'), seedHash);
    await shot(page, 'loyalty-sweepstake-proof');
  });
});
