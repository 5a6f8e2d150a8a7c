import { createTestServer, eventually } from '@aftercare/testing';
import { describe, expect, it } from 'vitest';
import type { AftercareApp } from '../src/index.js';
import { startOnDatabase } from './fixtures/boot.js';
import { createLedgerPlugin } from './fixtures/ledger-plugin.js';

const fast = { jobPollSeconds: 0.5, retryDelaySeconds: 1, deliveryMaxAttempts: 10 };

const delivery = async (app: AftercareApp, eventId: string, subscriber: string) =>
  (
    await app.dataSource.query('SELECT status, attempts FROM event_delivery WHERE event_id = $1 AND subscriber = $2', [eventId, subscriber])
  )[0] as { status: string; attempts: number } | undefined;
const projections = async (app: AftercareApp, eventId: string) =>
  Number((await app.dataSource.query('SELECT count(*) AS n FROM ledger_projection WHERE event_id = $1', [eventId]))[0].n);

describe('event delivery across a restart', () => {
  it('delivers an event whose subscriber crashed, after a restart, exactly once per subscriber', async () => {
    const crashing = createLedgerPlugin({ projectorCrashes: true });
    const first = await createTestServer({ plugins: [crashing.plugin], config: fast });
    let second: AftercareApp | undefined;
    try {
      const id = await first.app.dataSource.transaction((m) => crashing.publish(m, { entryId: 'r-1', amount: 3 }));
      await eventually(
        async () => {
          const p = await delivery(first.app, id, 'ledger.projector');
          const m = await delivery(first.app, id, 'ledger.mailer');
          return p && p.attempts >= 1 && m?.status === 'delivered';
        },
        { what: 'a crashed attempt and the other subscriber done' },
      );
      await first.app.stop();

      const healthy = createLedgerPlugin();
      second = await startOnDatabase(first.databaseUrl, [healthy.plugin], fast);
      await eventually(async () => (await delivery(second!, id, 'ledger.projector'))?.status === 'delivered', {
        what: 'delivery after the restart',
      });

      // The crashed attempts' writes rolled back; the successful one counts once.
      expect(await projections(second, id)).toBe(1);
      expect(healthy.seen.projectorRuns).toBe(1);
      // The subscriber that had completed before the restart is not run again.
      expect(crashing.seen.mailed.filter((x) => x === id)).toHaveLength(1);
      expect(healthy.seen.mailed).not.toContain(id);

      // Even a duplicate delivery job or a forced re-dispatch does not run a completed subscriber again.
      await second.events.deliver(id, 'ledger.projector', { attempt: 1, lastAttempt: false });
      await second.dataSource.query('UPDATE event_outbox SET dispatched_at = NULL WHERE id = $1', [id]);
      await second.events.dispatch(id);
      expect(await projections(second, id)).toBe(1);
      expect(healthy.seen.projectorRuns).toBe(1);
    } finally {
      await second?.stop();
      await first.stop();
    }
  });

  it('a web-only process publishes; a worker process started later delivers', async () => {
    const web = createLedgerPlugin();
    const first = await createTestServer({ plugins: [web.plugin], config: { ...fast, jobs: false } });
    let worker: AftercareApp | undefined;
    try {
      const id = await first.app.dataSource.transaction((m) => web.publish(m, { entryId: 'w-1', amount: 1 }));
      // No worker runs in the web-only process: the event waits in the outbox.
      expect(await first.app.dataSource.query('SELECT dispatched_at FROM event_outbox WHERE id = $1', [id])).toEqual([
        { dispatched_at: null },
      ]);
      const workers = createLedgerPlugin();
      worker = await startOnDatabase(first.databaseUrl, [workers.plugin], fast);
      await eventually(async () => (await delivery(worker!, id, 'ledger.projector'))?.status === 'delivered', {
        what: 'delivery by the worker process',
      });
      await eventually(() => workers.seen.mailed.includes(id), { what: 'the mailer' });
      expect(await projections(worker, id)).toBe(1);
      expect(web.seen.projectorRuns).toBe(0);
    } finally {
      await worker?.stop();
      await first.stop();
    }
  });
});
