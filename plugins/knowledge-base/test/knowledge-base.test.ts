import '@aftercare/testing/global-setup';
import serviceDesk from '@aftercare/service-desk';
import {
  createTestClock,
  createTestServer,
  errorCodes,
  eventually,
  schemaDrift,
  type TestServer,
  type TestSession,
} from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { removePersonalData } from '../src/lib/pii.js';

const SAVE = `mutation($i: SaveKbArticleInput!) { saveKbArticle(input: $i) { id version status defaultLocale translations { locale slug title html outdated revision } } }`;
const MOVE = `mutation($i: TransitionKbArticleInput!) { transitionKbArticle(input: $i) { id status version publishedAt } }`;
const SEARCH = `query($q: String!, $f: KbSearchFilter) { searchKb(query: $q, filter: $f) { searchId total hits { articleId title snippet locale fallback forYourProducts } categories { value count } visibilities { value count } } }`;
const SUGGEST = `query($t: String!, $m: ID, $s: ID) { suggestArticles(text: $t, modelId: $m, suggestionId: $s) { suggestionId articles { articleId title snippet } } }`;
const VIEW = `query($id: ID, $slug: String, $l: String, $s: ID) { kbArticle(id: $id, slug: $slug, locale: $l, suggestionId: $s) { articleId title html locale fallback outdated related { articleId title } slugs { locale slug } } }`;
const VOTE = `mutation($i: VoteKbArticleInput!) { voteKbArticle(input: $i) { helpful notHelpful } }`;
const FUNNEL = `query($f: DateTimeISO!, $t: DateTimeISO!) { kbDeflection(from: $f, to: $t) { shown opened helpful notHelpful withCase matured deflected pending deflectionRate helpfulness definition } }`;

const clock = createTestClock('2026-03-02T09:00:00Z');
let server: TestServer;
let editor: TestSession;
let agent: TestSession;

interface Saved {
  id: string;
  version: number;
}

async function article(input: Record<string, unknown>, publish = true): Promise<Saved> {
  const saved = (await editor.client.data(SAVE, { i: { locale: 'en', summary: '', ...input } })).saveKbArticle as Saved;
  if (!publish) return saved;
  return (await editor.client.data(MOVE, { i: { id: saved.id, to: 'PUBLISHED' } })).transitionKbArticle as Saved;
}

const ids = (hits: Array<{ articleId: string }>) => hits.map((h) => h.articleId);

beforeAll(async () => {
  server = await createTestServer({ plugins: [serviceDesk, plugin], clock });
  editor = await server.signInStaff(['Supervisor']);
  agent = await server.signInStaff(['Agent']);
});
afterAll(async () => {
  await server?.stop();
});

