import type { TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deskServer, testClock } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const clock = testClock(NOW.toISOString());
let server: TestServer;

beforeAll(async () => {
  server = await deskServer(clock);
});
afterAll(() => server?.stop());

it('seeds realistic cases on the demo customers: every kind and state, breaches, a compensated claim', async () => {
  const result = await server.app.seedDemoData({ now: NOW, customers: 80 });
  expect(result.contributions).toContain('service-desk.cases');
  const q = (sql: string) => server.app.dataSource.query(sql);
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM service_desk_case`);
  expect(n).toBeGreaterThanOrEqual(40);
  const kinds = (await q(`SELECT DISTINCT kind FROM service_desk_case ORDER BY 1`)).map((r: { kind: string }) => r.kind);
  expect(kinds).toEqual(['claim', 'complaint', 'inquiry']);
  const statuses = (await q(`SELECT DISTINCT status FROM service_desk_case`)).map((r: { status: string }) => r.status);
  expect(statuses).toEqual(expect.arrayContaining(['new', 'open', 'resolved', 'closed']));
  const [{ breached }] = await q(`SELECT count(*)::int AS breached FROM service_desk_case WHERE sla_breached`);
  expect(breached).toBeGreaterThan(0);
  const [{ approved }] = await q(`SELECT count(*)::int AS approved FROM service_desk_compensation WHERE status = 'approved'`);
  expect(approved).toBeGreaterThan(0);
  // Every case has a clock, and resolved ones a resolution time.
  const [{ missing }] = await q(
    `SELECT count(*)::int AS missing FROM service_desk_case c LEFT JOIN sla_clock k ON k.subject_id = c.id WHERE k.id IS NULL`,
  );
  expect(missing).toBe(0);
  const [{ untimed }] = await q(
    `SELECT count(*)::int AS untimed FROM service_desk_case WHERE status IN ('resolved', 'closed') AND resolution_business_minutes IS NULL`,
  );
  expect(untimed).toBe(0);
  const fcr = await server.app.registries.metrics.get('service-desk.first_contact_resolution')!.compute({
    manager: server.app.dataSource.manager,
    from: new Date('2026-10-01T00:00:00Z'),
    to: new Date('2026-12-01T00:00:00Z'),
    interval: 'month',
    timeZone: 'Europe/Madrid',
  });
  expect(fcr.some((p) => p.value !== null && p.value > 0)).toBe(true);
});
