import { errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, deskServer, testClock } from './helpers.js';

// What the settings pages of the console rely on: versioned settings, deleting teams, finding staff
// to add, and seeing which categories and root causes cases use.
const clock = testClock('2026-11-16T09:00:00Z');
let server: TestServer;
let agent: TestSession;
let supervisor: TestSession;
let customer: TestSession;

const SETTINGS = `version categories rootCauses compensationApprovalThresholdMinor`;
const update = (s: TestSession, input: Record<string, unknown>) =>
  s.client.request<{ updateServiceDeskSettings: { version: number; categories: string[]; compensationApprovalThresholdMinor: number } }>(
    `mutation($input: ServiceDeskSettingsInput!) { updateServiceDeskSettings(input: $input) { ${SETTINGS} } }`,
    { input },
  );
const read = async () => (await supervisor.client.data(`{ serviceDeskSettings { ${SETTINGS} } }`)).serviceDeskSettings;

beforeAll(async () => {
  server = await deskServer(clock);
  agent = await server.signInStaff(['Agent']);
  supervisor = await server.signInStaff(['Supervisor']);
  customer = await server.signInCustomer();
});
afterAll(() => server?.stop());

describe('settings with a version', () => {
  it('refuses a change based on settings someone else changed meanwhile, and keeps theirs', async () => {
    const start = await read();
    const first = await update(supervisor, { compensationApprovalThresholdMinor: 25000, expectedVersion: start.version });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateServiceDeskSettings.version).toBe(start.version + 1);

    // A second editor still holding the old version loses nothing of the first editor's change.
    const stale = await update(supervisor, { compensationApprovalThresholdMinor: 5000, expectedVersion: start.version });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(start.version + 1);
    expect((await read()).compensationApprovalThresholdMinor).toBe(25000);

    const fresh = await update(supervisor, { compensationApprovalThresholdMinor: 5000, expectedVersion: start.version + 1 });
    expect(fresh.data!.updateServiceDeskSettings).toMatchObject({ compensationApprovalThresholdMinor: 5000, version: start.version + 2 });
  });

  it('still accepts a change without a version (integrations that patch one field)', async () => {
    const before = await read();
    const res = await update(supervisor, { compensationApprovalThresholdMinor: 10000 });
    expect(res.data!.updateServiceDeskSettings.version).toBe(before.version + 1);
  });

  it('rejects repeated categories naming the entry, and stores nothing', async () => {
    const before = await read();
    const res = await update(supervisor, { categories: ['delivery', 'billing', ' Delivery '], expectedVersion: before.version });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.fields).toEqual([{ field: 'categories.2', message: "'Delivery' is already in the list" }]);
    expect(await read()).toEqual(before);
  });

  it('rejects a negative threshold naming the field', async () => {
    const res = await update(supervisor, { compensationApprovalThresholdMinor: -1 });
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(res.errors![0]!.extensions!.fields)).toContain('compensationApprovalThresholdMinor');
  });

  it('is for those who manage the service desk', async () => {
    const res = await update(agent, { compensationApprovalThresholdMinor: 1 });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

describe('teams', () => {
  it('deletes an unused team, and refuses while it is the default team or has open cases', async () => {
    const save = async (name: string) =>
      (await supervisor.client.data(`mutation($name: String!) { saveServiceDeskTeam(input: { name: $name }) { id } }`, { name }))
        .saveServiceDeskTeam.id as string;
    const del = (id: string) => supervisor.client.request(`mutation($id: ID!) { deleteServiceDeskTeam(id: $id) }`, { id });
    const teams = async () =>
      (await supervisor.client.data(`{ serviceDeskTeams { id } }`)).serviceDeskTeams.map((t: { id: string }) => t.id);

    const spare = await save('Spare team');
    expect((await del(spare)).data).toEqual({ deleteServiceDeskTeam: true });
    expect(await teams()).not.toContain(spare);
    expect(errorCodes(await del(spare))).toEqual(['NOT_FOUND']);

    const busy = await save('Busy team');
    const c = await createCase(agent.client, { customerId: customer.id, teamId: busy });
    const refused = await del(busy);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.message).toContain('1 open case');
    expect(await teams()).toContain(busy);

    await update(supervisor, { defaultTeamId: busy });
    await agent.client.data(`mutation($id: ID!) { assignCase(input: { caseId: $id, teamId: null }) { id } }`, { id: c.id });
    expect(errorCodes(await del(busy))).toEqual(['CONFLICT']);
    await update(supervisor, { defaultTeamId: null });
    expect((await del(busy)).data).toEqual({ deleteServiceDeskTeam: true });

    const [audit] = await server.app.dataSource.query(`SELECT actor_id FROM audit_event WHERE action = 'team.delete' AND object_id = $1`, [
      busy,
    ]);
    expect(audit.actor_id).toBe(supervisor.id);
    expect(errorCodes(await agent.client.request(`mutation($id: ID!) { deleteServiceDeskTeam(id: $id) }`, { id: spare }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('finds active staff by name or e-mail to add as members, leaving deactivated staff out', async () => {
    const picked = await server.signInStaff(['Agent'], 'zelda.picker@example.com');
    const found = (await supervisor.client.data(`{ serviceDeskStaffCandidates(search: "zelda.pick") { id email active } }`))
      .serviceDeskStaffCandidates;
    expect(found).toEqual([{ id: picked.id, email: 'zelda.picker@example.com', active: true }]);
    expect((await supervisor.client.data(`{ serviceDeskStaffCandidates(search: "%") { id } }`)).serviceDeskStaffCandidates).toEqual([]);
    await server.app.dataSource.query(`UPDATE staff_user SET active = false WHERE id = $1`, [picked.id]);
    expect((await supervisor.client.data(`{ serviceDeskStaffCandidates(search: "zelda") { id } }`)).serviceDeskStaffCandidates).toEqual([]);
  });
});

describe('canned responses', () => {
  it('lists the placeholders a body may use, and refuses others when saving', async () => {
    const names = (await agent.client.data(`{ cannedResponsePlaceholders }`)).cannedResponsePlaceholders;
    expect(names).toEqual(['customer.name', 'case.reference', 'case.subject', 'agent.name']);
    const res = await supervisor.client.request(
      `mutation { saveCannedResponse(input: { name: "Bad", body: "Hi {{customer.nickname}}" }) { id } }`,
    );
    expect(errorCodes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'body' })]);
  });
});

describe('category and root-cause usage', () => {
  it('counts cases per configured code, and lists retired codes cases still carry', async () => {
    const c = await createCase(agent.client, { customerId: customer.id, category: 'billing' });
    await agent.client.data(`mutation($id: ID!) { replyToCase(input: { caseId: $id, body: "Sorted." }) { id } }`, { id: c.id });
    await agent.client.data(
      `mutation($id: ID!) { resolveCase(input: { caseId: $id, outcome: RESOLVED, category: "billing", rootCause: "staff_error" }) { id } }`,
      { id: c.id },
    );
    await createCase(agent.client, { customerId: customer.id, category: 'delivery' });
    const settings = await read();
    await update(supervisor, { categories: settings.categories.filter((x: string) => x !== 'billing') });

    const usage = (
      await supervisor.client.data(`{ serviceDeskCodeUsage {
        categories { code configured caseCount openCaseCount } rootCauses { code configured caseCount openCaseCount } } }`)
    ).serviceDeskCodeUsage;
    expect(usage.categories).toContainEqual({ code: 'delivery', configured: true, caseCount: 1, openCaseCount: 1 });
    expect(usage.categories).toContainEqual({ code: 'other', configured: true, caseCount: 0, openCaseCount: 0 });
    expect(usage.categories.at(-1)).toEqual({ code: 'billing', configured: false, caseCount: 1, openCaseCount: 0 });
    expect(usage.rootCauses).toContainEqual({ code: 'staff_error', configured: true, caseCount: 1, openCaseCount: 0 });
    expect(errorCodes(await agent.client.request(`{ serviceDeskCodeUsage { categories { code } } }`))).toEqual(['FORBIDDEN']);
  });
});
