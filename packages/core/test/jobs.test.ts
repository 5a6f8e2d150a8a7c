import { createTestServer, type TestServer, eventually } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AftercareApp, definePlugin, type Jobs } from '../src/index.js';
import { startOnDatabase } from './fixtures/boot.js';

/** Every job run, by which process, in this test file (both processes live in this test process). */
const runs: Array<{ job: string; key: string; by: string; at: number; id?: string }> = [];

function tickerPlugin(by: string) {
  const handle: { jobs?: Jobs } = {};
  const plugin = definePlugin({
    name: 'ticker',
    version: '1.0.0',
    compatibility: '^0.1.0',
    setup(ctx) {
      handle.jobs = ctx.jobs;
      ctx.defineJob<{ key: string }>('tick', async (data) => {
        runs.push({ job: 'tick', key: data.key, by, at: Date.now() });
      });
      ctx.defineJob(
        'every-minute',
        async (_data, job) => {
          runs.push({ job: 'every-minute', key: 'cron', by, at: Date.now(), id: job.id });
        },
        { cron: '* * * * *' },
      );
    },
  });
  return { plugin, jobs: () => handle.jobs! };
}

const fast = { jobPollSeconds: 0.5 };
const ticks = (key: string) => runs.filter((r) => r.job === 'tick' && r.key === key);

describe('two server processes sharing one job queue', () => {
  let server: TestServer;
  let second: AftercareApp;
  const a = tickerPlugin('a');
  const b = tickerPlugin('b');
  beforeAll(async () => {
    server = await createTestServer({ plugins: [a.plugin], config: fast });
    second = await startOnDatabase(server.databaseUrl, [b.plugin], fast);
  });
  afterAll(async () => {
    await second?.stop();
    await server?.stop();
  });

  it('runs each sent job once, whichever process sent it', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `job-${i}`);
    await Promise.all(keys.map((key, i) => (i % 2 ? a : b).jobs().send('tick', { key })));
    await eventually(() => keys.every((k) => ticks(k).length >= 1), { what: 'all jobs run' });
    for (const k of keys) expect(ticks(k)).toHaveLength(1);
  });

  it('runs a keyed job once when both processes send it, no earlier than its due time', async () => {
    const due = new Date(Date.now() + 1500);
    const [ida, idb] = await Promise.all([
      a.jobs().sendAfter('tick', { key: 'breach-1' }, due, { key: 'case-1:breach' }),
      b.jobs().sendAfter('tick', { key: 'breach-1' }, due, { key: 'case-1:breach' }),
    ]);
    expect([ida, idb].filter(Boolean)).toHaveLength(1);
    const [run] = await eventually(() => (ticks('breach-1').length ? ticks('breach-1') : undefined), { what: 'the due job' });
    expect(run!.at).toBeGreaterThanOrEqual(due.getTime());
    // Sending it again while it is kept is still a no-op.
    expect(await a.jobs().send('tick', { key: 'breach-1' }, { key: 'case-1:breach' })).toBeNull();
  });

  it('refuses an undefined job with the list of defined ones', async () => {
    await expect(a.jobs().send('nope', {})).rejects.toThrow(
      "Job 'ticker.nope' is not defined. Defined jobs: ticker.tick, ticker.every-minute.",
    );
  });

  it('fires a cron schedule once per minute across both processes', { timeout: 90_000 }, async () => {
    const cron = () => runs.filter((r) => r.job === 'every-minute');
    await eventually(() => cron().length > 0, { what: 'the first scheduled run', timeoutMs: 80_000, intervalMs: 250 });
    // Both processes check schedules every second here; a duplicate would show within a few checks.
    await new Promise((r) => setTimeout(r, 3000));
    // A loaded machine may see the next minute's run too; what must never happen is one minute
    // scheduled twice (once per process) or one job run twice.
    const ids = cron().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [minutes] = await server.app.dataSource.query(
      `SELECT count(*)::int AS sent, count(DISTINCT singleton_on)::int AS minutes
         FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'ticker.every-minute'`,
    );
    expect(minutes.sent).toBe(minutes.minutes);
    expect(cron().length).toBeLessThanOrEqual(minutes.sent);
  });
});
