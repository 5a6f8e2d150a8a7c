// Browser tests of the customer portal against the built portal and a real server: sign-in with
// the code from the development mail (and with the magic link), a complaint with a photo and its
// acknowledgement, the agent's reply in the console, closing the case, the data download, the
// public complaint procedure, the first page's JavaScript budget. axe-core checks every portal
// page visited; screenshots at 375 and 1280 px go to tooling/e2e/artifacts/portal-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import serviceDesk from '@aftercare/service-desk';
import warranty from '@aftercare/warranty';
import type { Page } from 'playwright-core';
import { artifacts, useBrowser } from './browser.js';
import { usePortal } from './portal.js';
import { type E2eServer, portalDir, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);
const { portalUrl, waitForMail, mailsTo, signInWithCode, axe, check } = usePortal(() => server);
const carmen = { name: 'Carmen Cliente', email: 'carmen@e2e.example' };
const pablo = { name: 'Pablo Prueba', email: 'pablo@e2e.example' };
const wanda = { name: 'Wanda Garantía', email: 'wanda@e2e.example', id: '' };
let modelId = '';
let customerPage: Page;
let caseId = '';
let reference = '';
// A 1×1 PNG, as a photo of the damage.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk, warranty], jobs: true });
  const { createProduct } = await graphqlAs<{ createProduct: { id: string } }>(
    server.admin,
    'mutation { createProduct(input: { name: "Kettle", category: "kitchen" }) { id } }',
  );
  const { createProductModel } = await graphqlAs<{ createProductModel: { id: string } }>(
    server.admin,
    'mutation ($p: ID!) { createProductModel(input: { productId: $p, sku: "KT-200", name: "Kettle KT-200", warrantyMonths: 24, returnWindowDays: 30 }) { id } }',
    { p: createProduct.id },
  );
  modelId = createProductModel.id;
  const { createCustomer: w } = await graphqlAs<{ createCustomer: { id: string } }>(
    server.admin,
    'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: wanda.name, email: wanda.email, locale: 'en', timeZone: 'Europe/Madrid' } },
  );
  wanda.id = w.id;
  for (const person of [carmen, pablo]) {
    const { createCustomer } = await graphqlAs<{ createCustomer: { id: string } }>(
      server.admin,
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { ...person, locale: 'en', timeZone: 'Europe/Madrid' } },
    );
    await graphqlAs(server.admin, 'mutation ($input: CreatePurchaseInput!) { createPurchase(input: $input) { id } }', {
      input: {
        customerId: createCustomer.id,
        modelId: createProductModel.id,
        serialNumber: `SN-${person.name.slice(0, 3).toUpperCase()}-1`,
        purchasedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        channel: 'online',
        priceMinor: 4999,
        currency: 'EUR',
      },
    });
  }
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('customer portal', () => {
  it('first page: the sign-in page loads under 120 kB of JavaScript gzipped, and no other page with it', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(portalUrl('sign-in'), { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Send me a code' }).waitFor();
    const sizes = scripts.map((p) => {
      const raw = readFileSync(path.join(portalDir, p.replace(/^\/portal\//, '')));
      return { file: p, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
    const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
    writeFileSync(path.join(artifacts, 'portal-first-page-bundle.json'), JSON.stringify({ total, files: sizes }, null, 2));
    console.log(
      `portal first page JS: ${sizes.length} files, ${(total.raw / 1024).toFixed(1)} kB raw, ${(total.gzip / 1024).toFixed(1)} kB gzipped`,
    );
    assert.ok(sizes.length > 0);
    assert.ok(total.gzip < 120 * 1024, `first page JS is ${(total.gzip / 1024).toFixed(1)} kB gzipped`);
    assert.ok(
      !scripts.some((s) => /(RequestPage|NewRequestPage|HomePage|AccountPage)-/.test(s)),
      `pages load only when opened: ${scripts.join(', ')}`,
    );
    await check(page, 'sign-in');
  });

  it('keyboard: the skip link comes first, and signing in works with Tab and Enter alone', async () => {
    const page = await newPage();
    await page.goto(portalUrl('sign-in'));
    await page.getByRole('button', { name: 'Send me a code' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'signin-email' && steps++ < 10) await page.keyboard.press('Tab');
    await page.keyboard.type('nobody@e2e.example');
    await page.keyboard.press('Enter');
    await page.getByLabel('Sign-in code').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-code', 'the code field takes focus');
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The code is wrong, has expired' }).waitFor();
  });

  it('sign-in: a wrong code is refused and announced; the code from the mail signs in', async () => {
    customerPage = await newPage();
    await customerPage.goto(portalUrl('sign-in'));
    await customerPage.getByLabel('E-mail address').fill(carmen.email);
    await customerPage.keyboard.press('Enter');
    await customerPage.getByLabel('Sign-in code').waitFor();
    await customerPage.getByLabel('Sign-in code').fill('12');
    await customerPage.keyboard.press('Enter');
    const alert = customerPage.getByRole('alert').filter({ hasText: 'Enter the 6 digits' });
    await alert.waitFor();
    assert.equal(await customerPage.getByLabel('Sign-in code').getAttribute('aria-invalid'), 'true');
    await check(customerPage, 'sign-in-code-error');
    const mail = await waitForMail(carmen.email, /sign-in code is \d{6}/);
    assert.match(mail.text, /\/portal\/sign-in\?link=/, 'the same message carries a sign-in link');
    await customerPage.getByLabel('Sign-in code').fill(/sign-in code is (\d{6})/.exec(mail.text)![1]!);
    await customerPage.getByRole('button', { name: 'Sign in' }).click();
    await customerPage.getByRole('heading', { level: 1, name: `Hello, ${carmen.name}` }).waitFor();
    await customerPage.getByText('Kettle KT-200').first().waitFor();
    await check(customerPage, 'home');
  });

  it('service desk: a complaint with a photo is acknowledged on screen and by e-mail', async () => {
    const page = customerPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your requests' }).waitFor();
    await check(page, 'requests-empty');
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    // Submitting empty names each missing field in an announced summary.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').filter({ hasText: 'Subject: Enter a subject.' }).waitFor();
    await check(page, 'new-request-errors');
    await page.getByLabel('Complaint', { exact: true }).check();
    await page.getByLabel('Product').selectOption({ label: 'Kettle KT-200 (SN-CAR-1)' });
    await page.getByLabel('Subject').fill('Kettle lid broke');
    await page.getByLabel('What happened?').fill('The lid hinge snapped after two weeks of normal use.');
    await page.getByLabel('Photos or documents').setInputFiles({ name: 'lid.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('button', { name: 'Send request' }).click();
    const ack = page.getByRole('heading', { level: 2, name: /We received your request/ });
    await ack.waitFor();
    reference = /request (\S+)$/.exec((await ack.textContent())!.trim())![1]!;
    await check(page, 'request-acknowledgement');
    const mail = await waitForMail(carmen.email, new RegExp(reference.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')));
    assert.ok(mail.text.includes(reference) || mail.subject.includes(reference));
    await page.getByRole('link', { name: 'Follow your request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kettle lid broke' }).waitFor();
    caseId = /requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('button', { name: 'lid.png' }).waitFor();
    await check(page, 'request');
  });

  it('service desk: an agent replies in the admin console', async () => {
    const agentPage = await newPage();
    await signIn(agentPage, server.agent);
    await agentPage.goto(`${server.url}/service-desk/cases/${caseId}`);
    await agentPage.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    await agentPage.locator('[data-test="composer"] textarea').fill('We are sorry. A new lid is on its way to you.');
    await agentPage.getByRole('button', { name: 'Send reply' }).click();
    await agentPage.locator('[data-kind="REPLY"]').waitFor();
  });

  it('service desk: the customer sees the reply and closes the case', async () => {
    const page = customerPage;
    await page.reload();
    await page.getByText('A new lid is on its way to you.').waitFor();
    await page.getByRole('button', { name: 'Close this request' }).click();
    await page.getByRole('button', { name: 'Yes, close it' }).click();
    await page.getByText('This request is closed.').waitFor();
    assert.equal(await page.locator('.badge').first().textContent(), 'Closed');
    await check(page, 'request-closed');
  });

  it('account: the customer downloads their data and changes a consent', async () => {
    const page = customerPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByLabel('Satisfaction surveys').check();
    await page.getByRole('cell', { name: 'Given' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    assert.match(JSON.stringify(data), /carmen@e2e\.example/);
    assert.match(JSON.stringify(data), /Kettle lid broke/, 'the export holds the service desk request too');
    await check(page, 'account');
  });

  it('complaint procedure: public, in English and Spanish, with the times of the active SLA policies', async () => {
    const page = await newPage();
    await page.goto(portalUrl('complaint-procedure'));
    await page.getByRole('heading', { level: 1, name: 'How we handle complaints' }).waitFor();
    await page.getByText('free of charge').waitFor();
    await check(page, 'complaint-procedure');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Cómo tratamos las reclamaciones' }).waitFor();
    await page.getByText('es gratuito').waitFor();
    await check(page, 'complaint-procedure-es');
  });

  it('magic link: the link from the sign-in message signs in once; sign out everywhere ends the session', async () => {
    const page = await newPage();
    const before = mailsTo(pablo.email).length;
    await page.goto(portalUrl('sign-in'));
    await page.getByLabel('E-mail address').fill(pablo.email);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    const mail = await waitForMail(pablo.email, /sign-in\?link=/, before);
    const link = /(http\S+sign-in\?link=\S+)/.exec(mail.text)![1]!;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `Hello, ${pablo.name}` }).waitFor();
    await axe(page, 'home (magic link)');
    // The link works once.
    const other = await newPage();
    await other.goto(link);
    await other.getByRole('alert').filter({ hasText: 'expired or was already used' }).waitFor();
    await page.goto(portalUrl('account'));
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Send me a code' }).waitFor();
    await page.goto(portalUrl('requests'));
    await page.getByRole('button', { name: 'Send me a code' }).waitFor();
    assert.match(page.url(), /sign-in\?redirect=/);
  });

  it('warranty: a product bought elsewhere is registered with its receipt, a claim is filed, an estimate accepted', async () => {
    const page = await newPage();
    await signInWithCode(page, wanda.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your products' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your products' }).waitFor();
    await check(page, 'products-empty');
    await page.getByRole('link', { name: 'Register a product' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a product' }).waitFor();
    // Without the receipt the form says what is missing, field by field.
    await page.getByRole('button', { name: 'Register product' }).click();
    await page.getByRole('alert').filter({ hasText: 'Proof of purchase: Add a photo or PDF of the receipt.' }).waitFor();
    await check(page, 'register-errors');
    await page.getByLabel('Model').selectOption({ label: 'Kettle KT-200 (KT-200)' });
    await page.getByLabel('Serial number').fill('SN-ELSE-9');
    await page.getByLabel('Date of purchase').fill(new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('Where you bought it').fill('Corner Shop');
    await page.getByLabel('Proof of purchase').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('button', { name: 'Register product' }).click();
    await page.getByText('Your product is registered.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Kettle KT-200' }).waitFor();
    await page.getByText('receipt.png').waitFor();
    assert.equal(await page.locator('.badge').first().textContent(), 'Covered');
    await check(page, 'product');

    await page.getByLabel('What is wrong with it?').fill('It stopped heating after three months.');
    await page.getByRole('button', { name: 'File warranty claim' }).click();
    await page.getByText('Your claim was filed.').waitFor();
    const claimHeadingLocator = page.getByRole('heading', { level: 1, name: /^Warranty claim \S+$/ });
    await claimHeadingLocator.waitFor();
    const claimHeading = await claimHeadingLocator.textContent();
    await check(page, 'warranty-claim');

    // A technician opens a paid repair for the item and sends an estimate.
    const { createRepairOrder } = await graphqlAs<{ createRepairOrder: { id: string } }>(
      server.admin,
      'mutation ($input: CreateRepairOrderInput!) { createRepairOrder(input: $input) { id } }',
      { input: { customerId: wanda.id, modelId, serialNumber: 'SN-ELSE-9', diagnosis: 'Heating element burnt out' } },
    );
    await graphqlAs(server.admin, 'mutation ($input: SendRepairEstimateInput!) { sendRepairEstimate(input: $input) { id } }', {
      input: { repairOrderId: createRepairOrder.id, amountMinor: 4500, currency: 'EUR', note: 'New heating element and labour.' },
    });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByText('Estimate waiting for you').waitFor();
    await page.getByRole('link', { name: /^Repair / }).click();
    await page.getByRole('heading', { level: 2, name: 'Estimate' }).waitFor();
    await page.getByText('The repair costs €45.00.').waitFor();
    await check(page, 'repair-estimate');
    await page.getByRole('button', { name: 'Accept estimate' }).click();
    await page.getByRole('status').filter({ hasText: 'In progress' }).waitFor();
    await check(page, 'repair');

    // The product's service history lists the claim and the repair.
    await page.goto(portalUrl('products'));
    await page.getByRole('link', { name: 'Kettle KT-200' }).click();
    await page.getByRole('link', { name: /^Repair / }).waitFor();
    assert.match(claimHeading ?? '', /Warranty claim \S+/);
    await page.getByRole('link', { name: /^Claim / }).waitFor();
  });
});
