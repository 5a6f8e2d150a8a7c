import { describe, expect, it } from 'vitest';
import { classifyMail, failedRecipients, headerLines } from './classify.js';

const h = (lines: string[]) => headerLines(lines.map((line) => ({ key: line.slice(0, line.indexOf(':')), line })));
const base = ['From: Ana <ana@example.org>', 'To: support@example.com', 'Subject: Hello', 'Content-Type: text/plain'];

describe('classifyMail', () => {
  it('lets a message written by a person through', () => {
    expect(classifyMail(h(base))).toEqual({ kind: 'personal', reason: null, bouncedAddresses: [] });
    expect(classifyMail(h([...base, 'Auto-Submitted: no'])).kind).toBe('personal');
    expect(classifyMail(h([...base, 'Precedence: first-class'])).kind).toBe('personal');
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'auto'],
    ['Auto-Submitted: auto-generated', 'auto'],
    ['X-Autoreply: yes', 'auto'],
    ['X-Autorespond: vacation', 'auto'],
    ['X-Auto-Response-Suppress: All', 'auto'],
    ['Precedence: auto_reply', 'auto'],
    ['Return-Path: <>', 'auto'],
    ['Precedence: bulk', 'bulk'],
    ['Precedence: junk', 'bulk'],
    ['Precedence: list', 'bulk'],
    ['List-Id: Newsletter <news.example.org>', 'bulk'],
    ['List-Unsubscribe: <mailto:leave@example.org>', 'bulk'],
  ])('treats %s as %s, whatever the case of the header', (line, kind) => {
    expect(classifyMail(h([...base, line])).kind).toBe(kind);
    expect(classifyMail(h([...base, line.toUpperCase().replace(/^([^:]+):/, (_m, n: string) => `${n.toLowerCase()}:`)])).kind).toBe(kind);
  });

  it('recognises a delivery status notification and the failed recipients in it', () => {
    const report = [
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; Gone@Example.org',
      'Action: failed',
      'Status: 5.1.1',
      '',
      'Final-Recipient: rfc822; late@example.org',
      'Action: delayed',
      'Status: 4.4.1',
    ].join('\r\n');
    const dsn = h([
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
    ]);
    expect(classifyMail(dsn, report)).toEqual({ kind: 'bounce', reason: 'multipart/report', bouncedAddresses: ['gone@example.org'] });
    expect(classifyMail(h(['From: MAILER-DAEMON@mx.example.com', 'Return-Path: <>']), null).kind).toBe('bounce');
  });

  it('reads Original-Recipient when Final-Recipient is missing and ignores malformed addresses', () => {
    expect(
      failedRecipients('Original-Recipient: rfc822;<a@example.org>\nAction: failed\n\nFinal-Recipient: rfc822; nonsense\nAction: failed'),
    ).toEqual(['a@example.org']);
  });

  it('unfolds continued header lines', () => {
    const folded = headerLines([{ key: 'list-id', line: 'List-Id: A long\r\n  name <list.example.org>' }]);
    expect(folded.get('list-id')).toEqual(['A long name <list.example.org>']);
  });
});
