import { createTestServer, errorCodes, type GraphQLClient, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, type PluginContext, timeBucketSql } from '../src/index.js';

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ start: '00:00', end: '24:00' }] }));
const HOUR = 3_600_000;

/** A plugin measuring "visits" per day, grouped by shop, readable with its own permission. */
function visitsPlugin() {
  let ctx: PluginContext | undefined;
  const plugin = definePlugin({
    name: 'visits',
    version: '1.0.0',
    compatibility: '^0.1.0',
    permissions: [{ name: 'visits.metrics.read', description: 'Read visit metrics.' }],
    migrations: [
      class VisitsInit1732000000200 {
        async up(q: { query(sql: string): Promise<unknown> }) {
          await q.query(`CREATE TABLE visits_visit (id serial PRIMARY KEY, shop text NOT NULL, at timestamptz NOT NULL)`);
        }
        async down(q: { query(sql: string): Promise<unknown> }) {
          await q.query('DROP TABLE visits_visit');
        }
      },
    ],
    setup(c) {
      ctx = c;
      c.metrics.define({
        name: 'visits.count',
        label: 'Visits',
        description: 'Visits per bucket.',
        unit: 'count',
        permission: 'visits.metrics.read',
        groupBy: ['shop'],
        async compute({ manager, from, to, interval, timeZone, groupBy }) {
          const rows: Array<{ bucket: Date; grp: string | null; n: string }> = await manager.query(
            `SELECT ${timeBucketSql('at', interval, timeZone)} AS bucket, ${groupBy === 'shop' ? 'shop' : 'NULL'}::text AS grp, count(*) AS n
               FROM visits_visit WHERE at >= $1 AND at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
            [from, to],
          );
          return rows.map((r) => ({ bucket: new Date(r.bucket), group: r.grp, value: Number(r.n), sampleSize: Number(r.n) }));
        },
      });
    },
  });
  return { plugin, ctx: () => ctx! };
}

const SERIES = `query ($names: [String!]!, $from: DateTimeISO!, $to: DateTimeISO!, $interval: MetricInterval, $tz: String, $groupBy: String) {
  metrics(names: $names, from: $from, to: $to, interval: $interval, timeZone: $tz, groupBy: $groupBy) {
    metric { name unit } points { bucket group value sampleSize }
  }
}`;

describe('metrics registry and query', () => {
  let server: TestServer;
  let admin: GraphQLClient;
  const visits = visitsPlugin();
  beforeAll(async () => {
    server = await createTestServer({ plugins: [visits.plugin] });
    admin = (await server.signInStaff()).client;
    // Madrid is UTC+1 in January: 23:30 UTC on the 1st is already the 2nd there.
    await server.app.dataSource.query(
      `INSERT INTO visits_visit (shop, at) VALUES ('north', '2026-01-01T10:00:00Z'), ('south', '2026-01-01T12:00:00Z'), ('north', '2026-01-01T23:30:00Z')`,
    );
  });
  afterAll(() => server?.stop());

  it('lists the metrics the caller may read, with their definitions', async () => {
    const all = (await admin.data(`{ metricDefinitions { name unit groupBy } }`)).metricDefinitions;
    expect(all).toEqual([
      { name: 'core.sla_compliance', unit: 'percent', groupBy: ['target', 'owner'] },
      { name: 'visits.count', unit: 'count', groupBy: ['shop'] },
    ]);
    const agent = (await server.signInStaff(['Agent'])).client;
    expect((await agent.data(`{ metricDefinitions { name } }`)).metricDefinitions).toEqual([{ name: 'core.sla_compliance' }]);
  });

  it('buckets by midnight in the asked time zone and groups by a declared dimension', async () => {
    const vars = { names: ['visits.count'], from: '2026-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' };
    const utc = (await admin.data(SERIES, vars)).metrics[0].points;
    expect(utc).toEqual([{ bucket: '2026-01-01T00:00:00.000Z', group: null, value: 3, sampleSize: 3 }]);
    const madrid = (await admin.data(SERIES, { ...vars, tz: 'Europe/Madrid', groupBy: 'shop' })).metrics[0].points;
    expect(madrid).toEqual([
      { bucket: '2025-12-31T23:00:00.000Z', group: 'north', value: 1, sampleSize: 1 },
      { bucket: '2025-12-31T23:00:00.000Z', group: 'south', value: 1, sampleSize: 1 },
      { bucket: '2026-01-01T23:00:00.000Z', group: 'north', value: 1, sampleSize: 1 },
    ]);
  });

  it('refuses unknown metrics, bad ranges, zones and groupings, naming each, and metrics the caller may not read', async () => {
    const bad = await admin.request(SERIES, {
      names: ['visits.count', 'nope.metric'],
      from: '2026-02-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
      tz: 'Mars/Base',
      groupBy: 'colour',
    });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    const fields = (bad.errors![0]!.extensions!.fields as Array<{ field: string; message: string }>).map((f) => f.field);
    expect(fields.sort()).toEqual(['groupBy', 'names', 'timeZone', 'to']);
    const tooLong = await admin.request(SERIES, { names: ['visits.count'], from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(tooLong.errors![0]!.message).toContain('at most 400 days');
    const agent = (await server.signInStaff(['Agent'])).client;
    const denied = await agent.request(SERIES, { names: ['visits.count'], from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(denied.errors![0]!.message).toContain('visits.count needs visits.metrics.read');
  });

  it('computes SLA compliance per target: met against decided targets, overdue running ones counting as breached', async () => {
    const cal = await admin.data(`mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`, {
      input: { name: 'Always open', timeZone: 'UTC', week: ALL_WEEK, holidays: [] },
    });
    await admin.data(`mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`, {
      input: {
        name: 'Hour',
        calendarId: cal.createBusinessCalendar.id,
        priority: 0,
        conditions: { kinds: ['m'] },
        firstResponseMinutes: 60,
      },
    });
    const sla = visits.ctx().sla;
    const start = (n: number, hoursAgo: number, answerAfterMinutes?: number) =>
      visits.ctx().db.transaction(async (m) => {
        const subject = { subjectType: 'visits.visit', subjectId: `00000000-0000-4000-8000-00000000001${n}` };
        const at = new Date(Date.now() - hoursAgo * HOUR);
        await sla.startClock(m, 'visits', subject, { kind: 'm' }, at);
        if (answerAfterMinutes !== undefined)
          await sla.record(m, subject, 'agent_public_reply', new Date(at.getTime() + answerAfterMinutes * 60_000));
      });
    await start(1, 3, 10); // met
    await start(2, 3, 90); // answered late: breached
    await start(3, 3); // never answered, overdue: breached
    await start(4, 0); // running, not yet due: not counted
    const series = (
      await admin.data(SERIES, {
        names: ['core.sla_compliance'],
        from: new Date(Date.now() - 48 * HOUR).toISOString(),
        to: new Date(Date.now() + 48 * HOUR).toISOString(),
        interval: 'week',
        groupBy: 'target',
      })
    ).metrics[0];
    const points = series.points.filter((p: { group: string }) => p.group === 'firstResponse');
    const decided = points.reduce((a: number, p: { sampleSize: number }) => a + p.sampleSize, 0);
    const met = points.reduce((a: number, p: { sampleSize: number; value: number }) => a + (p.value * p.sampleSize) / 100, 0);
    expect(decided).toBe(3);
    expect(Math.round(met)).toBe(1);
  });
});
