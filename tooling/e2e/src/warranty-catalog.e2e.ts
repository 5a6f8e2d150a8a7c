// Browser tests of the warranty console pages that are not claims or repairs: policies, the parts
// catalogue, registrations, the technicians' week and the analytics. Data is seeded over GraphQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import warranty from '@aftercare/warranty';
import { useBrowser } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser } = useBrowser(() => server);
const seed = <T = any>(query: string, variables: Record<string, unknown> = {}) => graphqlAs<T>(server.admin, query, variables);

let model: { id: string; sku: string };
let customerId: string;

before(async () => {
  server = await startE2eServer({ plugins: [warranty] });
  const p = await seed(`mutation { createProduct(input: { name: "Washer Pro", category: "Washing machines" }) { id } }`);
  model = (
    await seed(`mutation($i: CreateProductModelInput!) { createProductModel(input: $i) { id sku } }`, {
      i: { productId: p.createProduct.id, sku: 'WPRO-8', name: 'Washer Pro 8kg', warrantyMonths: 24, returnWindowDays: 14 },
    })
  ).createProductModel;
  customerId = (
    await seed(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: {
        name: 'Lucía Romero',
        email: 'lucia@example.com',
        timeZone: 'Europe/Madrid',
        addresses: [{ line1: 'Calle Mayor 1', city: 'Madrid', country: 'ES' }],
      },
    })
  ).createCustomer.id;
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

/** Choose an option of a remote-search select by typing into it. */
async function pick(page: import('playwright-core').Page, field: string, text: string, option: RegExp | string) {
  await page.locator(`[data-field="${field}"] .n-base-selection`).click();
  await page.keyboard.type(text);
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
  // A multiple select keeps its menu open: close it as a person would, by clicking elsewhere.
  await page.locator('.n-card-header').last().click();
}

describe('warranty catalogue pages', () => {
  it('shows the warranty navigation with icons to an administrator and hides configuration from an agent', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    const nav = await navLabels(page);
    for (const item of ['Registrations', 'Technician week', 'Warranty analytics', 'Spare parts', 'Warranty policies']) {
      assert.ok(nav.includes(item), `nav has ${item}: ${nav.join(', ')}`);
    }
    assert.ok((await page.locator('nav .n-menu-item-content__icon svg').count()) >= 6, 'nav items have icons');

    const agentPage = await newPage();
    await signIn(agentPage, server.agent);
    const agentNav = await navLabels(agentPage);
    assert.ok(agentNav.includes('Registrations'), agentNav.join(', '));
    assert.ok(!agentNav.includes('Warranty policies') && !agentNav.includes('Warranty analytics'), agentNav.join(', '));
  });

  it('creates a warranty policy for a model', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/warranty/policies`);
    await page.getByText('No policies yet').waitFor();
    await shot(page, 'warranty-policies-empty');
    await page.getByRole('button', { name: 'New policy' }).click();
    await page.getByLabel('Policy name').fill('Washer Pro 3-year warranty');
    await pick(page, 'modelId', 'WPRO', 'WPRO-8');
    await page.getByLabel('Duration (months)').fill('36');
    await page.locator('[data-field="exclusions"] button').click();
    await page.keyboard.type('Accidental damage');
    await page.keyboard.press('Enter');
    await shot(page, 'warranty-policy-dialog');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Policy Washer Pro 3-year warranty saved').waitFor();
    const row = page.locator('tr', { hasText: 'Washer Pro 3-year warranty' });
    await row.getByText('36 months').waitFor();
    await row.getByText('accidental_damage').waitFor();
    await shot(page, 'warranty-policies');
  });

  it('creates a spare part: a wrong currency is shown under its field, then the part is listed with low stock', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/warranty/parts`);
    await page.getByText('The catalogue is empty').waitFor();
    await page.getByRole('button', { name: 'New part' }).click();
    await page.getByLabel('SKU').fill('BELT-WPRO');
    await page.getByLabel('Name').fill('Drive belt');
    await page.getByLabel('Unit cost').fill('12.50');
    await page.getByLabel('Currency').fill('E1');
    await page.getByLabel('Opening stock').fill('1');
    await page.getByLabel('Reorder level').fill('2');
    await pick(page, 'modelIds', 'WPRO', 'WPRO-8');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-field="currency"]').getByText('must be an ISO 4217 currency code such as EUR or USD').waitFor();
    await shot(page, 'warranty-part-validation');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Part BELT-WPRO saved').waitFor();
    const row = page.locator('tr', { hasText: 'BELT-WPRO' });
    await row.locator('[data-low="true"]').getByText('Low').waitFor();
    await row.getByText('WPRO-8').waitFor();
    assert.match((await row.textContent()) ?? '', /€12\.50/);

    await row.getByRole('button', { name: 'Adjust stock' }).click();
    await page.getByLabel('Quantity').fill('5');
    await page.getByLabel('Reason').fill('Delivery note 4711');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await page.getByText('BELT-WPRO: 6 in stock now.').waitFor();
    await page.locator('tr', { hasText: 'BELT-WPRO' }).locator('[data-low="true"]').waitFor({ state: 'detached' });
    await shot(page, 'warranty-parts');
  });

  it('registers an item bought elsewhere and shows its last covered day', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/warranty/registrations`);
    await page.getByRole('heading', { name: 'Warranty registrations' }).waitFor();
    await page.getByRole('button', { name: 'Register warranty' }).click();
    await pick(page, 'customerId', 'Lucía', 'Lucía Romero');
    await pick(page, 'modelId', 'WPRO', 'WPRO-8');
    await page.getByLabel('Serial number').fill('wp-e2e-001');
    await page.locator('[data-field="purchasedAt"] input').fill('2026-03-15');
    await page.locator('[data-field="purchasedAt"] input').press('Enter');
    await page.getByLabel('Seller').fill('Electro Sur');
    await page.getByLabel('Proof of purchase').fill('https://files.example.com/receipts/88.pdf');
    await shot(page, 'warranty-register-dialog');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    // The 36-month policy from purchase on 15 March 2026 in Madrid covers through 14 March 2029.
    await page.getByText('Covered through Mar 14, 2029').waitFor();
    await page.getByRole('link', { name: 'Open receipt' }).waitFor();
    await page.getByText('Washer Pro 3-year warranty').first().waitFor();
    await shot(page, 'warranty-registration-detail');

    await page.getByRole('button', { name: 'Sell extended warranty' }).click();
    await page.getByLabel('Price').fill('79');
    await page.getByRole('button', { name: 'Sell', exact: true }).click();
    await page.getByText('Extended warranty sold.').waitFor();
    await page.locator('tr', { hasText: '€79.00' }).waitFor();
    await shot(page, 'warranty-registration-contract');

    await page.goto(`${server.url}/warranty/registrations?source=STAFF`);
    const row = page.locator('tr', { hasText: 'WP-E2E-001' });
    await row.getByText('Registered by staff').waitFor();
    await row.getByText('Lucía Romero').waitFor();
    await shot(page, 'warranty-registrations');
  });

  it("shows the technicians' week with a booked visit that leads to its repair order", async () => {
    const techs = await seed<{ warrantyTechnicians: Array<{ id: string; name: string }> }>(`{ warrantyTechnicians { id name } }`);
    const ada = techs.warrantyTechnicians.find((x) => x.name === server.admin.name)!;
    const order = (
      await seed(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id reference } }`, {
        i: { customerId, modelId: model.id, serialNumber: 'WP-E2E-VISIT' },
      })
    ).createRepairOrder;
    // Next Monday 08:00 UTC: always in the future, and in the week after this one.
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7) + 7, 8));
    await seed(`mutation($i: ScheduleVisitInput!) { scheduleVisit(input: $i) { id } }`, {
      i: { repairOrderId: order.id, technicianId: ada.id, startsAt: monday.toISOString(), note: 'Bring a spare belt' },
    });

    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/warranty/schedule`);
    await page.getByText('No visits booked this week.').waitFor();
    await page.getByRole('button', { name: 'Next week' }).click();
    const visit = page.locator('.wr-visit', { hasText: order.reference });
    await visit.waitFor();
    assert.match((await visit.textContent()) ?? '', /Ada Admin/);
    await visit.click();
    const link = page.getByRole('link', { name: `Open repair order ${order.reference}` });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `/warranty/repairs/${order.id}`);
    await page.getByText('Bring a spare belt').waitFor();
    await shot(page, 'warranty-schedule');
    assert.match(new URL(page.url()).search, /week=\d{4}-\d{2}-\d{2}/);
  });

  it('renders the analytics charts and the dashboard widget from real claims and repairs', async () => {
    const reg = (
      await seed(`mutation($i: RegisterWarrantyInput!) { registerWarranty(input: $i) { id } }`, {
        i: {
          customerId,
          modelId: model.id,
          serialNumber: 'WP-E2E-CLAIM',
          purchasedAt: '2026-01-10T12:00:00Z',
          proofOfPurchaseRef: 'T-100',
        },
      })
    ).registerWarranty;
    const claim = (
      await seed(`mutation($i: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $i) { id } }`, {
        i: { registrationId: reg.id, description: 'Drum does not spin' },
      })
    ).submitWarrantyClaim;
    await seed(`mutation($i: DecideWarrantyClaimInput!) { decideWarrantyClaim(input: $i) { id } }`, {
      i: { claimId: claim.id, decision: 'APPROVE' },
    });
    const order = (
      await seed(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id } }`, { i: { claimId: claim.id } })
    ).createRepairOrder;
    const part = (await seed(`{ spareParts(search: "BELT-WPRO") { items { id } } }`)).spareParts.items[0];
    await seed(`mutation($id: ID!, $p: [PartUsedInput!]!) { recordPartsUsed(repairOrderId: $id, parts: $p) { id } }`, {
      id: order.id,
      p: [{ partId: part.id, quantity: 1 }],
    });
    await seed(`mutation($id: ID!, $i: UpdateRepairOrderInput!) { updateRepairOrder(id: $id, input: $i) { id } }`, {
      id: order.id,
      i: { labourMinutes: 60, outcome: 'REPAIRED' },
    });

    const page = await newPage();
    await signIn(page, server.admin);
    const widget = page.locator('[data-widget="warranty.overview"]');
    await widget.locator('canvas').first().waitFor();
    await shot(page, 'warranty-dashboard-widget');

    await page.goto(`${server.url}/warranty/analytics`);
    await page.getByRole('heading', { name: 'Warranty analytics' }).waitFor();
    await page.locator('canvas').nth(4).waitFor();
    const row = page.locator('tr', { hasText: 'WPRO-8' });
    await row.waitFor();
    // One repair: parts €12.50 + one hour of labour at €45.00.
    assert.match((await row.textContent()) ?? '', /€57\.50/);
    await shot(page, 'warranty-analytics');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForTimeout(1000); // the theme fades over
    await shot(page, 'warranty-analytics-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
  });
});