describe('Knowledge base', () => {
  it('the migrations create exactly what the entities describe', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('ranks a title match above a body match, and the scoped article first for an owner of the model', async () => {
    const body = await article({ title: 'Cleaning the case', body: 'Avoid water near the thermostat when you clean.' });
    const title = await article({ title: 'Thermostat shows an error', body: 'Restart it.' });
    const anon = await server.client.data(SEARCH, { q: 'thermostat' });
    expect(ids(anon.searchKb.hits)).toEqual([title.id, body.id]);
    expect(anon.searchKb.hits[1].snippet).toContain('<mark>thermostat</mark>');

    const owned = await server.fixtures.purchase();
    const scoped = await article({ title: 'Thermostat firmware notes', body: 'For this model only.', modelIds: [owned.modelId] });
    const owner = await server.fixtures.customerSession(owned.customerId);
    const mine = await owner.client.data(SEARCH, { q: 'thermostat' });
    expect(mine.searchKb.hits[0]).toMatchObject({ articleId: scoped.id, forYourProducts: true });
    const other = await server.signInCustomer();
    const theirs = await other.client.data(SEARCH, { q: 'thermostat' });
    expect(theirs.searchKb.hits[0].forYourProducts).toBe(false);
    expect(ids(theirs.searchKb.hits).at(-1)).toBe(body.id);
  });

  it('stems Spanish, ignores accents, matches the word being typed and tolerates typos in titles', async () => {
    const a = await article({ title: 'Battery does not charge', body: 'Use the original charger.' });
    await editor.client.data(SAVE, { i: { id: a.id, locale: 'es', title: 'La batería no carga', body: 'Usa el cargador original.' } });
    const es = await server.client.data(SEARCH, { q: 'bateria cargando', f: { locale: 'es' } });
    expect(es.searchKb.hits[0]).toMatchObject({ articleId: a.id, locale: 'es', title: 'La batería no carga', fallback: false });
    const prefix = await server.client.data(SEARCH, { q: 'batt' });
    expect(ids(prefix.searchKb.hits)).toContain(a.id);
    const typo = await server.client.data(SEARCH, { q: 'baterry' });
    expect(ids(typo.searchKb.hits)).toContain(a.id);
    // A locale without a translation falls back to the default locale.
    const fr = await server.client.data(VIEW, { id: a.id, l: 'fr' });
    expect(fr.kbArticle).toMatchObject({ locale: 'en', fallback: true });
    // Changing the English source marks the Spanish translation outdated.
    await editor.client.data(SAVE, {
      i: { id: a.id, locale: 'en', title: 'Battery does not charge', body: 'Use the original charger and cable.' },
    });
    const outdated = await server.client.data(VIEW, { id: a.id, l: 'es' });
    expect(outdated.kbArticle).toMatchObject({ locale: 'es', outdated: true });
  });

  it('renders Markdown to sanitised HTML', async () => {
    const a = await article({
      title: 'Markdown sample',
      body: '# Steps\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **bold** <img src=x onerror=alert(1)>',
    });
    const view = (await server.client.data(VIEW, { id: a.id })).kbArticle;
    expect(view.html).toContain('<h1>Steps</h1>');
    expect(view.html).toContain('<strong>bold</strong>');
    expect(view.html).not.toMatch(/<script|href="javascript|<img/i);
    expect(view.html).toContain('&lt;script&gt;');
  });

  it('never shows internal or unpublished content to customers: search, snippets, suggestions, related articles, pages', async () => {
    const internal = await article({ title: 'Zebracorn internal procedure', body: 'Secret zebracorn steps.', visibility: 'INTERNAL' });
    const draft = await article({ title: 'Zebracorn draft', body: 'Not ready.' }, false);
    const members = await article({ title: 'Zebracorn for members', body: 'Signed-in only.', visibility: 'CUSTOMERS' });
    const pub = await article({ title: 'Zebracorn public answer', body: 'Public zebracorn.', relatedIds: [internal.id, members.id] });
    const customer = await server.signInCustomer();

    const cs = (await customer.client.data(SEARCH, { q: 'zebracorn' })).searchKb;
    expect(ids(cs.hits).sort()).toEqual([members.id, pub.id].sort());
    expect(JSON.stringify(cs)).not.toMatch(/Secret|internal procedure|draft/i);
    expect(cs.visibilities.map((v: { value: string }) => v.value).sort()).toEqual(['customers', 'public']);
    const sug = (await customer.client.data(SUGGEST, { t: 'my zebracorn broke' })).suggestArticles;
    expect(ids(sug.articles)).not.toContain(internal.id);
    expect(ids(sug.articles)).not.toContain(draft.id);
    const page = (await customer.client.data(VIEW, { id: pub.id })).kbArticle;
    expect(ids(page.related)).toEqual([members.id]);
    expect(errorCodes(await customer.client.request(VIEW, { id: internal.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await customer.client.request(VIEW, { id: draft.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await customer.client.request(VOTE, { i: { articleId: internal.id, helpful: true } }))).toEqual(['NOT_FOUND']);

    const anon = (await server.client.data(SEARCH, { q: 'zebracorn' })).searchKb;
    expect(ids(anon.hits)).toEqual([pub.id]);
    expect(ids((await server.client.data(VIEW, { id: pub.id })).kbArticle.related)).toEqual([]);

    const staff = (await agent.client.data(SEARCH, { q: 'zebracorn' })).searchKb;
    expect(ids(staff.hits)).toContain(internal.id);
    const sitemap = (await server.client.data(`{ kbSitemap { locale slug } }`)).kbSitemap.map((e: { slug: string }) => e.slug);
    expect(sitemap).toContain('zebracorn-public-answer');
    expect(sitemap.filter((slug: string) => slug.startsWith('zebracorn'))).toEqual(['zebracorn-public-answer']);
  });

  it('publishes a scheduled article at the right moment, and only a publisher may publish', async () => {
    const a = await article({ title: 'Quokka scheduled launch notes', body: 'Coming soon.' }, false);
    expect(errorCodes(await agent.client.request(MOVE, { i: { id: a.id, to: 'PUBLISHED' } }))).toEqual(['FORBIDDEN']);
    await agent.client.data(MOVE, { i: { id: a.id, to: 'IN_REVIEW' } });
    const at = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const published = (await editor.client.data(MOVE, { i: { id: a.id, to: 'PUBLISHED', publishAt: at } })).transitionKbArticle;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: at });
    expect(errorCodes(await server.client.request(VIEW, { id: a.id }))).toEqual(['NOT_FOUND']);
    expect((await server.client.data(SEARCH, { q: 'quokka' })).searchKb.total).toBe(0);
    await server.advanceClock(3_599_000);
    expect(errorCodes(await server.client.request(VIEW, { id: a.id }))).toEqual(['NOT_FOUND']);
    await server.advanceClock(1_000);
    expect((await server.client.data(VIEW, { id: a.id })).kbArticle.title).toBe('Quokka scheduled launch notes');
    expect(ids((await server.client.data(SEARCH, { q: 'quokka' })).searchKb.hits)).toEqual([a.id]);
  });

  it('keeps every save as a revision and restores one', async () => {
    const a = await article({ title: 'Wombat setup', body: 'First text.', note: 'first' }, false);
    const second = (
      await editor.client.data(SAVE, { i: { id: a.id, locale: 'en', title: 'Wombat setup', body: 'Second text.', note: 'second' } })
    ).saveKbArticle;
    const revs = (
      await editor.client.data(`query($id: ID!) { kbArticleRevisions(articleId: $id) { id number body note author } }`, { id: a.id })
    ).kbArticleRevisions;
    expect(revs.map((r: { number: number; note: string }) => [r.number, r.note])).toEqual([
      [2, 'second'],
      [1, 'first'],
    ]);
    const stale = await editor.client.request(
      `mutation($r: ID!, $v: Int) { restoreKbArticleRevision(revisionId: $r, expectedVersion: $v) { id } }`,
      { r: revs[1].id, v: a.version },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const restored = (
      await editor.client.data(
        `mutation($r: ID!, $v: Int) { restoreKbArticleRevision(revisionId: $r, expectedVersion: $v) { translations { body revision } } }`,
        { r: revs[1].id, v: second.version },
      )
    ).restoreKbArticleRevision;
    expect(restored.translations[0]).toEqual({ body: 'First text.', revision: 3 });
  });

  it('measures the deflection funnel end to end against a hand-computed fixture', async () => {
    const from = clock.now().toISOString();
    const a = await article({ title: 'Kettle will not boil', body: 'Descale the kettle with vinegar.' });
    const [c1, c2, c3, c4] = await Promise.all([1, 2, 3, 4].map(() => server.signInCustomer()));
    // c1: shown, opened, helpful, no case → deflected.
    const s1 = (await c1!.client.data(SUGGEST, { t: 'my kettle does not boil' })).suggestArticles;
    expect(ids(s1.articles)).toContain(a.id);
    await c1!.client.data(VIEW, { id: a.id, s: s1.suggestionId });
    await c1!.client.data(VOTE, { i: { articleId: a.id, helpful: true, suggestionId: s1.suggestionId } });
    // c2: shown, opened, not helpful, opens a case the same day → not deflected.
    const s2 = (await c2!.client.data(SUGGEST, { t: 'kettle boil problem' })).suggestArticles;
    await c2!.client.data(VIEW, { id: a.id, s: s2.suggestionId });
    await c2!.client.data(VOTE, { i: { articleId: a.id, helpful: false, reason: 'did not help', suggestionId: s2.suggestionId } });
    await c2!.client.data(`mutation($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
      i: { kind: 'INQUIRY', subject: 'Kettle', description: 'Still does not boil' },
    });
    // c3: shown, never opened, no case → deflected (the suggestion alone was enough).
    // Typing on updates the same suggestion.
    const s3 = (await c3!.client.data(SUGGEST, { t: 'kettle' })).suggestArticles;
    const s3b = (await c3!.client.data(SUGGEST, { t: 'kettle boil', s: s3.suggestionId })).suggestArticles;
    expect(s3b.suggestionId).toBe(s3.suggestionId);
    // c4 cannot touch c3's suggestion: it gets its own.
    const s4 = (await c4!.client.data(SUGGEST, { t: 'kettle', s: s3.suggestionId })).suggestArticles;
    expect(s4.suggestionId).not.toBe(s3.suggestionId);
    await c4!.client.data(VIEW, { id: a.id, s: s3.suggestionId });

    await eventually(async () => {
      const f = (await editor.client.data(FUNNEL, { f: from, t: '2027-01-01T00:00:00Z' })).kbDeflection;
      return f.withCase === 1;
    });
    const early = (await editor.client.data(FUNNEL, { f: from, t: '2027-01-01T00:00:00Z' })).kbDeflection;
    expect(early).toMatchObject({
      shown: 4,
      opened: 2,
      helpful: 1,
      notHelpful: 1,
      withCase: 1,
      matured: 0,
      deflected: 0,
      pending: 3,
      deflectionRate: null,
    });
    await server.advanceClock(8 * 86_400_000);
    // c4 opens a case 8 days later: outside the window, it does not count against its suggestion.
    await c4!.client.data(`mutation($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
      i: { kind: 'INQUIRY', subject: 'Kettle', description: 'Another question' },
    });
    await new Promise((r) => setTimeout(r, 1500));
    const late = (await editor.client.data(FUNNEL, { f: from, t: '2027-01-01T00:00:00Z' })).kbDeflection;
    expect(late).toMatchObject({ shown: 4, withCase: 1, matured: 4, deflected: 3, pending: 0, deflectionRate: 75, helpfulness: 50 });
    expect(late.definition).toMatch(/7 days/);
    expect(errorCodes(await agent.client.request(FUNNEL, { f: from, t: '2027-01-01T00:00:00Z' }))).toEqual(['FORBIDDEN']);
  });

  it('removes personal data from an article created from a case', async () => {
    const customer = await server.fixtures.customer({
      name: 'Lucía Fernández',
      email: 'lucia.f@example.com',
      phones: [{ number: '+34 600 123 456' }],
    });
    const created = (
      await agent.client.data(
        `mutation($i: CreateKbArticleFromCaseInput!) { createKbArticleFromCase(input: $i) { id status visibility translations { title body } } }`,
        {
          i: {
            caseId: '00000000-0000-4000-8000-000000000001',
            caseReference: 'SD-1042',
            customerId: customer.id,
            title: 'Lucía: router drops Wi-Fi (order ORD-99812)',
            body: 'Hi Lucía, thanks for writing about SD-1042. Call us on +34 600 123 456 or write to lucia.f@example.com or to other@mail.es. Order #553201. Fix: update the firmware. Regards, Marta Ruiz',
          },
        },
      )
    ).createKbArticleFromCase;
    expect(created).toMatchObject({ status: 'DRAFT', visibility: 'INTERNAL' });
    const text = `${created.translations[0].title} ${created.translations[0].body}`;
    for (const pii of [
      'Lucía',
      'Fernández',
      '600 123 456',
      'lucia.f@example.com',
      'other@mail.es',
      'ORD-99812',
      '553201',
      'SD-1042',
      'Marta',
    ]) {
      expect(text).not.toContain(pii);
    }
    expect(text).toContain('update the firmware');
    expect(removePersonalData('Dear Ana, call 0034 611 22 33 44')).toBe('Dear [name], call [phone]');
  });

  it('refuses hostile input with coded errors naming the field, and writes nothing', async () => {
    const bad = async (i: Record<string, unknown>) =>
      errorCodes(await editor.client.request(SAVE, { i: { locale: 'en', title: 'x', body: 'y', ...i } }));
    expect(await bad({ title: '   ' })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ locale: 'english!' })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ slug: 'Not A Slug' })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ title: 'ü'.repeat(201) })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ categoryId: 'not-an-id' })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ modelIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['VALIDATION_FAILED']);
    expect(await bad({ id: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
    expect(await bad({ id: 12 })).toEqual(['NOT_FOUND']);
    expect(await bad({ expectedVersion: -5, id: '00000000-0000-4000-8000-000000000000' })).toEqual(['VALIDATION_FAILED']);
    const before = await editor.client.data(`{ kbArticles(take: 1) { totalCount } }`);
    expect(await bad({ modelIds: ['00000000-0000-4000-8000-000000000000'], title: 'Half written?' })).toEqual(['VALIDATION_FAILED']);
    expect((await editor.client.data(`{ kbArticles(take: 1) { totalCount } }`)).kbArticles.totalCount).toBe(before.kbArticles.totalCount);
    expect(errorCodes(await server.client.request(SEARCH, { q: 'a'.repeat(3000) }))).toEqual(['VALIDATION_FAILED']);
    expect((await server.client.data(SEARCH, { q: `'&|!:*()<-> \\ 日本語` })).searchKb.total).toBe(0);
    expect(errorCodes(await server.client.request(VIEW, { id: 'nope' }))).toEqual(['NOT_FOUND']);
    const anyArticle = (await editor.client.data(`{ kbArticles(status: PUBLISHED, take: 1) { items { id } } }`)).kbArticles.items[0].id;
    // A tampered tracking id in a URL never breaks the article page.
    expect((await server.client.data(VIEW, { id: anyArticle, s: 'garbage' })).kbArticle.articleId).toBe(anyArticle);
    expect(errorCodes(await server.client.request(MOVE, { i: { id: 'nope', to: 'PUBLISHED' } }))).toEqual(['UNAUTHENTICATED']);
    const customer = await server.signInCustomer();
    expect(errorCodes(await customer.client.request(SAVE, { i: { locale: 'en', title: 'x', body: 'y' } }))).toEqual(['FORBIDDEN']);
  });

  it('lists articles not reviewed for the configured months as stale, until someone reviews them', async () => {
    const a = await article({ title: 'Platypus care', body: 'Old advice.' });
    const STALE = `{ kbStaleArticles { articleId reasons } }`;
    const before = (await editor.client.data(STALE)).kbStaleArticles;
    expect(before.map((s: { articleId: string }) => s.articleId)).not.toContain(a.id);
    await server.advanceClock(366 * 86_400_000);
    const stale = (await editor.client.data(STALE)).kbStaleArticles.find((s: { articleId: string }) => s.articleId === a.id);
    expect(stale.reasons).toEqual(['not_reviewed']);
    // The weekly job turns it into a review task for its owner (the editor who wrote it).
    expect(await server.app.servicesOf(plugin).analytics.notifyStaleOwners()).toBeGreaterThanOrEqual(1);
    const tasks: Array<{ title: string; body: string }> = await server.app.dataSource.query(
      `SELECT title, body FROM staff_notification WHERE kind = 'knowledge-base.stale-articles'`,
    );
    expect(tasks.some((task) => task.body.includes('Platypus care (not reviewed)'))).toBe(true);
    await editor.client.data(`mutation($id: ID!) { markKbArticleReviewed(id: $id) { id } }`, { id: a.id });
    const after = (await editor.client.data(STALE)).kbStaleArticles;
    expect(after.map((s: { articleId: string }) => s.articleId)).not.toContain(a.id);
  });

  it('keeps guide progress per customer', async () => {
    const a = await article({ title: 'Guide step one', body: 'One.' });
    const b = await article({ title: 'Guide step two', body: 'Two.' });
    const guide = (
      await editor.client.data(`mutation($i: SaveKbGuideInput!) { saveKbGuide(input: $i) { id steps { articleId } } }`, {
        i: { slug: 'getting-started', titles: [{ locale: 'en', text: 'Getting started' }], articleIds: [a.id, b.id] },
      })
    ).saveKbGuide;
    expect(ids(guide.steps)).toEqual([a.id, b.id]);
    const [alice, bob] = [await server.signInCustomer(), await server.signInCustomer()];
    const MARK = `mutation($g: ID!, $a: ID!) { markGuideStepDone(guideId: $g, articleId: $a) { doneCount } }`;
    expect((await alice.client.data(MARK, { g: guide.id, a: a.id })).markGuideStepDone.doneCount).toBe(1);
    expect((await alice.client.data(MARK, { g: guide.id, a: a.id })).markGuideStepDone.doneCount).toBe(1);
    const mine = `{ myKbGuides { id doneCount steps { articleId done } } }`;
    expect((await alice.client.data(mine)).myKbGuides[0].doneCount).toBe(1);
    expect((await bob.client.data(mine)).myKbGuides[0].doneCount).toBe(0);
    expect(errorCodes(await editor.client.request(mine))).toEqual(['FORBIDDEN']);
  });
});
