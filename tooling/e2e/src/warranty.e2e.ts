// Browser test of the warranty console: an agent looks up a serial and files a claim, a supervisor
// approves it and opens a repair order, the technician diagnoses, uses a part and completes the
// repair, and the customer's own API and the console's service history show it.
import warranty from '@aftercare/warranty';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './browser.js';
import { type Account, type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser } = useBrowser(() => server);

const SERIAL = 'WM-E2E-0001';
const technician: Account = { email: 'tess@e2e.example', password: 'e2e technician password', name: 'Tess Technician' };
let customerId = '';
let partId = '';

before(async () => {
  server = await startE2eServer({ plugins: [warranty] });
  const admin = server.admin;
  const roles = await graphqlAs<{ roles: { items: Array<{ id: string; name: string }> } }>(admin, '{ roles { items { id name } } }');
  const roleId = roles.roles.items.find((r) => r.name === 'Technician')!.id;
  await graphqlAs(admin, 'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id } }', {
    i: { ...technician, roleIds: [roleId] },
  });
  const product = await graphqlAs<{ createProduct: { id: string } }>(
    admin,
    'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }',
    {
      i: { name: 'Washing machine', category: 'Washing machines' },
    },
  );
  const model = await graphqlAs<{ createProductModel: { id: string } }>(
    admin,
    'mutation($i: CreateProductModelInput!) { createProductModel(input: $i) { id } }',
    { i: { productId: product.createProduct.id, sku: 'WM-8KG', name: 'Washer 8 kg', warrantyMonths: 12, returnWindowDays: 14 } },
  );
  const modelId = model.createProductModel.id;
  await graphqlAs(admin, 'mutation($i: WarrantyPolicyInput!) { saveWarrantyPolicy(input: $i) { id } }', {
    i: {
      name: 'Washer 3-year warranty',
      modelId,
      months: 36,
      startFrom: 'PURCHASE',
      coverageTypes: ['PARTS', 'LABOUR', 'ON_SITE'],
      exclusions: ['accidental_damage'],
      legalBasis: 'COMMERCIAL_WARRANTY',
      usDesignation: 'LIMITED',
    },
  });
  const customer = await graphqlAs<{ createCustomer: { id: string } }>(
    admin,
    'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }',
    {
      i: {
        name: 'Lucía Fernández',
        email: 'lucia@e2e.example',
        timeZone: 'Europe/Madrid',
        addresses: [{ line1: 'Calle Mayor 1', city: 'Madrid', country: 'ES' }],
      },
    },
  );
  customerId = customer.createCustomer.id;
  const purchasedAt = new Date(Date.now() - 200 * 86_400_000).toISOString();
  const purchase = await graphqlAs<{ createPurchase: { id: string } }>(
    admin,
    'mutation($i: CreatePurchaseInput!) { createPurchase(input: $i) { id } }',
    { i: { customerId, modelId, serialNumber: SERIAL, purchasedAt, channel: 'online', priceMinor: 59900, currency: 'EUR' } },
  );
  // Background jobs are off in this server, so register the purchase as staff would.
  await graphqlAs(admin, 'mutation($i: RegisterWarrantyInput!) { registerWarranty(input: $i) { id } }', {
    i: { customerId, purchaseId: purchase.createPurchase.id },
  });
  const part = await graphqlAs<{ saveSparePart: { id: string } }>(
    admin,
    'mutation($i: SparePartInput!) { saveSparePart(input: $i) { id } }',
    { i: { sku: 'PUMP-01', name: 'Drain pump', stockQuantity: 3, costMinor: 3500, currency: 'EUR' } },
  );
  partId = part.saveSparePart.id;
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const stockOf = async () =>
  (
    await graphqlAs<{ spareParts: { items: Array<{ id: string; stockQuantity: number }> } }>(
      server.admin,
      '{ spareParts { items { id stockQuantity } } }',
    )
  ).spareParts.items.find((p) => p.id === partId)!.stockQuantity;

describe('warranty console', () => {
  let claimUrl = '';
  let repairUrl = '';

  it('agent: finds the serial covered and files a claim from the coverage lookup', async () => {
    const page = await newPage();
    await signIn(page, server.agent);
    const nav = await navLabels(page);
    for (const item of ['Coverage lookup', 'Claims', 'Repairs']) assert.ok(nav.includes(item), `agent nav has ${item}: ${nav.join(', ')}`);

    await page.getByRole('link', { name: 'Coverage lookup' }).click();
    await page.locator('[data-test="serial"] input').fill(SERIAL);
    await page.locator('[data-test="check"]').click();
    await page.locator('[data-test="verdict"]').getByText('Covered', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Washer 3-year warranty' }).waitFor();
    await shot(page, 'warranty-01-lookup');

    await page.locator('[data-test="file-claim"]').click();
    const dialog = page.locator('[data-test="file-claim-dialog"]');
    await dialog.getByLabel('Fault description').fill('The drum does not spin and the machine shows E21.');
    await dialog.getByRole('button', { name: 'File claim' }).click();
    await page.getByRole('heading', { name: /^WC-\d+ · WM-8KG · Washer 8 kg$/ }).waitFor();
    claimUrl = page.url();
    assert.match(new URL(claimUrl).pathname, /^\/warranty\/claims\/[0-9a-f-]{36}$/);
    assert.equal(await page.locator('.ak-status').first().textContent(), 'Submitted');
    // Agents file claims but do not decide them.
    await page.getByText('Waiting for a decision by a supervisor.').waitFor();
    assert.equal(await page.locator('[data-test="decision-panel"]').count(), 0);
  });

  it('inbox: the new claim is in the "to decide" view with its customer, model and SLA due date', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/warranty/claims?view=decide`);
    const row = page.locator('tbody tr').filter({ hasText: SERIAL });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    for (const expected of ['Submitted', 'WM-8KG · Washer 8 kg', 'Lucía Fernández'])
      assert.ok(text.includes(expected), `row shows ${expected}: ${text}`);
    await page.getByRole('radio', { name: 'Closed' }).click({ force: true });
    await page.getByText('No claim matches these filters.').waitFor();
    assert.match(page.url(), /view=closed/);
  });

  it('supervisor: approves the claim in the decision panel and opens a repair order for the technician', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(claimUrl);
    const panel = page.locator('[data-test="decision-panel"]');
    await panel.waitFor();
    await page.locator('[data-test="abuse-signals"]').getByText('No abuse signals for this claim.').waitFor();
    // A rejection needs a configured reason: the button stays disabled until one is picked.
    await panel.getByText('Reject', { exact: true }).click();
    assert.equal(await panel.getByRole('button', { name: 'Reject claim' }).isDisabled(), true);
    await panel.getByText('Approve', { exact: true }).click();
    await panel.getByLabel('Note on the decision').fill('Pump failure within warranty.');
    await shot(page, 'warranty-02-claim-decision');
    await panel.getByRole('button', { name: 'Approve claim' }).click();
    await page.locator('.ak-detail__titleline .ak-status').getByText('Approved').waitFor();
    await page.locator('[data-test="decision"]').getByText('Pump failure within warranty.').waitFor();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, 'warranty-02b-claim-approved-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();

    await page.locator('[data-test="create-repair"]').click();
    const dialog = page.locator('[data-test="new-repair-dialog"]');
    await dialog.locator('[data-test="technician-picker"]').click();
    await page.locator('.n-base-select-option').getByText(technician.name).click();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: /^RO-\d+ · WM-8KG · Washer 8 kg$/ }).waitFor();
    repairUrl = page.url();
    assert.match(new URL(repairUrl).pathname, /^\/warranty\/repairs\/[0-9a-f-]{36}$/);
  });

  it('technician: sees the order on the board, records the diagnosis, uses a part and completes the repair', async () => {
    const page = await newPage();
    await signIn(page, technician);
    const nav = await navLabels(page);
    assert.ok(nav.includes('Repairs'), `technician nav: ${nav.join(', ')}`);
    await page.getByRole('link', { name: 'Repairs' }).click();
    const openColumn = page.locator('[data-column="OPEN"]');
    await openColumn.getByText(SERIAL).waitFor();
    assert.ok(((await openColumn.textContent()) ?? '').includes(technician.name));
    await shot(page, 'warranty-03-repair-board');

    await page.goto(repairUrl);
    await page.getByLabel('Diagnosis').fill('Drain pump seized; impeller blocked.');
    // Saving the diagnosis changes no state, so the history (state changes) gets no entry: wait for the save itself.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('WarrantyRecordWork') && r.ok()),
      page.getByRole('button', { name: 'Save work' }).click(),
    ]);

    await shot(page, 'warranty-04a-repair-top');
    const before = await stockOf();
    await page.locator('[data-test="part-picker"]').click();
    await page.locator('.n-base-select-option').getByText('PUMP-01 · Drain pump (3 in stock)').click();
    await page.getByRole('button', { name: 'Use part' }).click();
    await page.locator('[data-test="parts-used"] tbody').getByText('PUMP-01').waitFor();
    assert.equal(await stockOf(), before - 1, 'one pump left the stock');
    await page.getByText('Parts cost: €35.00').waitFor();
    // Asking for more than is in stock is refused with a clear message and takes nothing.
    await page.locator('[data-test="part-picker"]').click();
    await page.locator('.n-base-select-option').getByText('PUMP-01 · Drain pump (2 in stock)').click();
    await page.getByLabel('Quantity').fill('5');
    await page.getByRole('button', { name: 'Use part' }).click();
    const refused = page.locator('[data-test="parts-used"] [role="alert"]');
    await refused.getByText('Not enough in stock: nothing was taken').waitFor();
    assert.match((await refused.textContent()) ?? '', /Only 2 of PUMP-01 in stock; 5 requested/);
    assert.equal(await stockOf(), before - 1, 'the refused request took nothing');

    await page.getByText('Repaired', { exact: true }).click();
    await shot(page, 'warranty-04-repair-detail');
    await page.getByRole('button', { name: 'Complete repair' }).click();
    await page.locator('.ak-detail__titleline .ak-status').getByText('Completed').waitFor();
    await page.locator('[data-test="outcome"]').getByText('Repaired').waitFor();
  });

  it('customer: their warranty and the service history of the serial show the completed repair', async () => {
    const { token } = await server.app.identity.createCustomerSession(customerId);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($s: String!) {
          myWarranties { items { serialNumber } }
          myWarrantyClaims { items { status outcome } }
          serviceHistory(serialNumber: $s) { repairOrders { status outcome parts { sku quantity } } }
        }`,
        variables: { s: SERIAL },
      }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(
      body.data.myWarranties.items.map((w: { serialNumber: string }) => w.serialNumber),
      [SERIAL],
    );
    assert.deepEqual(body.data.myWarrantyClaims.items, [{ status: 'RESOLVED', outcome: 'REPAIRED' }]);
    assert.deepEqual(body.data.serviceHistory.repairOrders, [
      { status: 'COMPLETED', outcome: 'REPAIRED', parts: [{ sku: 'PUMP-01', quantity: 1 }] },
    ]);
  });

  it("console: the serial's service history shows the repair and the claim is resolved", async () => {
    const page = await newPage();
    await signIn(page, server.agent);
    await page.goto(`${server.url}/warranty/coverage`);
    await page.locator('[data-test="serial"] input').fill(SERIAL);
    await page.locator('[data-test="check"]').click();
    const history = page.locator('[data-test="service-history"]');
    await history.getByText(/RO-\d+/).waitFor();
    const text = (await history.textContent()) ?? '';
    for (const expected of ['Resolved', 'Completed', 'Repaired', '1× PUMP-01'])
      assert.ok(text.includes(expected), `history shows ${expected}: ${text}`);
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'warranty-05-history');
  });
});
