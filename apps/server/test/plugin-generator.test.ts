import '@aftercare/testing/global-setup';
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createTestServer, errorCodes, schemaDrift, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlugin, type GeneratedPlugin, pluginNames } from '../src/plugin-generator.js';

// `pnpm aftercare plugin:new` end to end: a plugin is generated into the workspace's plugins folder under
// a throw-away name, loaded from its sources, booted on real PostgreSQL and driven through GraphQL,
// then type-checked and format-checked as CI would, and removed again.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const name = `gen-${Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
const n = pluginNames(name);
let made: GeneratedPlugin;
let server: TestServer;
let admin: TestSession;

beforeAll(async () => {
  made = await generatePlugin({ name, root, register: false, now: new Date('2026-12-04T10:00:00Z') });
  // The workspace links a new package with `pnpm install` (the CLI runs it); here the package borrows
  // the links of a plugin with the same dependencies, so the test changes nothing outside its folder.
  symlinkSync(path.join(root, 'plugins', 'warranty', 'node_modules'), path.join(made.dir, 'node_modules'), 'dir');
  const plugin = ((await import(pathToFileURL(path.join(made.dir, 'src', 'index.ts')).href)) as { default: never }).default;
  server = await createTestServer({ plugins: [plugin], config: { logLevel: 'fatal' } });
  admin = await server.signInStaff(['Administrator']);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (made) rmSync(made.dir, { recursive: true, force: true });
});

const FIELDS = 'id reference status version allowedTransitions history { fromStatus toStatus reason }';

describe('plugin:new', () => {
  it('writes every piece of a plugin', () => {
    expect(made.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'src/index.ts',
        'src/domain.ts',
        'src/entities/item.entity.ts',
        'src/migrations/1796378400000-init.ts',
        'src/services/item.service.ts',
        'src/resolvers/item.resolver.ts',
        'src/permissions.ts',
        'src/events.ts',
        'src/settings.ts',
        'admin/index.ts',
        'admin/pages/ItemsPage.vue',
        'test/items.test.ts',
      ]),
    );
    const pkg = JSON.parse(readFileSync(path.join(made.dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe(`@aftercare/${name}`);
    expect(JSON.stringify(pkg)).not.toContain('__version__');
  });

  it('boots, and its migration makes exactly what its entity describes', async () => {
    expect(server.app.plugins.map((p) => p.name)).toContain(name);
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('runs a transition through GraphQL with history, audit entry and event', async () => {
    const created = (
      await admin.client.data(`mutation($i: Create${n.Pascal}ItemInput!) { create${n.Pascal}Item(input: $i) { ${FIELDS} } }`, {
        i: { title: 'A generated item' },
      })
    )[`create${n.Pascal}Item`];
    expect(created).toMatchObject({ reference: `${n.PREFIX}-1`, status: 'OPEN' });
    const move = `mutation($i: Move${n.Pascal}ItemInput!) { move${n.Pascal}Item(input: $i) { ${FIELDS} } }`;
    const moved = (await admin.client.data(move, { i: { id: created.id, to: 'IN_PROGRESS', reason: 'Started' } }))[`move${n.Pascal}Item`];
    expect(moved.history).toEqual([
      { fromStatus: null, toStatus: 'open', reason: null },
      { fromStatus: 'open', toStatus: 'in_progress', reason: 'Started' },
    ]);
    expect(errorCodes(await admin.client.request(move, { i: { id: created.id, to: 'OPEN', expectedVersion: created.version } }))).toEqual([
      'CONFLICT',
    ]);

    const audit = await admin.client.data(`query($id: String) { auditEvents(filter: { objectId: $id }) { items { action } } }`, {
      id: created.id,
    });
    expect(audit.auditEvents.items.map((e: { action: string }) => e.action).sort()).toEqual([
      `${n.camel}Item.create`,
      `${n.camel}Item.transition`,
    ]);
    const events: Array<{ type: string; payload: Record<string, unknown> }> = await server.app.dataSource.query(
      `SELECT type, payload FROM event_outbox WHERE aggregate_id = $1 ORDER BY occurred_at, type`,
      [created.id],
    );
    expect(events.map((e) => e.type)).toEqual([`${name}.item.created`, `${name}.item.status-changed`]);
    expect(events[1]!.payload).toMatchObject({ itemId: created.id, from: 'open', to: 'in_progress' });
  });

  it('type-checks and is formatted as the workspace requires', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await expect(
      promisify(execFile)(process.execPath, [tsc, '-p', path.join(made.dir, 'tsconfig.json'), '--noEmit'], { cwd: made.dir }),
    ).resolves.toBeDefined();
    const prettier = await import('prettier');
    for (const file of made.files) {
      const full = path.join(made.dir, file);
      const options = { ...(await prettier.resolveConfig(full)), filepath: full };
      expect(await prettier.check(readFileSync(full, 'utf8'), options), `${file} is formatted`).toBe(true);
    }
  }, 120_000);

  it('refuses a bad or taken name and leaves nothing behind', async () => {
    await expect(generatePlugin({ name: 'Gift_Wrap', root, register: false })).rejects.toThrow(/kebab-case/);
    await expect(generatePlugin({ name: 'core', root, register: false })).rejects.toThrow(/reserved/);
    await expect(generatePlugin({ name: 'warranty', root, register: false })).rejects.toThrow(/exists already/);
    expect(existsSync(path.join(root, 'plugins', 'Gift_Wrap'))).toBe(false);
  });
});
