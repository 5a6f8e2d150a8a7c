import { type BusinessCalendar, pickLocale, renderTemplate } from '@aftercare/core';
import { describe, expect, it } from 'vitest';
import { openBusinessMinutes } from './business-minutes.js';
import { buckets, pareto } from './metrics.service.js';
import { TEMPLATES } from './notifications.service.js';
import { renderPlaceholders, unknownPlaceholders } from './placeholders.js';

const office: BusinessCalendar = {
  timeZone: 'Europe/Madrid',
  week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: [],
};
const at = (s: string) => new Date(s);

describe('open business minutes', () => {
  it('counts creation to resolution without pauses and without the time before a reopen', () => {
    // Madrid is UTC+1 in November: 09:00 local = 08:00Z.
    const events = [
      { type: 'created', at: at('2026-11-16T08:00:00Z') },
      { type: 'paused', at: at('2026-11-16T09:00:00Z') }, // 60
      { type: 'resumed', at: at('2026-11-16T11:00:00Z') },
      { type: 'agent_public_reply', at: at('2026-11-16T11:30:00Z') },
      { type: 'resolved', at: at('2026-11-16T12:00:00Z') }, // +60
      { type: 'reopened', at: at('2026-11-17T08:00:00Z') },
      { type: 'resolved', at: at('2026-11-17T08:30:00Z') }, // +30
    ];
    expect(openBusinessMinutes(office, events)).toBe(150);
    expect(openBusinessMinutes(office, events.slice(0, 3), at('2026-11-16T12:00:00Z'))).toBe(120);
    // Seconds are rounded to whole minutes.
    expect(openBusinessMinutes(office, [events[0]!, { type: 'resolved', at: at('2026-11-16T08:10:31Z') }])).toBe(11);
  });
});

describe('placeholders', () => {
  it('fills known placeholders and reports unknown ones', () => {
    const values = { 'customer.name': 'Ana', 'case.reference': 'SD-7', 'case.subject': 'Kettle', 'agent.name': 'Bo' };
    expect(renderPlaceholders('Hi {{ customer.name }}, {{case.reference}} ({{case.subject}}) — {{agent.name}}', values)).toBe(
      'Hi Ana, SD-7 (Kettle) — Bo',
    );
    expect(unknownPlaceholders('{{customer.name}} {{customer.iban}}')).toEqual(['customer.iban']);
  });
});

describe('notification templates', () => {
  it('has English and Spanish for every message, rendered in the base language or English', () => {
    const data = { customerName: 'Ana', reference: 'SD-7', subject: 'Kettle' };
    const ack: Record<string, { subject: string; text: string }> = TEMPLATES['service-desk.case.acknowledged'];
    expect(renderTemplate(ack[pickLocale(Object.keys(ack), 'es-MX')]!, data).subject).toBe('Hemos recibido su solicitud SD-7');
    expect(renderTemplate(ack[pickLocale(Object.keys(ack), 'de-AT')]!, data).subject).toBe('We received your request SD-7');
    for (const t of Object.values(TEMPLATES)) expect(Object.keys(t).sort()).toEqual(['en', 'es']);
  });
});

describe('metric buckets and Pareto', () => {
  it('starts buckets at local midnight, weeks on Monday', () => {
    expect(buckets(at('2026-11-04T12:00:00Z'), at('2026-11-17T00:00:00Z'), 'week', 'Europe/Madrid').map((d) => d.toISOString())).toEqual([
      '2026-11-01T23:00:00.000Z',
      '2026-11-08T23:00:00.000Z',
      '2026-11-15T23:00:00.000Z',
    ]);
  });
  it('sorts by count, then name, with cumulative shares', () => {
    expect(
      pareto([
        { rootCause: 'b', count: 1 },
        { rootCause: 'a', count: 1 },
        { rootCause: 'c', count: 2 },
      ]),
    ).toEqual([
      { rootCause: 'c', count: 2, share: 50, cumulativeShare: 50 },
      { rootCause: 'a', count: 1, share: 25, cumulativeShare: 75 },
      { rootCause: 'b', count: 1, share: 25, cumulativeShare: 100 },
    ]);
    expect(pareto([])).toEqual([]);
  });
});
