// Accessibility of the whole console: every page in the navigation (core and the enabled plugins, on
// the demo company's data) is checked with axe-core in the light and the dark theme, and saved as a
// screenshot. Any serious or critical violation fails, listed by page and theme.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import serviceDesk from '@aftercare/service-desk';
import warranty from '@aftercare/warranty';
import { artifacts, type AxeViolation, axeViolations, useBrowser } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
const { newPage, shot, signIn, closeBrowser } = useBrowser(() => server);

before(async () => {
  server = await startE2eServer({ plugins: [serviceDesk, warranty] });
  await server.app.seedDemoData({ customers: 40 });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

describe('console accessibility', () => {
  it('has no serious or critical axe violation on any page, in light and dark theme', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.admin);
    const links = await page
      .locator('nav a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
    assert.ok(links.length >= 15, `the navigation lists the pages: ${links.join(', ')}`);
    const found: Record<string, AxeViolation[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      for (const link of ['/', ...links]) {
        await page.goto(`${server.url}${link}`, { waitUntil: 'networkidle' });
        await page.locator('main h1, main [role="heading"]').first().waitFor();
        const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        if (bad.length) found[`${link} (${theme})`] = bad;
        await shot(page, `a11y-${theme}${link.replace(/\//g, '-') || '-dashboard'}`);
      }
    }
    writeFileSync(path.join(artifacts, 'console-a11y.json'), JSON.stringify(found, null, 2));
    const summary = Object.entries(found).map(([where, v]) => `${where}: ${v.map((x) => `${x.id} ${x.targets.join(' | ')}`).join('; ')}`);
    assert.deepEqual(summary, [], `axe violations:\n${summary.join('\n')}`);
  });
});
