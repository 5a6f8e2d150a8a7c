// Shared browser plumbing for the e2e files: Debian's Chromium through playwright-core, sign-in,
// screenshots and GraphQL calls as a given account. Each *.e2e.ts file starts its own server and
// calls useBrowser(() => server) once at module level.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { type Account, type E2eServer, repoRoot } from './server.js';

/** Where screenshots and the bundle report land (kept by CI as test artifacts). */
export const artifacts = path.join(repoRoot, 'tooling/e2e/artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Browser helpers bound to the server the calling test file started. */
export function useBrowser(getServer: () => E2eServer) {
  const contexts: Array<{ context: BrowserContext; dir: string }> = [];
  mkdirSync(artifacts, { recursive: true });

  /** A fresh browser profile (own cookies), so several people can be signed in at once. */
  async function newPage(): Promise<Page> {
    const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-chromium-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1360, height: 860 },
      locale: 'en-US',
    });
    contexts.push({ context, dir });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function shot(page: Page, name: string) {
    await page.waitForTimeout(250); // let transitions settle
    await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  }

  async function signIn(page: Page, who: Account) {
    await page.goto(`${getServer().url}/login`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  }

  const navLabels = async (page: Page) =>
    (await page.locator('nav .n-menu-item-content-header').allTextContents()).map((s) => s.trim()).filter(Boolean);

  /** Runs a GraphQL operation as the given staff user (signs in over GraphQL; the token goes in the header). */
  async function graphqlAs<T>(who: Account, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const post = async (body: unknown, token?: string) => {
      const res = await fetch(`${getServer().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
      if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
      return json.data;
    };
    const login = (await post({
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email: who.email, password: who.password },
    })) as { login: { token: string } };
    return (await post({ query, variables }, login.login.token)) as T;
  }

  async function closeBrowser() {
    for (const c of contexts.splice(0)) {
      await c.context.close().catch(() => undefined);
      rmSync(c.dir, { recursive: true, force: true });
    }
  }

  return { newPage, shot, signIn, navLabels, graphqlAs, closeBrowser };
}
