// Shared browser plumbing for the e2e files: Debian's Chromium through playwright-core, sign-in,
// screenshots and GraphQL calls as a given account. Each *.e2e.ts file starts its own server and
// calls useBrowser(() => server) once at module level.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core finding: the rule, its impact and where (at most five elements). */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Run axe-core (WCAG 2.1 A and AA rules) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** Fail on any serious or critical axe-core violation on the page as it is. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe found serious or critical problems on ${name}: ${JSON.stringify(bad, null, 2)}`);
}
