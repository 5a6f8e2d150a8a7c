// Browser tests of the admin console: Debian's Chromium driven by playwright-core against the built
// console served by a real server on real PostgreSQL. Screenshots go to tooling/e2e/artifacts/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, useBrowser } from './browser.js';
import serviceDesk from '@aftercare/service-desk';
import { consoleDir, type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser } = useBrowser(() => server);

// The service desk is enabled, warranty (a real plugin too) is not: the console must show the one
// and leave no trace of the other.
before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk] });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('admin console', () => {
  it('login page: JavaScript arrives compressed, under 250 kB transferred', async () => {
    const page = await newPage();
    const loads: Array<Promise<{ file: string; transferred: number; raw: number; encoding: string }>> = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      loads.push(
        (async () => {
          const response = (await request.response())!;
          const file = new URL(request.url()).pathname;
          return {
            file,
            // The body bytes that crossed the wire, as sent (compressed when the server compressed it).
            transferred: (await request.sizes()).responseBodySize,
            raw: readFileSync(path.join(consoleDir, file)).length,
            encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
          };
        })(),
      );
    });
    await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const files = await Promise.all(loads);
    const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, transferred: a.transferred + f.transferred }), { raw: 0, transferred: 0 });
    writeFileSync(path.join(artifacts, 'login-bundle.json'), JSON.stringify({ total, files }, null, 2));
    console.log(
      `login page JS: ${files.length} files, ${(total.raw / 1024).toFixed(1)} kB raw, ${(total.transferred / 1024).toFixed(1)} kB transferred`,
    );
    const uncompressed = files.filter((f) => f.raw > 1024 && !['br', 'gzip'].includes(f.encoding)).map((f) => f.file);
    assert.deepEqual(uncompressed, [], 'every script above 1 kB is sent brotli- or gzip-compressed');
    assert.ok(total.transferred < 250 * 1024, `login JS transferred ${(total.transferred / 1024).toFixed(1)} kB`);
    const scripts = files.map((f) => f.file);
    assert.ok(!scripts.some((s) => /Page-|Widget-/.test(s) && !/LoginPage-/.test(s)), `pages load only when opened: ${scripts.join(', ')}`);
    await shot(page, '01-login');
  });

  it('keyboard: the login form is usable with Tab and Enter alone, and a wrong password says so', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').waitFor();
    // The email field has focus on arrival; Tab moves to the password, Enter submits.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-email');
    await page.keyboard.type(server.admin.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-password');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Sign-in failed.*password is wrong/);
    await shot(page, '02-login-error');

    await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
  });

  it('signed in as administrator: dashboard with widgets and the full navigation', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.locator('[data-widget="core.sla-at-risk"]').getByText('No open request has an SLA deadline coming up.').waitFor();
    // Every enabled plugin is listed with its version, with or without pages of its own.
    await page
      .locator('[data-test="enabled-plugins"] [data-plugin="service-desk"]')
      .getByText(/Service desk 0\.1\.0/)
      .waitFor();
    assert.equal(await page.locator('[data-test="enabled-plugins"] [data-plugin="warranty"]').count(), 0);
    // Open requests by kind, named by the plugin and linked to its list.
    const open = page.locator('[data-widget="core.open-requests"] [data-subject-type="service-desk.case"]');
    await open.getByRole('link', { name: 'Service cases' }).waitFor();
    assert.match((await open.textContent()) ?? '', /Service cases\s*0/);
    const nav = await navLabels(page);
    for (const item of ['Dashboard', 'Business calendars', 'SLA policies', 'Staff users', 'Roles', 'API keys', 'Webhooks', 'Audit log']) {
      assert.ok(nav.includes(item), `nav has ${item}: ${nav.join(', ')}`);
    }
    await shot(page, '03-dashboard');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, '04-dashboard-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
  });

  it('creates a role and grants it a permission in the matrix', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles' }).waitFor();
    await page.getByRole('button', { name: 'New role' }).click();
    await page.getByLabel('Name').fill('Warranty desk');
    await page.getByLabel('Description').fill('Handles warranty questions');
    await page.getByRole('button', { name: 'Create and choose permissions' }).click();
    await page.getByRole('heading', { name: 'Warranty desk' }).waitFor();
    await page.locator('[data-permission="core.audit.read"]').click();
    await page.locator('[data-permission="core.sla.read"]').click();
    await shot(page, '05-role-editor');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Role saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Warranty desk' }).waitFor();
    assert.equal(await page.locator('[data-permission="core.audit.read"]').getAttribute('aria-checked'), 'true');
    assert.equal(await page.locator('[data-permission="core.staff.manage"]').getAttribute('aria-checked'), 'false');
    await page.getByRole('link', { name: 'Roles' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Warranty desk' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /2$/);
    await shot(page, '06-roles');
  });

  it('creates an API key: the secret is shown once and works', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API keys yet.').waitFor();
    await page.getByRole('button', { name: 'New API key' }).click();
    await page.getByLabel('Name').fill('ERP sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretBox = page.locator('[data-test="api-key-secret"] code');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())!.trim();
    assert.match(secret, /^ak_/);
    await shot(page, '07-api-key-secret');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('[data-test="api-key-secret"]').waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'ERP sync' }).waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');

    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    assert.equal(((await res.json()) as { data: { me: { kind: string } } }).data.me.kind, 'apiKey');
    await shot(page, '08-api-keys');
  });

  it('handles erasure requests: declines one, anonymises the customer of another', async () => {
    const ask = async (name: string, email: string) => {
      const { createCustomer } = await graphqlAs<{ createCustomer: { id: string } }>(
        server.admin,
        'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { name, email } },
      );
      // As the customer would in the portal (its own browser test covers that side).
      await server.app.dataSource.query(`INSERT INTO customer_erasure_request (customer_id, reason) VALUES ($1, 'Moving away')`, [
        createCustomer.id,
      ]);
      return createCustomer.id;
    };
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Erasure requests' }).click();
    await page.getByText('No open erasure requests.', { exact: false }).waitFor();
    const keptId = await ask('Kept Customer', 'kept@e2e.example');
    await ask('Gone Customer', 'gone@e2e.example');
    await page.reload();
    const kept = page.getByRole('row').filter({ hasText: 'Kept Customer' });
    await kept.getByText('Moving away').waitFor();
    assert.equal(await kept.getByRole('link', { name: 'Kept Customer' }).getAttribute('href'), `/customers/${keptId}`);
    await shot(page, '08b-erasure-requests');

    await kept.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await kept.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Gone Customer' }).getByRole('button', { name: 'Anonymise customer' }).click();
    await page.getByRole('dialog').getByText('This cannot be undone.', { exact: false }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Anonymise customer' }).click();
    await page.getByText('No open erasure requests.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'Gone Customer' }).count(), 0);
  });

  it('changes a business calendar in the week editor and the change is kept', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Business calendars' }).click();
    await page.getByRole('link', { name: 'Standard' }).click();
    await page.getByRole('heading', { name: 'Standard' }).waitFor();
    // Friday becomes a short day with a lunch break: two windows.
    const fridayEnd = page.getByLabel('Friday, window 1: end');
    await fridayEnd.fill('13:00');
    await page.locator('[data-weekday="5"]').getByRole('button', { name: 'Add window' }).click();
    await page.getByLabel('Friday, window 2: start').fill('14:00');
    await page.getByLabel('Friday, window 2: end').fill('15:30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Calendar saved.').waitFor();
    await shot(page, '09-calendar-editor');
    await page.reload();
    await page.getByLabel('Friday, window 2: end').waitFor();
    assert.equal(await page.getByLabel('Friday, window 1: end').inputValue(), '13:00');
    assert.equal(await page.getByLabel('Friday, window 2: end').inputValue(), '15:30');

    // A bad time is refused with the server's message at the field, and nothing changes.
    await page.getByLabel('Friday, window 2: end').fill('25:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Some values need fixing.').waitFor();
    await shot(page, '10-calendar-error');
  });

  it('audit log lists what happened and filters by action', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/audit?action=role.create`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'role.create' }).first().waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'apiKey.create' }).count(), 0);
    await shot(page, '11-audit-log');
  });

  it('an agent sees only what their role allows; other pages say so and pages of disabled plugins 404', async () => {
    const page = await newPage();
    await signIn(page, server.agent);
    const nav = await navLabels(page);
    assert.ok(nav.includes('Staff users') && nav.includes('Business calendars'), nav.join(', '));
    for (const hidden of ['Roles', 'API keys', 'Audit log', 'Webhooks', 'Plugin settings'])
      assert.ok(!nav.includes(hidden), `${hidden} hidden`);
    assert.equal(await page.getByRole('button', { name: 'Add staff user' }).count(), 0);
    await page.goto(`${server.url}/roles`);
    await page.locator('[data-test="forbidden"]').waitFor();
    await shot(page, '12-agent-forbidden');
    // Warranty is not enabled on this server: no menu entry, its pages do not exist and none of its
    // code is downloaded.
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    assert.ok(!nav.includes('Coverage lookup'), nav.join(', '));
    await page.goto(`${server.url}/warranty/coverage`);
    await page.locator('[data-test="not-found"]').waitFor();
    await shot(page, '13-disabled-plugin-404');
    assert.ok(scripts.length > 0, 'the console loaded its scripts');
    const warrantyChunks = scripts.filter((s) => /warranty|CoverageLookup|CustomerWarranties/i.test(s));
    assert.deepEqual(warrantyChunks, [], `no warranty code loaded: ${scripts.join(', ')}`);
  });

  it('finds a customer and shows core and plugin tabs, the open tab kept in the URL', async () => {
    const { createCustomer } = await graphqlAs<{ createCustomer: { id: string } }>(
      server.admin,
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: 'Carmen Cliente', email: 'carmen@e2e.example', marketingConsent: true, tags: ['vip'] } },
    );
    const { createProduct } = await graphqlAs<{ createProduct: { id: string } }>(
      server.admin,
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      { input: { name: 'Aqua Dishwasher', category: 'Dishwashers' } },
    );
    const { createProductModel } = await graphqlAs<{ createProductModel: { id: string } }>(
      server.admin,
      'mutation ($input: CreateProductModelInput!) { createProductModel(input: $input) { id } }',
      { input: { productId: createProduct.id, name: 'Aqua 45', sku: 'AQ-45', warrantyMonths: 24, returnWindowDays: 30 } },
    );
    await graphqlAs(server.admin, 'mutation ($input: CreatePurchaseInput!) { createPurchase(input: $input) { id } }', {
      input: {
        customerId: createCustomer.id,
        modelId: createProductModel.id,
        channel: 'online',
        currency: 'EUR',
        priceMinor: 49900,
        purchasedAt: '2026-03-01T10:00:00.000Z',
        serialNumber: 'SN-E2E-1',
      },
    });
    const { createCase } = await graphqlAs<{ createCase: { id: string; reference: string } }>(
      server.admin,
      'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id reference } }',
      {
        input: {
          customerId: createCustomer.id,
          kind: 'COMPLAINT',
          channel: 'PHONE',
          subject: 'Dishwasher leaks',
          description: 'Water on the floor.',
        },
      },
    );

    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByLabel('Search name, email, company, VAT id or phone').fill('carmen');
    await page.waitForURL(/[?&]q=carmen/);
    await page.getByRole('link', { name: 'Carmen Cliente' }).click();
    await page.getByRole('heading', { name: 'Carmen Cliente' }).waitFor();
    // Core's tabs and the service desk's, in order; warranty (disabled) brings none.
    await page.getByRole('tab', { name: 'Cases' }).waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    assert.deepEqual(
      tabs.map((x) => x.trim()),
      ['Contact data', 'Consents', 'Purchases', 'Timeline', 'Cases'],
    );
    await page.getByText('carmen@e2e.example').first().waitFor();
    await shot(page, '15-customer');

    await page.getByRole('tab', { name: 'Purchases' }).click();
    await page.waitForURL(/[?&]tab=core\.purchases/);
    await page.getByRole('row').filter({ hasText: 'SN-E2E-1' }).waitFor();

    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.waitForURL(/[?&]tab=service-desk\.cases/);
    const caseRow = page.getByRole('row').filter({ hasText: 'Dishwasher leaks' });
    await caseRow.waitFor();
    assert.equal(
      await caseRow.getByRole('link', { name: createCase.reference }).getAttribute('href'),
      `/service-desk/cases/${createCase.id}`,
    );
    await shot(page, '16-customer-cases-tab');

    // The tab survives a reload (it is in the URL).
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Dishwasher leaks' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Cases' }).getAttribute('aria-selected'), 'true');
    await page.getByRole('button', { name: 'Export data' }).waitFor();
    await page.getByRole('button', { name: 'Anonymise' }).waitFor();

    // The SLA list on the dashboard names the case and links to it.
    await page.locator('nav').getByRole('link', { name: 'Dashboard' }).click();
    const risk = page.locator('[data-widget="core.sla-at-risk"]');
    await risk.getByRole('link', { name: createCase.reference }).waitFor();
    assert.match((await risk.textContent()) ?? '', /Dishwasher leaks/);
    assert.match(
      (await page.locator('[data-widget="core.open-requests"] [data-subject-type="service-desk.case"]').textContent()) ?? '',
      /Service cases\s*1/,
    );
    await shot(page, '17-dashboard-with-case');
  });

  it('creates a customer, edits it, sees the change in the timeline, and is told when someone else saved first', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.locator('.ak-form-dialog');
    // The server's message shows under the field it is about.
    await dialog.getByLabel('Name').fill('Bruno Business');
    await dialog.getByLabel(/^Email/).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await dialog.locator('[data-field="email"]').getByText('must be an email address').waitFor();
    await shot(page, '18-customer-form-error');
    await dialog.getByLabel(/^Email/).fill('bruno@e2e.example');
    await dialog.getByLabel('Company').fill('Bruno Hostelería SL');
    await dialog.getByLabel('VAT id').fill('ESB12345678');
    await shot(page, '19-customer-form');
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: 'Bruno Business' }).waitFor();
    await page.getByText('Bruno Hostelería SL').first().waitFor();

    // Edit: the tier changes; the header and the timeline show it.
    await page.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Name').fill('Bruno Business Group');
    await dialog.locator('[data-field="tier"] .n-base-selection').click();
    await page.locator('.n-base-select-option').filter({ hasText: 'Business' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Bruno Business Group' }).waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const entry = page.locator('.n-timeline-item').filter({ hasText: 'Customer data changed' });
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /name/);
    assert.match((await entry.textContent()) ?? '', /tier/);
    await shot(page, '20-customer-timeline-change');

    // Someone else saves while the form is open: saving says so and offers to reload their version.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Edit' }).click();
    await graphqlAs(server.admin, 'mutation ($id: ID!) { updateCustomer(id: $id, input: { companyName: "Other Company SL" }) { id } }', {
      id,
    });
    await dialog.getByLabel('Name').fill('Bruno Overwrite');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('[data-test="customer-conflict"]').waitFor();
    await shot(page, '21-customer-conflict');
    await dialog.getByRole('button', { name: 'Reload' }).click();
    // The form is refilled from the server's answer once it arrives.
    const company = dialog.getByLabel('Company');
    for (let i = 0; i < 50 && (await company.inputValue()) !== 'Other Company SL'; i++) await page.waitForTimeout(200);
    assert.equal(await company.inputValue(), 'Other Company SL');
    assert.equal(await dialog.getByLabel('Name').inputValue(), 'Bruno Business Group');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The audit log has both changes.
    await page.goto(`${server.url}/audit?action=customer.update`);
    await page.getByRole('row').filter({ hasText: 'customer.update' }).first().waitFor();
    assert.ok((await page.getByRole('row').filter({ hasText: 'customer.update' }).count()) >= 2);
  });

  it('adds a product with a model and records a purchase with the pickers', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Products' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.locator('.ak-form-dialog');
    await dialog.getByLabel('Product').fill('Vento Fridge');
    await dialog.getByLabel('Category').fill('Fridges');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Vento Fridge' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Add model' }).click();
    await dialog.getByLabel('SKU').fill('VF-300');
    await dialog.getByLabel('Model').fill('Vento 300');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row.getByText('VF-300').waitFor();
    await shot(page, '22-products');

    await page.getByRole('link', { name: 'Purchases' }).click();
    await page.getByRole('button', { name: 'Record purchase' }).click();
    await dialog.locator('[data-field="customerId"] .n-base-selection').click();
    await page.keyboard.type('Carmen');
    await page.locator('.n-base-select-option').filter({ hasText: 'Carmen Cliente' }).click();
    await dialog.locator('[data-field="modelId"] .n-base-selection').click();
    await page.keyboard.type('VF-300');
    await page.locator('.n-base-select-option').filter({ hasText: 'VF-300' }).click();
    await dialog.getByLabel('Serial number').fill('SN-VF-1');
    await dialog.locator('[data-field="priceMinor"] input').first().fill('899.90');
    await shot(page, '23-purchase-form');
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    const purchase = page.getByRole('row').filter({ hasText: 'SN-VF-1' });
    await purchase.waitFor();
    assert.match((await purchase.textContent()) ?? '', /Carmen Cliente/);
    assert.match((await purchase.textContent()) ?? '', /899[.,]90/);
  });

  it('speaks Spanish when chosen, and signs out', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.getByRole('link', { name: 'Staff users' }).click();
    await page.getByLabel('Language').click();
    await page.getByText('Español').click();
    await page.getByRole('heading', { name: 'Personal' }).waitFor();
    await shot(page, '14-staff-es');
    await page.locator('[data-test="user-menu"]').click();
    await page.getByText('Cerrar sesión').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/roles`);
    await page.waitForURL(/\/login\?redirect=(%2F|\/)roles/);
  });
});
