// Helpers for the customer portal's browser tests: the development mail files, sign-in with the
// code they carry, axe-core accessibility checks and screenshots at phone and desktop widths.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts, assertAccessible } from './browser.js';
import type { E2eServer } from './server.js';

/** A mail file decoded enough to read it: headers unfolded, quoted-printable undone. */
export interface Mail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

function decode(raw: string): Mail & { file: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  let body = rest.join('\n\n');
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    body = Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (/base64/i.test(header('Content-Transfer-Encoding'))) body = Buffer.from(body, 'base64').toString('utf8');
  let subject = header('Subject');
  subject = subject.replace(/=\?utf-8\?[QB]\?([^?]*)\?=/gi, (_, s: string) =>
    s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
  return { file: '', to: header('To'), subject, text: body };
}

/** Portal helpers bound to the server the calling test file started. */
export function usePortal(getServer: () => E2eServer) {
  const portalUrl = (p = '') => `${getServer().url}/portal/${p.replace(/^\//, '')}`;

  /** Every mail written so far to this address, oldest first. */
  function mailsTo(address: string): Mail[] {
    const dir = path.join(getServer().dataDir, 'mail');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => ({ ...decode(readFileSync(path.join(dir, f), 'utf8')), file: f }))
      .filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Wait (polling the mail folder) for a mail to this address whose text matches. */
  async function waitForMail(address: string, pattern: RegExp, after: number = 0): Promise<Mail> {
    for (let i = 0; i < 150; i++) {
      const found = mailsTo(address)
        .slice(after)
        .find((m) => pattern.test(m.text) || pattern.test(m.subject));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`No mail to ${address} matching ${pattern} arrived.`);
  }

  /** Sign in on the portal with the 6-digit code from the development mail file; ends on the home page. */
  async function signInWithCode(page: Page, email: string) {
    const before = mailsTo(email).length;
    await page.goto(portalUrl('sign-in'));
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    const mail = await waitForMail(email, /sign-in code is \d{6}/, before);
    const code = /sign-in code is (\d{6})/.exec(mail.text)![1]!;
    await page.getByLabel('Sign-in code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
  }

  /** Run axe-core on the page as it is; fails on any serious or critical violation (WCAG 2.1 A and AA rules). */
  const axe = assertAccessible;

  /** Check accessibility, then save full-page screenshots at 375 px (phone) and 1280 px (desktop) wide. */
  async function check(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    await axe(page, name);
    const size = page.viewportSize()!;
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      // Nothing may stick out sideways on a phone.
      if (width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name} scrolls sideways at 375 px by ${overflow} px`);
        await axe(page, `${name} at 375 px`);
      }
      await page.screenshot({ path: path.join(artifacts, `portal-${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize(size);
  }

  return { portalUrl, mailsTo, waitForMail, signInWithCode, axe, check };
}
