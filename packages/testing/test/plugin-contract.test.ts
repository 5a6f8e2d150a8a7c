import { createTestServer, errorCodes, type GraphQLClient, schemaDrift, type TestServer } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootError, loadConfig, runMigrations, migrationSets, startAftercare, type PluginDefinition } from '@aftercare/core';
import {
  cycleA,
  cycleB,
  fieldClashA,
  fieldClashB,
  incompatiblePlugin,
  needsNotesPlugin,
  tableClashA,
  tableClashB,
  typeClashA,
  typeClashB,
} from './fixtures/contract-plugins.js';
import { notesPlugin, setupLog } from './fixtures/notes-plugin.js';

describe('a server with the notes plugin enabled', () => {
  let server: TestServer;
  let agent: GraphQLClient;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [notesPlugin] });
    agent = (await server.signInStaff(['Agent'])).client;
  });
  afterAll(() => server?.stop());

  it('lists the plugin in the public platform query', async () => {
    const data = await server.client.data(`{ platform { version plugins { name version description } } }`);
    expect(data.platform).toEqual({ version: '0.1.0', plugins: [{ name: 'notes', version: '1.0.0', description: 'Fixture plugin' }] });
  });

  it("serves the plugin's types and stores through its tables", async () => {
    await agent.data(`mutation { addNote(input: { body: "first" }) { id } }`);
    const data = await agent.data(`{ notes { body createdAt } }`);
    expect(data.notes).toHaveLength(1);
    expect(data.notes[0].body).toBe('first');
    expect(server.app.schema.getType('Note')).toBeDefined();
  });

  it('ran setup after the migrations, with default settings', () => {
    expect(setupLog.tableExistedAtSetup).toBe(true);
    expect(setupLog.settings).toEqual({ maxNotes: 10 });
  });

  it('records each migration once; running them again is a no-op', async () => {
    const rows = await server.app.dataSource.query('SELECT owner, name FROM aftercare_migration ORDER BY owner, name');
    const expected = migrationSets([notesPlugin]).flatMap((set) =>
      set.migrations.map((m) => ({ owner: set.owner, name: new m().name ?? m.name })),
    );
    expect(rows).toEqual(expected.sort((a, b) => a.owner.localeCompare(b.owner) || a.name.localeCompare(b.name)));
    expect(rows).toContainEqual({ owner: 'notes', name: 'NotesInit1732000000001' });
    expect(await runMigrations(server.app.dataSource, migrationSets([notesPlugin]))).toEqual([]);
  });

  it('has migrations that match the entities of core and the plugin exactly', async () => {
    expect(await schemaDrift(server)).toEqual([]);
  });

  it('rejects invalid input with VALIDATION_FAILED naming the field, and writes nothing', async () => {
    const tooLong = await agent.request(`mutation { addNote(input: { body: "this body is far too long" }) { id } }`);
    expect(errorCodes(tooLong)).toEqual(['VALIDATION_FAILED']);
    expect(tooLong.errors![0]!.extensions!.fields).toEqual([{ field: 'body', message: 'must be at most 20 characters' }]);
    const domain = await agent.request(`mutation { addNote(input: { body: "forbidden" }) { id } }`);
    expect(errorCodes(domain)).toEqual(['VALIDATION_FAILED']);
    expect(domain.errors![0]!.message).toContain("'forbidden' is not allowed");
    const data = await agent.data(`{ notes { body } }`);
    expect(data.notes.map((n: { body: string }) => n.body)).not.toContain('forbidden');
  });

  it('hides internals of unexpected errors outside development and gives a request id', async () => {
    const res = await server.client.request(`mutation { crashNote }`);
    expect(errorCodes(res)).toEqual(['INTERNAL']);
    const body = JSON.stringify(res.errors);
    expect(body).not.toContain('secret_table');
    expect(body).not.toContain('notes.ts');
    expect(body).not.toContain('stacktrace');
    expect(res.errors![0]!.extensions!.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers health and readiness probes', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('refuses batched requests and GET mutations without a CSRF-safe header', async () => {
    const batch = await fetch(server.app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ platform { version } }' }, { query: '{ platform { version } }' }]),
    });
    expect(batch.status).toBe(400);
    const csrf = await fetch(`${server.app.graphqlUrl}?query=${encodeURIComponent('{ platform { version } }')}`);
    expect(csrf.status).toBe(400);
  });
});

