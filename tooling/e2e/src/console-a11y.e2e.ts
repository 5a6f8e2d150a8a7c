// Accessibility of the whole console: every page in the navigation (core and the enabled plugins, on
// the demo company's data) is checked with axe-core in the light and the dark theme, and saved as a
// screenshot. Any serious or critical violation fails, listed by page and theme. Keyboard use is checked
// too: a skip link, focus moving to the page's heading after each navigation, and a visible focus
// indicator on every element Tab reaches.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import serviceDesk from '@aftercare/service-desk';
import warranty from '@aftercare/warranty';
import type { Page } from 'playwright-core';
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

/** Whether the focused element (or the Naive UI wrapper drawing its focus state) shows a focus indicator. */
const focusIsVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: true, what: 'nothing focused (past the last element)' };
    const what = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    let node: HTMLElement | null = el;
    for (let i = 0; node && i < 5; i++, node = node.parentElement) {
      const cs = getComputedStyle(node);
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) return { visible: true, what };
      if (cs.boxShadow && cs.boxShadow !== 'none') return { visible: true, what };
    }
    return { visible: false, what };
  });

describe('console accessibility', () => {
  it('is usable with the keyboard: skip link, focus on the new page after navigation, visible focus everywhere', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.admin);
    // Skip link: the first Tab reaches it (shown on focus); Enter puts focus in the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.ok(await skip.evaluate((a) => a === document.activeElement), 'the first Tab focuses the skip link');
    assert.ok(await skip.isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('main')), 'after the skip link, focus is in the main content');
    // Navigation moves focus to the new page's main heading (menu links and in-page links alike).
    const links = await page
      .locator('nav a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
    for (const link of links.filter((l) => l !== '/').slice(0, 6)) {
      await page.locator(`nav a[href="${link}"]`).first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.url}${link}`);
      await page
        .waitForFunction(() => document.activeElement?.matches('main h1, main [role="heading"], main#main-content'), null, {
          timeout: 5000,
        })
        .catch(() => undefined);
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { inMain: !!el?.closest('main'), tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim().slice(0, 40) };
      });
      assert.ok(focused.inMain, `after opening ${link} focus is in the main content, not on ${JSON.stringify(focused)}`);
      assert.equal(focused.tag, 'h1', `after opening ${link} focus is on the page's heading`);
    }
    // Visible focus: Tab through the shell once, then through the first controls of every page (from its
    // heading on); each focused element shows a focus indicator.
    const invisible: string[] = [];
    for (const link of ['/', ...links]) {
      await page.goto(`${server.url}${link}`, { waitUntil: 'networkidle' });
      const heading = page.locator('main h1').first();
      await heading.waitFor();
      if (link === '/') await page.locator('body').focus();
      else await heading.evaluate((h) => (h.setAttribute('tabindex', '-1'), h.focus()));
      const seen = new Set<string>();
      for (let i = 0; i < (link === '/' ? 45 : 15); i++) {
        await page.keyboard.press('Tab');
        const f = await focusIsVisible(page);
        if (!f.visible && !seen.has(f.what)) invisible.push(`${link}: ${f.what}`);
        seen.add(f.what);
      }
    }
    assert.deepEqual(invisible, [], `elements without a visible focus indicator:\n${invisible.join('\n')}`);
  });

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

  it('shows none of the Naive UI default texts on any page, in English and Spanish', async () => {
    // Naive UI's own fallbacks (en-US and es-AR): a page showing one has an input without a real placeholder
    // or an empty state without a message of ours.
    const DEFAULTS = [
      'Please Input',
      'Please Select',
      'No Data',
      'Select Date',
      'Select Time',
      'Start Date',
      'End Date',
      'Ingrese datos por favor',
      'Seleccionar por favor',
      'Sin datos',
      'Seleccionar fecha',
      'Seleccionar hora',
      'Fecha de inicio',
      'Fecha final',
    ];
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.admin);
    const links = await page
      .locator('nav a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
    const found: string[] = [];
    for (const lang of ['en', 'es'] as const) {
      await page.evaluate((l) => localStorage.setItem('aftercare.locale', l), lang);
      for (const link of ['/', ...links]) {
        await page.goto(`${server.url}${link}`, { waitUntil: 'networkidle' });
        await page.locator('main h1').first().waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const text = await page.evaluate(() => {
          const placeholders = Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]')).map((e) =>
            e.getAttribute('placeholder'),
          );
          const shown = Array.from(document.querySelectorAll('.n-base-selection-placeholder')).map((e) => e.textContent);
          return [document.body.innerText, ...placeholders, ...shown].join('\n');
        });
        for (const d of DEFAULTS) if (text.toLowerCase().includes(d.toLowerCase())) found.push(`${link} (${lang}): "${d}"`);
      }
    }
    assert.deepEqual(found, [], `Naive UI default texts on screen:\n${found.join('\n')}`);
  });
});
