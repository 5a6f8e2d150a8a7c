import { describe, expect, it } from 'vitest';
import { fullWeek, nextWindow, weekSummary, weeklyHours } from '../src/core/calendar.js';
import { settingsFields } from '../src/core/settings-form.js';
import { pluginFolder } from '../src/extensions.js';
import { en } from '../src/locales/en.js';
import { es } from '../src/locales/es.js';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('translations', () => {
  it('Spanish has every English string and nothing else, none left empty', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    const empty = keys(es).filter((k) => !k.split('.').reduce<any>((o, p) => o[p], es));
    expect(empty).toEqual([]);
  });
});

describe('business calendar helpers', () => {
  const week = fullWeek([
    {
      weekday: 1,
      windows: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
    },
    { weekday: 2, windows: [{ start: '09:00', end: '17:00' }] },
  ]);
  it('fills the week Monday first and counts working hours', () => {
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[6]!.windows).toEqual([]);
    expect(weeklyHours(week)).toBe(16);
  });
  it('summarises a week for lists', () => {
    const t = (k: string, v?: Record<string, unknown>) => (k.startsWith('weekdays') ? k.slice(-1) : `${k}:${JSON.stringify(v ?? {})}`);
    expect(weekSummary(week, t)).toBe('1, 2 · calendars.hoursPerWeek:{"n":16}');
    expect(weekSummary([], t)).toBe('calendars.closedAllWeek:{}');
  });
  it('suggests the next window after the last one, never past midnight', () => {
    expect(nextWindow([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextWindow([{ start: '09:00', end: '13:00' }])).toEqual({ start: '14:00', end: '18:00' });
    expect(nextWindow([{ start: '18:00', end: '22:30' }])).toEqual({ start: '23:00', end: '24:00' });
  });
});

describe('generated settings forms', () => {
  it('turns a settings JSON Schema into typed fields', () => {
    const fields = settingsFields({
      type: 'object',
      properties: {
        maxNotes: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'How many' },
        enabled: { type: 'boolean', default: true },
        mode: { type: 'string', enum: ['strict', 'lenient'] },
        tags: { type: 'array', items: { type: 'string' } },
        rules: { type: 'object' },
      },
    });
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ['maxNotes', 'integer'],
      ['enabled', 'boolean'],
      ['mode', 'enum'],
      ['tags', 'string-list'],
      ['rules', 'json'],
    ]);
    expect(fields[0]).toMatchObject({ min: 1, max: 50, description: 'How many', defaultValue: 10 });
    expect(fields[2]!.options).toEqual(['strict', 'lenient']);
  });
});

describe('plugin discovery', () => {
  it('takes the plugin name from its folder', () => {
    expect(pluginFolder('../../../plugins/service-desk/admin/index.ts')).toBe('service-desk');
    expect(pluginFolder('../../../plugins/x/src/index.ts')).toBeUndefined();
  });
});
