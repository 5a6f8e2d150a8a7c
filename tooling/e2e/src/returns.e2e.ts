// Browser test of returns: a customer withdraws from the contract through the portal's two-step
// withdrawal function and gets the acknowledgement mail; an agent approves, receives and inspects
// the item and issues the refund in the console; the dashboard widget counts it.
import returns from '@aftercare/returns';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { useBrowser } from './browser.js';
import { usePortal } from './portal.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);
const { portalUrl, waitForMail, signInWithCode } = usePortal(() => server);
const EMAIL = 'wanda.withdraw@e2e.example';

before(async () => {
  server = await startE2eServer({ plugins: [returns], jobs: true });
  const admin = server.admin;
  const product = await graphqlAs<{ createProduct: { id: string } }>(
    admin,
    'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }',
    {
      i: { name: 'Espresso machine', category: 'Kitchen' },
    },
  );
  const model = await graphqlAs<{ createProductModel: { id: string } }>(
    admin,
    'mutation($i: CreateProductModelInput!) { createProductModel(input: $i) { id } }',
    { i: { productId: product.createProduct.id, sku: 'ESP-9', name: 'Espresso 9 bar', warrantyMonths: 24, returnWindowDays: 30 } },
  );
  const customer = await graphqlAs<{ createCustomer: { id: string } }>(
    admin,
    'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }',
    {
      i: { name: 'Wanda Withdraw', email: EMAIL, timeZone: 'Europe/Madrid' },
    },
  );
  const deliveredAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const purchasedAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
  await graphqlAs(admin, 'mutation($i: CreatePurchaseInput!) { createPurchase(input: $i) { id } }', {
    i: {
      customerId: customer.createCustomer.id,
      modelId: model.createProductModel.id,
      serialNumber: 'ESP-0001',
      purchasedAt,
      deliveredAt,
      orderReference: 'ORD-7781',
      channel: 'online',
      priceMinor: 12900,
      currency: 'EUR',
    },
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('returns', () => {
  let reference = '';

  it('customer: withdraws through the two-step withdrawal function and gets the acknowledgement mail', async () => {
    const page = await newPage();
    await signInWithCode(page, EMAIL);
    await page.getByRole('link', { name: 'Withdraw from contract here' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Withdraw from contract here' }).waitFor();
    await page.locator('[data-test="withdraw-form"] input[type="checkbox"]').first().check();
    await page
      .getByLabel('Contract details (order number, your name, anything that identifies the contract)')
      .fill('Order ORD-7781, Wanda');
    await page.locator('[data-test="withdraw-next"]').click();
    // The separate confirmation step: nothing is sent before "Confirm withdrawal".
    await page.locator('[data-test="withdraw-confirm-step"]').waitFor();
    await shot(page, 'returns-01-confirm-withdrawal');
    await page.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const done = page.locator('[data-test="withdraw-done"]');
    await done.waitFor();
    const heading = (await done.locator('h2').textContent()) ?? '';
    reference = /RET-\d+/.exec(heading)?.[0] ?? '';
    assert.ok(reference, `acknowledgement names the reference: ${heading}`);
    assert.match((await done.locator('pre').textContent()) ?? '', /ORD-7781/);
    const mail = await waitForMail(EMAIL, /Acknowledgement of your withdrawal/);
    assert.match(mail.text, new RegExp(reference));
    assert.match(mail.text, /Confirmed: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await page.goto(portalUrl('returns'));
    await page.getByRole('link', { name: reference }).waitFor();
  });

  it('agent: approves, receives and inspects the item, and issues the refund; the dashboard widget counts it', async () => {
    const page = await newPage();
    await signIn(page, server.agent);
    await page.locator('nav').getByRole('link', { name: 'Returns', exact: true }).click();
    // Staff can also request a return for a customer from the inbox.
    await page.locator('[data-test="new-return"]').click();
    await page.locator('[data-test="new-return-dialog"]').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('cell', { name: reference }).click();
    await page.locator('[data-test="return-status"]').getByText('Requested').waitFor();
    await page.locator('[data-test="approve"]').click();
    await page.locator('[data-test="return-status"]').getByText('Awaiting item').waitFor();
    await page.locator('[data-test="returned-serial"] input').fill('ESP-0001');
    await page.locator('[data-test="receive"]').click();
    await page.locator('[data-test="return-status"]').getByText('Received').waitFor();
    const form = page.locator('[data-test="inspect-form"]');
    await form.locator('[data-test="grade"] .n-base-selection').click();
    await page.locator('.n-base-select-option').filter({ hasText: 'Like new' }).click();
    await form.locator('[data-test="disposition"] .n-base-selection').click();
    await page.locator('.n-base-select-option').filter({ hasText: 'Restock' }).click();
    await form.locator('[data-test="inspect"]').click();
    await page.locator('[data-test="return-status"]').getByText('Inspected').waitFor();
    await shot(page, 'returns-02-inspected');
    await page.locator('[data-test="issue-refund"]').click();
    await page.locator('[data-test="return-status"]').getByText('Refunded').waitFor();
    assert.match((await page.locator('[data-test="refund-total"]').textContent()) ?? '', /129/);
    await shot(page, 'returns-03-refunded');
    await page.locator('nav').getByRole('link', { name: 'Dashboard' }).click();
    const tile = page.locator('[data-test="returns-widget"] [data-tile="refunded"]');
    await tile.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-tile="refunded"]')?.textContent?.includes('1'));
    await shot(page, 'returns-04-dashboard');
  });
});
