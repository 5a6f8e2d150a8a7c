import { createTestClock, createTestServer, eventually, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveredEvent, definePlugin, type PluginContext, slaBreached, slaWarning, type SlaAlertPayload } from '../src/index.js';

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ start: '00:00', end: '24:00' }] }));
const MINUTE = 60_000;

/** A plugin whose requests get SLA clocks, recording the alerts it receives like a desk escalating. */
function requestsPlugin() {
  let ctx: PluginContext | undefined;
  const received: Array<{ type: string; payload: SlaAlertPayload }> = [];
  const plugin = definePlugin({
    name: 'requests',
    version: '1.0.0',
    compatibility: '^0.1.0',
    setup(c) {
      ctx = c;
      const record = async (event: DeliveredEvent<SlaAlertPayload>) => {
        if (event.payload.owner === 'requests') received.push({ type: event.type, payload: event.payload });
      };
      c.subscribe(slaWarning, 'warnings', record);
      c.subscribe(slaBreached, 'breaches', record);
    },
  });
  const start = (id: string, startedMinutesAgo: number, answered = false) =>
    ctx!.db.transaction(async (m) => {
      const subject = { subjectType: 'requests.request', subjectId: id };
      const at = new Date(ctx!.clock.now().getTime() - startedMinutesAgo * MINUTE);
      await ctx!.sla.startClock(m, 'requests', subject, { kind: 'alert-test' }, at);
      if (answered) await ctx!.sla.record(m, subject, 'agent_public_reply', new Date(at.getTime() + MINUTE));
    });
  return { plugin, received, start, ctx: () => ctx! };
}

async function alertPolicy(server: TestServer) {
  const admin = (await server.signInStaff()).client;
  const cal = await admin.data(`mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`, {
    input: { name: 'Always open', timeZone: 'UTC', week: ALL_WEEK, holidays: [] },
  });
  // One hour to answer, warned 15 business minutes before.
  await admin.data(`mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`, {
    input: {
      name: 'Alert test',
      calendarId: cal.createBusinessCalendar.id,
      priority: 0,
      conditions: { kinds: ['alert-test'] },
      firstResponseMinutes: 60,
      warningLeadMinutes: 15,
    },
  });
}

describe('SLA warning and breach events', () => {
  let server: TestServer;
  const requests = requestsPlugin();
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [requests.plugin], config: { jobPollSeconds: 0.5 } });
    await alertPolicy(server);
  });
  afterAll(() => server?.stop());

  const alertsOf = (n: number) =>
    requests.received.filter((r) => r.payload.subjectId === id(n)).map((r) => `${r.type}:${r.payload.target}`);

  it('warns once the warning lead is reached and schedules the breach for its due moment', async () => {
    await requests.start(id(1), 50);
    await eventually(() => alertsOf(1).length > 0, { what: 'the warning' });
    expect(alertsOf(1)).toEqual(['core.sla.warning:firstResponse']);
    const warning = requests.received.find((r) => r.payload.subjectId === id(1))!.payload;
    expect(warning).toMatchObject({ owner: 'requests', subjectType: 'requests.request', policyName: 'Alert test' });
    // The breach waits in the queue for its moment (due + 1 s), about ten minutes from now.
    const [job] = await server.app.dataSource.query(
      `SELECT start_after FROM pgboss.job WHERE name = 'core.sla.check' AND data->>'at' = $1 AND state = 'created'`,
      [new Date(new Date(warning.dueAt).getTime() + 1000).toISOString()],
    );
    expect(job).toBeDefined();
    expect(new Date(job.start_after).getTime() - Date.now()).toBeGreaterThan(8 * MINUTE);
  });

  it('publishes a breach found late once, without a stale warning before it', async () => {
    await requests.start(id(2), 120);
    await eventually(() => alertsOf(2).length > 0, { what: 'the breach' });
    expect(alertsOf(2)).toEqual(['core.sla.breached:firstResponse']);
  });

  it('stays silent for a request answered in time, and never alerts twice for one due date', async () => {
    await requests.start(id(3), 50, true);
    const [clock1] = await server.app.dataSource.query(`SELECT id FROM sla_clock WHERE subject_id = $1`, [id(1)]);
    await server.app.sla.checkAlerts(clock1.id);
    await server.app.sla.checkAlerts(clock1.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(alertsOf(3)).toEqual([]);
    expect(alertsOf(1)).toEqual(['core.sla.warning:firstResponse']);
  });
});

describe('SLA alerts on a test clock', () => {
  // The server's clock is fixed a month away from the real time: the production SLA service and its
  // alert jobs run on it, and fire when the test moves the clock past their moments, not before.
  const clock = createTestClock('2026-01-05T10:00:00Z');
  const requests = requestsPlugin();
  const id = '00000000-0000-4000-8000-000000000009';
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [requests.plugin], clock, config: { jobPollSeconds: 0.5 } });
    await alertPolicy(server);
  });
  afterAll(() => server?.stop());
  const alerts = () => requests.received.filter((r) => r.payload.subjectId === id).map((r) => `${r.type}:${r.payload.target}`);

  it('warns and breaches at the moments of the clock, as the clock is moved', async () => {
    await requests.start(id, 0);
    const [clockRow] = await server.app.dataSource.query(`SELECT created_at, first_response_due_at FROM sla_clock WHERE subject_id = $1`, [
      id,
    ]);
    expect(new Date(clockRow.first_response_due_at).toISOString()).toBe('2026-01-05T11:00:00.000Z');
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts()).toEqual([]);
    await server.advanceClock(46 * MINUTE);
    await eventually(() => alerts().length > 0, { what: 'the warning' });
    expect(alerts()).toEqual(['core.sla.warning:firstResponse']);
    await server.advanceClock(15 * MINUTE);
    await eventually(() => alerts().length > 1, { what: 'the breach' });
    expect(alerts()).toEqual(['core.sla.warning:firstResponse', 'core.sla.breached:firstResponse']);
  });
});
