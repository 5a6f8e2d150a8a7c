import { createTestServer, errorCodes, type GraphQLClient, schemaDrift, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaService } from '../src/index.js';

const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ start: '09:00', end: '17:00' }] }));

describe('SLA engine', () => {
  let server: TestServer;
  let calendarId: string;
  // A fixed "now" so due dates are exact: Friday 2026-11-20 16:30 in Madrid (15:30 UTC).
  let now = new Date('2026-11-20T15:30:00Z');
  let sla: SlaService;
  let client: GraphQLClient;

  beforeAll(async () => {
    server = await createTestServer();
    sla = new SlaService(server.app.dataSource, () => now);
    client = (await server.signInStaff(['Supervisor'])).client;
    const data = await client.data(
      `mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id week { weekday windows { start end } } } }`,
      { input: { name: 'Madrid office', timeZone: 'Europe/Madrid', week: WEEKDAYS_9_TO_17, holidays: [] } },
    );
    calendarId = data.createBusinessCalendar.id;
    expect(data.createBusinessCalendar.week).toHaveLength(7);
  });
  afterAll(() => server?.stop());

  it('has migrations matching its entities', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('ships a default calendar and policy so clocks can start on a fresh install', async () => {
    const data = await client.data(`{ slaPolicies { totalCount items { name isDefault resolutionMinutes } } }`);
    expect(data.slaPolicies.items).toContainEqual({ name: 'Standard', isDefault: true, resolutionMinutes: 2400 });
  });

  it('lets agents read the SLA configuration but not change it', async () => {
    const agent = (await server.signInStaff(['Agent'])).client;
    expect(errorCodes(await agent.request(`{ slaPolicies { totalCount } }`))).toEqual([]);
    const change = await agent.request(`mutation($id: ID!) { deleteBusinessCalendar(id: $id) }`, { id: calendarId });
    expect(errorCodes(change)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.client.request(`{ slaPolicies { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists policies with a constant number of SQL statements, whatever the page size', async () => {
    const one = await client.request(`{ slaPolicies(take: 1) { items { name calendarId } } }`);
    const many = await client.request(`{ slaPolicies(take: 100) { items { name calendarId } } }`);
    // Two statements to resolve the caller's session, one page query and one count (skipped when
    // the first page already holds everything): never more, whatever the page size.
    expect(Number(one.headers.get('x-sql-count'))).toBe(4);
    expect(Number(many.headers.get('x-sql-count'))).toBeLessThanOrEqual(4);
  });

  it('rejects an invalid calendar naming the field, and stores nothing', async () => {
    const overlapping = await client.request(`mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`, {
      input: {
        name: 'Broken',
        timeZone: 'Mars/Olympus',
        week: [
          {
            weekday: 1,
            windows: [
              { start: '09:00', end: '13:00' },
              { start: '12:00', end: '18:00' },
            ],
          },
        ],
      },
    });
    expect(errorCodes(overlapping)).toEqual(['VALIDATION_FAILED']);
    const fields = (overlapping.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toContain('timeZone');
    expect(fields.some((f) => f.startsWith('week.1'))).toBe(true);
    const badTime = await client.request(`mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`, {
      input: { name: 'Broken', timeZone: 'UTC', week: [{ weekday: 8, windows: [{ start: '25:00', end: '18:00' }] }] },
    });
    expect(errorCodes(badTime)).toEqual(['VALIDATION_FAILED']);
    const list = await client.data(`{ businessCalendars { items { name } } }`);
    expect(list.businessCalendars.items.map((c: { name: string }) => c.name)).not.toContain('Broken');
  });

  it('previews business time on a calendar: Friday 16:30 + 4 h → Monday 12:30', async () => {
    const data = await client.data(
      `query($id: ID!) { businessTimePreview(calendarId: $id, start: "2026-11-20T15:30:00Z", minutes: 240) }`,
      { id: calendarId },
    );
    expect(data.businessTimePreview).toBe('2026-11-23T11:30:00.000Z');
  });

  it('chooses the first matching policy by priority, else the default', async () => {
    const created = await client.data(
      `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id name conditions { severities } } }`,
      {
        input: {
          name: 'Serious',
          priority: 10,
          calendarId,
          conditions: { severities: ['serious'] },
          firstResponseMinutes: 30,
          resolutionMinutes: 240,
        },
      },
    );
    expect(created.createSlaPolicy.conditions.severities).toEqual(['serious']);
    const m = server.app.dataSource.manager;
    expect((await sla.choosePolicy(m, { severity: 'serious', kind: 'complaint' })).name).toBe('Serious');
    expect((await sla.choosePolicy(m, { severity: 'minor' })).name).toBe('Standard');
    expect((await sla.choosePolicy(m, {})).name).toBe('Standard');
  });

  it('runs a clock: due dates in business time, pauses add time back, responses meet targets', async () => {
    now = new Date('2026-11-20T15:30:00Z'); // Friday 16:30 Madrid
    const subject = { subjectType: 'test.request', subjectId: '00000000-0000-4000-8000-000000000001' };
    const m = server.app.dataSource.manager;
    const started = await sla.startClock(m, 'core', subject, { severity: 'serious' });
    expect(started.policyName).toBe('Serious');
    // 30 business minutes from Friday 16:30 → Friday 17:00, the end of the working day.
    expect(started.targets.firstResponse.dueAt).toEqual(new Date('2026-11-20T16:00:00Z'));
    // 240 minutes: 30 on Friday + 210 on Monday → Monday 12:30.
    expect(started.targets.resolution.dueAt).toEqual(new Date('2026-11-23T11:30:00Z'));

    now = new Date('2026-11-23T08:30:00Z'); // Monday 09:30: answered 30 minutes late
    const replied = await sla.record(m, subject, 'agent_public_reply');
    expect(replied.targets.firstResponse.status).toBe('breached');

    now = new Date('2026-11-23T09:00:00Z'); // Monday 10:00: waiting on the customer for one hour
    await sla.record(m, subject, 'paused');
    now = new Date('2026-11-23T10:00:00Z');
    const resumed = await sla.record(m, subject, 'resumed');
    expect(resumed.targets.resolution.dueAt).toEqual(new Date('2026-11-23T12:30:00Z'));

    now = new Date('2026-11-23T11:00:00Z');
    const resolved = await sla.record(m, subject, 'resolved');
    expect(resolved.targets.resolution.status).toBe('met');
    expect(resolved.closed).toBe(true);
  });

  it('recalculates open clocks when their calendar changes (a new holiday moves the due date)', async () => {
    now = new Date('2026-11-20T15:30:00Z');
    const subject = { subjectType: 'test.request', subjectId: '00000000-0000-4000-8000-000000000002' };
    await sla.startClock(server.app.dataSource.manager, 'core', subject, { severity: 'serious' });
    const before = await client.data(
      `query($id: ID!) { businessCalendar(id: $id) { name timeZone week { weekday windows { start end } } holidays { date } } }`,
      { id: calendarId },
    );
    const { businessCalendar: cal } = before;
    await client.data(`mutation($id: ID!, $input: BusinessCalendarInput!) { updateBusinessCalendar(id: $id, input: $input) { id } }`, {
      id: calendarId,
      input: {
        name: cal.name,
        timeZone: cal.timeZone,
        week: cal.week,
        holidays: [{ date: '2026-11-23', yearly: false, name: 'Local holiday' }],
      },
    });
    const clock = await sla.clock(subject);
    // Monday is now a holiday: the 210 minutes left after Friday run on Tuesday → 12:30 Madrid.
    expect(clock!.targets.resolution.dueAt).toEqual(new Date('2026-11-24T11:30:00Z'));
  });

  it('refuses a stale calendar update and deleting a calendar in use, with CONFLICT', async () => {
    const UPDATE = `mutation($id: ID!, $input: BusinessCalendarInput!, $v: Int) { updateBusinessCalendar(id: $id, input: $input, expectedVersion: $v) { version } }`;
    const input = { name: 'Madrid office', timeZone: 'Europe/Madrid', week: WEEKDAYS_9_TO_17, holidays: [] };
    const { version } = (await client.data(`query($id: ID!) { businessCalendar(id: $id) { version } }`, { id: calendarId }))
      .businessCalendar;
    // The version the editor read is accepted once and advances; sending it again is a conflict.
    const saved = (await client.data(UPDATE, { id: calendarId, input, v: version })).updateBusinessCalendar;
    expect(saved.version).toBe(version + 1);
    expect(errorCodes(await client.request(UPDATE, { id: calendarId, input, v: version }))).toEqual(['CONFLICT']);
    const stale = await client.request(
      `mutation($id: ID!, $input: BusinessCalendarInput!) { updateBusinessCalendar(id: $id, input: $input, expectedVersion: 1) { id } }`,
      {
        id: calendarId,
        input: { name: 'Madrid office', timeZone: 'Europe/Madrid', week: WEEKDAYS_9_TO_17, holidays: [] },
      },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const del = await client.request(`mutation($id: ID!) { deleteBusinessCalendar(id: $id) }`, { id: calendarId });
    expect(errorCodes(del)).toEqual(['CONFLICT']);
    expect(del.errors![0]!.message).toContain("used by SLA policies 'Serious'");
  });

  it('loses no event when two writers record on the same clock at once', async () => {
    now = new Date('2026-11-20T15:30:00Z');
    const subject = { subjectType: 'test.request', subjectId: '00000000-0000-4000-8000-000000000003' };
    await sla.startClock(server.app.dataSource.manager, 'core', subject, {});
    now = new Date('2026-11-23T08:30:00Z');
    const ds = server.app.dataSource;
    await Promise.all([
      ds.transaction((m) => sla.record(m, subject, 'customer_message')),
      ds.transaction((m) => sla.record(m, subject, 'agent_public_reply')),
      ds.transaction((m) => sla.record(m, subject, 'internal_note')),
    ]);
    const [row] = await ds.query(`SELECT jsonb_array_length(events) AS n FROM sla_clock WHERE subject_id = $1`, [subject.subjectId]);
    expect(row.n).toBe(4);
  });
});
