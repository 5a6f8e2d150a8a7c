import { createTestServer, errorCodes, type TestServer } from '@aftercare/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaService, definePlugin } from '../src/index.js';
import { notesPlugin } from '../../testing/test/fixtures/notes-plugin.js';

// A plugin that runs SLA clocks for its tickets and describes them to core; it records each call of
// `describe` so the test can see the batching.
const tickets = new Map<string, { number: string; title: string }>();
const describeCalls: string[][] = [];
const ticketsPlugin = definePlugin({
  name: 'tickets',
  version: '0.1.0',
  compatibility: '^0.1.0',
  setup(ctx) {
    ctx.slaSubjects.contribute({
      subjectType: 'tickets.ticket',
      label: 'Tickets',
      listPath: '/tickets',
      async describe({ ids }) {
        describeCalls.push([...ids]);
        const out = new Map();
        for (const id of ids) {
          const t = tickets.get(id);
          if (t) out.set(id, { label: t.title, reference: t.number, adminPath: `/tickets/${id}` });
        }
        return out;
      },
    });
  },
});

// What the admin console needs from core: the SLA-at-risk list, plugin settings, and serving the built console.
let server: TestServer;
let admin: Awaited<ReturnType<TestServer['signInStaff']>>;
let consoleDir: string;

beforeAll(async () => {
  consoleDir = mkdtempSync(path.join(tmpdir(), 'aftercare-console-'));
  mkdirSync(path.join(consoleDir, 'assets'));
  writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>Aftercare console</title>');
  writeFileSync(path.join(consoleDir, 'assets', 'app-1234.js'), 'console.log("app")');
  server = await createTestServer({ plugins: [notesPlugin, ticketsPlugin], staticDir: consoleDir });
  admin = await server.signInStaff(['Administrator']);
});
afterAll(async () => {
  await server?.stop();
  rmSync(consoleDir, { recursive: true, force: true });
});

