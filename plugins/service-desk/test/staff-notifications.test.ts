import type { DeliverableMessage } from '@aftercare/core';
import { errorCodes, type TestServer, type TestSession } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from './helpers.js';
import { casesOf, createMailbox, mailServer, smtpSend, waitForSent } from './mail-helpers.js';

let server: TestServer;
let sent: DeliverableMessage[];
let admin: TestSession;
let anna: TestSession;
let ben: TestSession;
let sue: TestSession;
let outsider: TestSession;
let teamId: string;
let customerId: string;

type Note = { id: string; kind: string; title: string; link: string | null; readAt: string | null };
const NOTES = `query($unread: Boolean!) { myNotifications(unreadOnly: $unread, take: 100) { unreadCount totalCount items { id kind title link readAt } } }`;

async function notes(s: TestSession, unread = false): Promise<{ unreadCount: number; items: Note[] }> {
  return (await s.client.data(NOTES, { unread })).myNotifications;
}

/** Notifications are written by event subscribers after commit: wait until `s` has one matching. */
async function eventually(s: TestSession, match: (n: Note) => boolean, timeoutMs = 10_000): Promise<Note> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await notes(s)).items.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no such notification arrived');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ({ server, sent } = await mailServer());
  admin = await server.signInStaff();
  [anna, ben, sue, outsider] = await Promise.all([
    server.signInStaff(['Agent']),
    server.signInStaff(['Agent']),
    server.signInStaff(['Supervisor']),
    server.signInStaff(['Agent']),
  ]);
  teamId = (await admin.client.data(`mutation { saveServiceDeskTeam(input: { name: "Front", autoAssign: MANUAL }) { id } }`))
    .saveServiceDeskTeam.id;
  for (const [who, supervisor] of [
    [anna, false],
    [ben, false],
    [sue, true],
  ] as const) {
    await admin.client.data(`mutation($input: ServiceDeskTeamMemberInput!) { setServiceDeskTeamMember(input: $input) { staffUserId } }`, {
      input: { teamId, staffUserId: who.id, supervisor, absent: false },
    });
  }
  const customer = await admin.client.data(`mutation { createCustomer(input: { name: "Carla", email: "carla@example.org" }) { id } }`);
  customerId = customer.createCustomer.id;
});
afterAll(() => server?.stop());

describe('staff notifications', () => {
  it('tells the assignee, and nobody else, that a case was assigned to them, in the console and by e-mail', async () => {
    const c = await createCase(admin.client, { customerId, teamId, assigneeId: anna.id });
    const note = await eventually(anna, (n) => n.kind === 'service-desk.case-assigned' && n.link === `/service-desk/cases/${c.id}`);
    expect(note.title).toContain(c.reference);
    await waitForSent(sent, anna.email, new RegExp(`${c.reference} was assigned to you`));
    // A later notification proves the subscriber ran past this one for the others.
    await createCase(admin.client, { customerId, teamId, assigneeId: ben.id });
    await eventually(ben, (n) => n.kind === 'service-desk.case-assigned');
    for (const other of [ben, sue, outsider, admin]) {
      expect((await notes(other)).items.filter((n) => n.link === `/service-desk/cases/${c.id}`)).toEqual([]);
    }
  });

  it('tells the team when a new mailed case waits unassigned in its queue, and the assignee when the customer writes', async () => {
    await createMailbox(admin, { address: 'help@acme.example', teamId });
    await smtpSend(server, {
      from: 'dora@example.org',
      to: 'help@acme.example',
      subject: 'Where is my order?',
      text: 'Ordered last week.',
    });
    const { cases } = await casesOf(admin, 'dora@example.org');
    const link = `/service-desk/cases/${cases[0]!.id}`;
    for (const member of [anna, ben, sue]) await eventually(member, (n) => n.kind === 'service-desk.case-in-team-queue' && n.link === link);
    expect((await notes(outsider)).items.filter((n) => n.link === link)).toEqual([]);

    await admin.client.data(`mutation($id: ID!, $a: ID!) { assignCase(input: { caseId: $id, assigneeId: $a }) { id } }`, {
      id: cases[0]!.id,
      a: ben.id,
    });
    await eventually(ben, (n) => n.kind === 'service-desk.case-assigned' && n.link === link);
    await smtpSend(server, { from: 'dora@example.org', to: 'help@acme.example', subject: `Re: ${cases[0]!.reference}`, text: 'Any news?' });
    const replied = await eventually(ben, (n) => n.kind === 'service-desk.customer-replied' && n.link === link);
    expect(replied.title).toContain(cases[0]!.reference);
    expect((await notes(anna)).items.filter((n) => n.kind === 'service-desk.customer-replied')).toEqual([]);
  });

  it('marks read, and keeps each person to their own notifications', async () => {
    const before = await notes(anna);
    expect(before.unreadCount).toBeGreaterThan(0);
    const [first] = before.items;
    expect(await anna.client.data(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [first!.id] })).toEqual({
      markNotificationsRead: 1,
    });
    // Someone else's id changes nothing.
    expect(
      (await ben.client.data(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [first!.id] })).markNotificationsRead,
    ).toBe(0);
    expect((await notes(anna)).unreadCount).toBe(before.unreadCount - 1);
    await anna.client.data(`mutation { markNotificationsRead }`);
    expect(await notes(anna, true)).toMatchObject({ unreadCount: 0, items: [] });
    const bad = await anna.client.request(`mutation { markNotificationsRead(ids: ["nope"]) }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'ids' }] });
    const customer = await server.signInCustomer();
    expect(errorCodes(await customer.client.request(`{ myNotifications { unreadCount } }`))).toEqual(['FORBIDDEN']);
  });

  it('sends e-mail copies as each person chooses per kind', async () => {
    const prefs = (await ben.client.data(`{ notificationPreferences { kind description email } }`)).notificationPreferences;
    expect(prefs).toEqual(
      expect.arrayContaining([
        { kind: 'service-desk.case-assigned', description: 'A case was assigned to me', email: true },
        expect.objectContaining({ kind: 'service-desk.case-in-team-queue', email: false }),
      ]),
    );
    await ben.client.data(`mutation { setNotificationPreference(kind: "service-desk.case-assigned", email: false) { kind } }`);
    await anna.client.data(`mutation { setNotificationPreference(kind: "service-desk.case-in-team-queue", email: true) { kind } }`);
    const c = await createCase(admin.client, { customerId, teamId, assigneeId: ben.id, subject: 'No mail for Ben' });
    await eventually(ben, (n) => n.link === `/service-desk/cases/${c.id}`);
    const q = await createCase(admin.client, { customerId, teamId, subject: 'Queue mail for Anna' });
    await waitForSent(sent, anna.email, new RegExp(`New case ${q.reference}`));
    // The e-mail would have been queued with the notification itself: the outbox has none for Ben.
    const queued = await server.app.dataSource.query(`SELECT id FROM notification WHERE recipient = $1 AND strpos(subject, $2) > 0`, [
      ben.email,
      c.reference,
    ]);
    expect(queued).toEqual([]);
    const bad = await ben.client.request(`mutation { setNotificationPreference(kind: "nope", email: true) { kind } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'kind' }] });
  });
});
