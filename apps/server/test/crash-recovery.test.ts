import { type AftercareApp, loadConfig, type OutgoingMessage, startAftercare } from '@aftercare/core';
import { createTestDatabase } from '@aftercare/testing';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

/**
 * After kill -9 of a worker process in the middle of sending a notification, a restarted process
 * sends it within a minute, not after the job's expiry (15 minutes).
 */
describe('recovery after a crash', () => {
  it('a notification in flight when its process was killed with SIGKILL is sent after the restart', { timeout: 150_000 }, async () => {
    const db = await createTestDatabase(inject('aftercareDatabaseUrl'), []);
    const recipient = 'crash.recovery@example.com';
    let restarted: AftercareApp | undefined;
    try {
      const child = spawn(
        process.execPath,
        [
          '--conditions=aftercare-source',
          '--import',
          '@swc-node/register/esm-register',
          fileURLToPath(new URL('./fixtures/crash-worker.ts', import.meta.url)),
          db.url,
          recipient,
        ],
        { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('sending') && resolve());
        child.on('exit', (code) => reject(new Error(`the worker exited before sending (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const sent: OutgoingMessage[] = [];
      restarted = await startAftercare(
        loadConfig(
          {
            env: 'test',
            logLevel: 'warn',
            databaseUrl: db.url,
            port: 0,
            host: '127.0.0.1',
            dbPoolSize: 2,
            jobPollSeconds: 0.5,
            retryDelaySeconds: 1,
          },
          {},
        ),
        { mailTransport: async (m) => void sent.push(m) },
      );
      // Within a minute of the restart (the job itself would only expire after 15 minutes).
      const deadline = Date.now() + 60_000;
      while (!sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(sent.map((m) => m.to)).toEqual([recipient]);
      const [row] = await restarted.dataSource.query(`SELECT status FROM notification WHERE recipient = $1`, [recipient]);
      expect(row.status).toBe('sent');
    } finally {
      await restarted?.stop();
      await db.drop();
    }
  });
});