describe('slaClocksDueSoon', () => {
  it('lists open running clocks, overdue first, and leaves out resolved ones', async () => {
    const sla = new SlaService(server.app.dataSource);
    const m = server.app.dataSource.manager;
    const overdue = { subjectType: 'test.request', subjectId: randomUUID() };
    const fresh = { subjectType: 'test.request', subjectId: randomUUID() };
    const resolved = { subjectType: 'test.request', subjectId: randomUUID() };
    await sla.startClock(m, 'core', fresh, {});
    await sla.startClock(m, 'core', overdue, {}, new Date(Date.now() - 60 * 86_400_000));
    await sla.startClock(m, 'core', resolved, {}, new Date(Date.now() - 90 * 86_400_000));
    await sla.record(m, resolved, 'resolved');

    const data = await admin.client.data(
      `{ slaClocksDueSoon(take: 10) { subjectId breached atRisk minutesLeft nextDueAt clock { policyName } } }`,
    );
    const ids = data.slaClocksDueSoon.map((c: { subjectId: string }) => c.subjectId);
    expect(ids).toEqual([overdue.subjectId, fresh.subjectId]);
    const [first, second] = data.slaClocksDueSoon;
    expect(first.breached).toBe(true);
    expect(first.minutesLeft).toBeLessThan(0);
    expect(second.breached).toBe(false);
    expect(second.minutesLeft).toBeGreaterThan(0);
    expect(first.clock.policyName).toBe('Standard');

    const tooMany = await admin.client.request(`{ slaClocksDueSoon(take: 500) { subjectId } }`);
    expect(errorCodes(tooMany)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('SLA subjects described by plugins', () => {
  const ticket = (number: string, title: string) => {
    const subjectId = randomUUID();
    tickets.set(subjectId, { number, title });
    return { subjectType: 'tickets.ticket', subjectId };
  };

  it('names and links each due clock with one describe call per subject type, and leaves unknown types unnamed', async () => {
    const sla = new SlaService(server.app.dataSource);
    const m = server.app.dataSource.manager;
    const a = ticket('T-1', 'Printer jams');
    const b = ticket('T-2', 'Screen flickers');
    const orphan = { subjectType: 'tickets.ticket', subjectId: randomUUID() }; // a ticket the plugin no longer has
    await sla.startClock(m, 'tickets', a, {}, new Date(Date.now() - 30 * 86_400_000));
    await sla.startClock(m, 'tickets', b, {}, new Date(Date.now() - 20 * 86_400_000));
    await sla.startClock(m, 'tickets', orphan, {}, new Date(Date.now() - 10 * 86_400_000));
    describeCalls.length = 0;

    const data = await admin.client.data(
      `{ slaClocksDueSoon(take: 20) { subjectType subjectId subjectLabel subjectReference adminPath } }`,
    );
    const byId = new Map(data.slaClocksDueSoon.map((c: { subjectId: string }) => [c.subjectId, c]));
    expect(byId.get(a.subjectId)).toMatchObject({
      subjectLabel: 'Printer jams',
      subjectReference: 'T-1',
      adminPath: `/tickets/${a.subjectId}`,
    });
    expect(byId.get(b.subjectId)).toMatchObject({ subjectLabel: 'Screen flickers', subjectReference: 'T-2' });
    expect(byId.get(orphan.subjectId)).toMatchObject({ subjectLabel: null, subjectReference: null, adminPath: null });
    // core's own 'test.request' clocks have no describer: shown unnamed, and no call for them
    const unnamed = data.slaClocksDueSoon.find((c: { subjectType: string }) => c.subjectType === 'test.request');
    expect(unnamed).toMatchObject({ subjectLabel: null, adminPath: null });
    expect(describeCalls).toHaveLength(1);
    expect(new Set(describeCalls[0])).toEqual(new Set([a.subjectId, b.subjectId, orphan.subjectId]));
  });

  it('counts open requests per subject type with breached and at-risk ones, labelled by the plugin', async () => {
    const sla = new SlaService(server.app.dataSource);
    const m = server.app.dataSource.manager;
    const count = async () => {
      const data = await admin.client.data(`{ openSlaRequests { subjectType label listPath open paused breached atRisk } }`);
      return data.openSlaRequests.find((r: { subjectType: string }) => r.subjectType === 'tickets.ticket');
    };
    const before = await count();
    expect(before).toMatchObject({ label: 'Tickets', listPath: '/tickets' });

    const fresh = ticket('T-10', 'New one');
    const risky = ticket('T-11', 'Nearly due');
    const done = ticket('T-12', 'Solved');
    await sla.startClock(m, 'tickets', fresh, {});
    const riskyView = await sla.startClock(m, 'tickets', risky, {});
    await sla.startClock(m, 'tickets', done, {}, new Date(Date.now() - 40 * 86_400_000));
    await sla.record(m, done, 'resolved');
    // The alert job raises the warning shortly before the first-response due date: run it for that moment.
    const due = riskyView.targets.firstResponse.dueAt!;
    const [{ id: clockId }] = await m.query(`SELECT id FROM sla_clock WHERE subject_id = $1`, [risky.subjectId]);
    await server.app.sla.checkAlerts(clockId, new Date(due.getTime() - 60_000));

    const after = await count();
    expect(after.open - before.open).toBe(2); // fresh and risky; the resolved one is not open
    expect(after.atRisk - before.atRisk).toBe(1);
    expect(after.breached).toBe(before.breached);
    expect(before.breached).toBe(3); // the three clocks started weeks ago in the test above
  });

  it('refuses a plugin describing another plugin’s subject type', async () => {
    const rogue = definePlugin({
      name: 'rogue',
      version: '0.1.0',
      compatibility: '^0.1.0',
      setup(ctx) {
        ctx.slaSubjects.contribute({ subjectType: 'tickets.ticket', label: 'Not mine', describe: async () => new Map() });
      },
    });
    await expect(createTestServer({ plugins: [rogue] })).rejects.toThrow(/must be named 'rogue\.<what>'/);
  });
});

describe('plugin settings', () => {
  it('describes each plugin’s settings with its JSON Schema and current values', async () => {
    const data = await admin.client.data(`{ pluginSettings { owner schema values } }`);
    const notes = data.pluginSettings.find((s: { owner: string }) => s.owner === 'notes');
    expect(notes.values).toEqual({ maxNotes: 10 });
    expect(notes.schema.properties.maxNotes).toMatchObject({ type: 'integer', minimum: 1, default: 10 });
  });

  it('rejects a bad value naming the field and changes nothing; a good value is stored and audited', async () => {
    const update = `mutation ($v: JSONObject!) { updatePluginSettings(owner: "notes", values: $v) { values } }`;
    const bad = await admin.client.request(update, { v: { maxNotes: 0 } });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect((bad.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['maxNotes']);

    const good = await admin.client.data(update, { v: { maxNotes: 25 } });
    expect(good.updatePluginSettings.values).toEqual({ maxNotes: 25 });
    const after = await admin.client.data(`{ pluginSettings { owner values } }`);
    expect(after.pluginSettings.find((s: { owner: string }) => s.owner === 'notes').values).toEqual({ maxNotes: 25 });

    const audit = await admin.client.data(
      `{ auditEvents(filter: { action: "settings.update", objectId: "notes" }) { items { changes } } }`,
    );
    expect(audit.auditEvents.items[0].changes).toEqual({ maxNotes: { before: 10, after: 25 } });
  });

  it('answers NOT_FOUND for a plugin that is not enabled', async () => {
    const res = await admin.client.request(`mutation ($v: JSONObject!) { updatePluginSettings(owner: "warranty", values: $v) { owner } }`, {
      v: {},
    });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('serving the built console', () => {
  it('serves index.html at / and for client-side routes, assets with long caching, and leaves the API alone', async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('Aftercare console');

    const deep = await fetch(`${server.url}/roles/123`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toContain('Aftercare console');

    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    expect((await fetch(`${server.url}/assets/missing-5678.js`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const gql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platform { version } }' }),
    });
    expect(((await gql.json()) as { data: { platform: { version: string } } }).data.platform.version).toMatch(/^\d+\.\d+\.\d+/);
    expect((await fetch(`${server.url}/graphql/unknown`)).status).toBe(404);
  });
});