describe('a server without the notes plugin', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [] });
  });
  afterAll(() => server?.stop());

  it('has no trace of it: no types, no fields, no tables', async () => {
    expect(server.app.schema.getType('Note')).toBeUndefined();
    const res = await server.client.request(`{ notes { body } }`);
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const [{ exists }] = await server.app.dataSource.query(`SELECT to_regclass('notes_entry') IS NOT NULL AS exists`);
    expect(exists).toBe(false);
    const data = await server.client.data(`{ platform { plugins { name } } }`);
    expect(data.platform.plugins).toEqual([]);
  });
});

describe('boot refuses a broken plugin set with one actionable line', () => {
  const boot = async (plugins: PluginDefinition<any>[]) => {
    const config = loadConfig({ plugins, databaseUrl: 'postgres://nobody@127.0.0.1:1/none', port: 0, logLevel: 'silent' }, {});
    const err = await startAftercare(config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BootError);
    expect((err as Error).message).not.toContain('\n');
    return err as BootError;
  };

  it('an incompatible plugin names itself, its range and the core version', async () => {
    const err = await boot([incompatiblePlugin]);
    expect(err.code).toBe('PLUGIN_INCOMPATIBLE');
    expect(err.message).toContain("Plugin 'future' 3.0.0 requires @aftercare/core ^9.0.0, but this is core 0.1.0");
  });

  it('a missing dependency names both plugins and how to fix it', async () => {
    const err = await boot([needsNotesPlugin]);
    expect(err.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(err.message).toContain("Plugin 'needs-notes' depends on plugin 'notes', which is not enabled");
  });

  it('a dependency cycle is shown as a path', async () => {
    const err = await boot([cycleA, cycleB]);
    expect(err.code).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect(err.message).toContain('cycle-a → cycle-b → cycle-a');
  });

  it('two plugins declaring the same GraphQL field are both named', async () => {
    const err = await boot([fieldClashA, fieldClashB]);
    expect(err.code).toBe('PLUGIN_CLASH');
    expect(err.message).toContain("GraphQL field 'Query.gadget' is defined by both plugin 'field-a' and plugin 'field-b'");
  });

  it('two plugins declaring the same GraphQL type are both named', async () => {
    const err = await boot([typeClashA, typeClashB]);
    expect(err.code).toBe('PLUGIN_CLASH');
    expect(err.message).toContain("GraphQL type 'Gadget' is defined by both plugin 'type-a' and plugin 'type-b'");
  });

  it('two plugins mapping entities to the same table are both named', async () => {
    const err = await boot([tableClashA, tableClashB]);
    expect(err.code).toBe('PLUGIN_CLASH');
    expect(err.message).toContain("Table 'shared_thing' is defined by both plugin 'shared' and plugin 'shared-x'");
  });

  it('a plugin module that cannot be found is named with where it was looked for', async () => {
    const config = loadConfig({}, { AFTERCARE_PLUGINS: 'no-such-plugin', LOG_LEVEL: 'silent' });
    const err = await startAftercare(config, { importer: (s) => import(s) }).catch((e: unknown) => e);
    expect((err as BootError).code).toBe('PLUGIN_NOT_FOUND');
    expect((err as Error).message).toContain("Plugin 'no-such-plugin' could not be loaded from '@aftercare/no-such-plugin'");
  });

  it('an unreachable database says which setting to check', async () => {
    const config = loadConfig({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', port: 0, logLevel: 'silent' }, {});
    const err = await startAftercare(config).catch((e: unknown) => e);
    expect((err as BootError).code).toBe('DATABASE_UNREACHABLE');
    expect((err as Error).message).toMatch(/^Cannot connect to DATABASE_URL: /);
  });
});
