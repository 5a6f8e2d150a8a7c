import { createTestServer, type TestServer } from '@aftercare/testing';
import { Mutation, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootError, Public, core, definePlugin, loadConfig, rootFieldPolicies, startAftercare } from '../src/index.js';
import { notesPlugin } from '../../testing/test/fixtures/notes-plugin.js';

@Resolver()
class Undeclared {
  @Public()
  @Query(() => String)
  openGadget() {
    return 'ok';
  }

  @Mutation(() => Boolean)
  forgottenGadget() {
    return true;
  }
}
const careless = definePlugin({ name: 'careless', version: '1.0.0', compatibility: '*', resolvers: [Undeclared] });

describe('every root field declares its access rule', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [notesPlugin] });
  });
  afterAll(() => server?.stop());

  it('core and the fixture plugins declare @Public() or @Authorized(...) on every root field', () => {
    const policies = rootFieldPolicies(server.app.schema, [
      { owner: 'core', resolvers: core.resolvers },
      { owner: 'notes', resolvers: notesPlugin.resolvers ?? [] },
    ]);
    expect(policies.length).toBeGreaterThan(20);
    expect(policies.filter((p) => !p.policy).map((p) => `${p.owner}: ${p.field}`)).toEqual([]);
    expect(policies.find((p) => p.field === 'Mutation.login')!.policy).toEqual({ public: true });
    expect(policies.find((p) => p.field === 'Query.notes')!.policy).toEqual({ public: false, requires: ['notes.note.read'] });
  });

  it('the permissions query lists core and plugin permissions with descriptions', async () => {
    const admin = await server.signInStaff();
    const data = await admin.client.data(`{ permissions { totalCount items { name description owner } } }`);
    const names = data.permissions.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['core.staff.manage', 'core.audit.read', 'notes.note.read', 'notes.note.write']));
    expect(data.permissions.items.find((p: { name: string }) => p.name === 'notes.note.write')).toEqual({
      name: 'notes.note.write',
      description: 'Add notes',
      owner: 'notes',
    });
  });

  it("grants a plugin's permission to its default built-in roles; Administrator has every permission", async () => {
    const admin = await server.signInStaff();
    const roles = (await admin.client.data(`{ roles { items { name builtIn permissions } } }`)).roles.items as Array<{
      name: string;
      builtIn: boolean;
      permissions: string[];
    }>;
    const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Administrator', 'Supervisor', 'Agent', 'Technician', 'Analyst']));
    expect(byName.Agent!.permissions).toEqual(expect.arrayContaining(['notes.note.read', 'notes.note.write']));
    expect(byName.Technician!.permissions).not.toContain('notes.note.write');
    expect(byName.Administrator!.permissions).toEqual(expect.arrayContaining(['notes.note.write', 'core.role.manage']));
    const upd = await admin.client.request(`mutation ($id: ID!) { updateRole(input: { id: $id, name: "Boss" }) { id } }`, {
      id: (await server.app.dataSource.query(`SELECT id FROM role WHERE name = 'Agent'`))[0].id,
    });
    expect(upd.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
  });

  it('boot stops on a root field without a declaration, naming the field and the plugin', async () => {
    const config = loadConfig({ plugins: [careless], databaseUrl: 'postgres://nobody@127.0.0.1:1/none', port: 0, logLevel: 'silent' }, {});
    const err = await startAftercare(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BootError);
    expect((err as BootError).code).toBe('UNDECLARED_ACCESS');
    expect((err as Error).message).toContain("GraphQL field 'Mutation.forgottenGadget' of plugin 'careless' declares no access rule");
  });
});
