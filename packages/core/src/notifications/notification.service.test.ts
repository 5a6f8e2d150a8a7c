import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMailTransport, pickLocale, renderTemplate } from './notification.service.js';

describe('notification helpers', () => {
  it('picks the exact locale, then the language, then English', () => {
    expect(pickLocale(['en', 'es', 'es-MX'], 'es-MX')).toBe('es-MX');
    expect(pickLocale(['en', 'es'], 'es-AR')).toBe('es');
    expect(pickLocale(['en', 'es'], 'de')).toBe('en');
    expect(pickLocale(['en', 'es'], null)).toBe('en');
  });

  it('renders placeholders without HTML escaping and keeps the subject on one line', () => {
    expect(renderTemplate({ subject: 'Case {{ref}}\n', text: '{{who}} & co' }, { ref: 'A-1', who: '<Ann>' })).toEqual({
      subject: 'Case A-1',
      text: '<Ann> & co',
    });
  });

  it('writes an .eml file a mail program opens when no SMTP server is configured', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mail-'));
    const send = createMailTransport({ dataDir, logger: pino({ level: 'silent' }) });
    await send({
      id: '0b7c1c2e-1111-4222-8333-444455556666',
      from: 'Desk <desk@example.com>',
      to: 'ana@example.com',
      subject: 'Señal',
      text: 'Hola',
    });
    const [file] = await fs.readdir(path.join(dataDir, 'mail'));
    expect(file).toMatch(/\.eml$/);
    const eml = await fs.readFile(path.join(dataDir, 'mail', file!), 'utf8');
    expect(eml).toContain('To: ana@example.com');
    expect(eml).toContain('From: Desk <desk@example.com>');
    expect(eml).toMatch(/Subject: =\?UTF-8\?Q\?Se=C3=B1al\?=/);
  });
});
