// Browser test of the knowledge base: a customer types a problem into the portal's request form, opens a
// suggested article, marks it helpful and leaves without writing; the console's analytics page counts the
// suggestion, the opened article and the helpful vote, with the customer's request still pending deflection.
// An editor then translates an article into Spanish in the console editor, publishes it, and Spanish search
// finds it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import knowledgeBase from '@aftercare/knowledge-base';
import serviceDesk from '@aftercare/service-desk';
import { useBrowser } from './browser.js';
import { usePortal } from './portal.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, signIn, graphqlAs, closeBrowser } = useBrowser(() => server);
const { portalUrl, signInWithCode } = usePortal(() => server);
const dora = { name: 'Dora Deflect', email: 'dora@e2e.example' };
let kettleId = '';
let descaleId = '';

const SAVE = 'mutation ($i: SaveKbArticleInput!) { saveKbArticle(input: $i) { id } }';
const MOVE = 'mutation ($i: TransitionKbArticleInput!) { transitionKbArticle(input: $i) { id } }';

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk, knowledgeBase], jobs: true });
  const kettle = await graphqlAs<{ saveKbArticle: { id: string } }>(server.admin, SAVE, {
    i: {
      locale: 'en',
      title: 'Kettle does not boil',
      summary: 'Check the base and descale the kettle.',
      body: '## Steps\n\n1. Seat the kettle on its base.\n2. Descale it with vinegar.',
    },
  });
  kettleId = kettle.saveKbArticle.id;
  await graphqlAs(server.admin, MOVE, { i: { id: kettleId, to: 'PUBLISHED' } });
  const descale = await graphqlAs<{ saveKbArticle: { id: string } }>(server.admin, SAVE, {
    i: { locale: 'en', title: 'Descaling guide', summary: 'Remove limescale.', body: 'Use vinegar and rinse twice.' },
  });
  descaleId = descale.saveKbArticle.id;
  await graphqlAs(server.admin, 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { ...dora, locale: 'en', timeZone: 'Europe/Madrid' },
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('knowledge base', () => {
  it('a customer finds the answer while writing a request and leaves without sending it; analytics count it', async () => {
    const page = await newPage();
    await signInWithCode(page, dora.email);
    await page.goto(portalUrl('requests/new'));
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await page.getByLabel('Subject').fill('My kettle will not boil');
    const suggestions = page.locator('[data-test="kb-suggestions"]');
    await suggestions.getByRole('link', { name: 'Kettle does not boil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kettle does not boil' }).waitFor();
    assert.match(await page.locator('[data-test="kb-article-body"]').innerHTML(), /<h2>Steps<\/h2>/);
    await page.locator('[data-test="kb-yes"]').click();
    await page.locator('[data-test="kb-thanks"]').waitFor();
    await page.close();

    const console = await newPage();
    await signIn(console, server.admin);
    await console.goto(`${server.url}/knowledge-base/analytics`);
    const funnel = console.locator('[data-test="funnel"]');
    await funnel.waitFor();
    const stat = async (key: string) => (await funnel.locator(`[data-test="stat-${key}"] .n-statistic-value`).innerText()).trim();
    assert.equal(await stat('shown'), '1');
    assert.equal(await stat('opened'), '1');
    assert.equal(await stat('helpful'), '1');
    assert.equal(await stat('withCase'), '0');
    assert.equal(await stat('pending'), '1');
    await console.getByText(/no case within 7 days/).waitFor();
  });

  it('an editor translates an article into Spanish, publishes it, and Spanish search finds it', async () => {
    const page = await newPage();
    await signIn(page, server.admin);
    await page.goto(`${server.url}/knowledge-base/articles/${descaleId}`);
    await page.getByText('Descaling guide').first().waitFor();
    await page.locator('[data-test="locale-es"]').click();
    await page.getByText('Source (en)').waitFor();
    await page.locator('[data-test="title"] input').fill('Guía de descalcificación');
    await page.locator('[data-test="body"] textarea').fill('Usa vinagre y aclara dos veces. **Importante**: desenchufa el hervidor.');
    await page.locator('[data-test="preview"]').getByText('Importante').waitFor();
    await page.locator('[data-test="save"]').click();
    await page.getByText('Saved').first().waitFor();
    await page.locator('[data-test="move-PUBLISHED"]').click();
    await page.getByText('Published').first().waitFor();

    const found = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($q: String!) { searchKb(query: $q, filter: { locale: "es" }) { hits { articleId title locale } } }',
        variables: { q: 'descalcificacion vinagre' },
      }),
    }).then((r) => r.json() as Promise<{ data: { searchKb: { hits: Array<{ articleId: string; title: string; locale: string }> } } }>);
    assert.deepEqual(found.data.searchKb.hits, [{ articleId: descaleId, title: 'Guía de descalcificación', locale: 'es' }]);
  });
});
