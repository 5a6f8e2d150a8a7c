import { createTestServer, errorCodes, type GraphQLClient, type TestServer } from '@aftercare/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, core, rootFieldPolicies, type RootFieldPolicy } from '../src/index.js';
import { notesPlugin } from '../../testing/test/fixtures/notes-plugin.js';

/**
 * Every root field × every kind of caller, checked against the policy each field DECLARES
 * (`@Public()` / `@Authorized(...)`) and the permissions each caller's roles grant.
 */
type Caller = { name: string; client: GraphQLClient; kind: 'anonymous' | 'staff' | 'apiKey' | 'customer'; permissions: Set<string> };

let server: TestServer;
let callers: Caller[];
let policies: RootFieldPolicy[];
let customerA: { id: string };
let staffLogin: { email: string; password: string };

// One operation per root field, with valid arguments; `n` makes emails and names unique per caller.
// An id no row has: allowed callers get NOT_FOUND or VALIDATION_FAILED, which is not a denial.
const MISSING_ID = '00000000-0000-4000-8000-0000000000ff';

const OPERATIONS: Record<string, (n: number) => { query: string; variables?: Record<string, unknown> }> = {
  'Query.platform': () => ({ query: `{ platform { version } }` }),
  'Query.me': () => ({ query: `{ me { kind } }` }),
  'Query.staffUsers': () => ({ query: `{ staffUsers { totalCount } }` }),
  'Query.staffDirectory': () => ({ query: `{ staffDirectory { id } }` }),
  'Query.roles': () => ({ query: `{ roles { totalCount } }` }),
  'Query.permissions': () => ({ query: `{ permissions { totalCount } }` }),
  'Query.apiKeys': () => ({ query: `{ apiKeys { totalCount } }` }),
  'Query.auditEvents': () => ({ query: `{ auditEvents(take: 1) { totalCount } }` }),
  'Query.customer': () => ({ query: `query ($id: ID!) { customer(id: $id) { id } }`, variables: { id: customerA.id } }),
  'Query.notes': () => ({ query: `{ notes { id } }` }),
  'Query.businessCalendars': () => ({ query: `{ businessCalendars { totalCount } }` }),
  'Query.businessCalendar': () => ({ query: `query ($id: ID!) { businessCalendar(id: $id) { id } }`, variables: { id: MISSING_ID } }),
  'Query.businessTimePreview': () => ({
    query: `query ($id: ID!) { businessTimePreview(calendarId: $id, start: "2026-01-05T09:00:00Z", minutes: 60) }`,
    variables: { id: MISSING_ID },
  }),
  'Query.eventTypes': () => ({ query: `{ eventTypes { type } }` }),
  'Query.metricDefinitions': () => ({ query: `{ metricDefinitions { name } }` }),
  // Per-metric permissions are checked inside; an unknown name answers VALIDATION_FAILED to signed-in callers.
  'Query.metrics': () => ({
    query: `{ metrics(names: ["core.none"], from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { points { value } } }`,
  }),
  'Query.eventDeliveries': () => ({ query: `{ eventDeliveries { totalCount } }` }),
  'Mutation.retryEventDelivery': () => ({
    query: `mutation ($id: ID!) { retryEventDelivery(eventId: $id, subscriber: "nobody.none") }`,
    variables: { id: MISSING_ID },
  }),
  'Query.myNotifications': () => ({ query: `{ myNotifications { unreadCount } }` }),
  'Mutation.markNotificationsRead': () => ({ query: `mutation { markNotificationsRead }` }),
  'Query.notificationPreferences': () => ({ query: `{ notificationPreferences { kind } }` }),
  'Mutation.setNotificationPreference': () => ({
    query: `mutation { setNotificationPreference(kind: "notes.none", email: true) { kind } }`,
  }),
  'Query.quarantinedMails': () => ({ query: `{ quarantinedMails { totalCount } }` }),
  'Mutation.releaseQuarantinedMail': () => ({
    query: `mutation ($id: ID!) { releaseQuarantinedMail(id: $id) { outcome } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.discardQuarantinedMail': () => ({
    query: `mutation ($id: ID!) { discardQuarantinedMail(id: $id) }`,
    variables: { id: MISSING_ID },
  }),
  'Query.webhookSubscriptions': () => ({ query: `{ webhookSubscriptions { totalCount } }` }),
  'Query.webhookDeliveries': () => ({
    query: `query ($id: ID!) { webhookDeliveries(subscriptionId: $id) { totalCount } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.createWebhookSubscription': () => ({
    query: `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`,
    variables: { input: { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] } },
  }),
  'Mutation.updateWebhookSubscription': () => ({
    query: `mutation ($id: ID!, $input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(id: $id, input: $input) { id } }`,
    variables: { id: MISSING_ID, input: { active: false } },
  }),
  'Mutation.deleteWebhookSubscription': () => ({
    query: `mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }`,
    variables: { id: MISSING_ID },
  }),
  'Query.slaClocksDueSoon': () => ({ query: `{ slaClocksDueSoon(take: 5) { subjectId } }` }),
  'Query.openSlaRequests': () => ({ query: `{ openSlaRequests { subjectType open } }` }),
  'Query.pluginSettings': () => ({ query: `{ pluginSettings { owner } }` }),
  'Mutation.updatePluginSettings': () => ({
    query: `mutation ($v: JSONObject!) { updatePluginSettings(owner: "notes", values: $v) { owner } }`,
    variables: { v: { maxNotes: 12 } },
  }),
  'Query.slaPolicies': () => ({ query: `{ slaPolicies { totalCount } }` }),
  'Query.staffSettings': () => ({ query: `{ staffSettings(owner: "notes") }` }),
  'Mutation.createBusinessCalendar': (n) => ({
    query: `mutation ($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`,
    variables: { input: { name: `Matrix ${n}`, timeZone: 'UTC', week: [{ weekday: 1, windows: [{ start: '09:00', end: '17:00' }] }] } },
  }),
  'Mutation.updateBusinessCalendar': () => ({
    query: `mutation ($id: ID!, $input: BusinessCalendarInput!) { updateBusinessCalendar(id: $id, input: $input) { id } }`,
    variables: { id: MISSING_ID, input: { name: 'Matrix missing', timeZone: 'UTC', week: [] } },
  }),
  'Mutation.deleteBusinessCalendar': () => ({
    query: `mutation ($id: ID!) { deleteBusinessCalendar(id: $id) }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.createSlaPolicy': () => ({
    query: `mutation ($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`,
    variables: { input: { name: 'Matrix policy', calendarId: MISSING_ID, resolutionMinutes: 60 } },
  }),
  'Mutation.updateSlaPolicy': () => ({
    query: `mutation ($id: ID!, $input: SlaPolicyInput!) { updateSlaPolicy(id: $id, input: $input) { id } }`,
    variables: { id: MISSING_ID, input: { name: 'Matrix policy', calendarId: MISSING_ID, resolutionMinutes: 60 } },
  }),
  'Mutation.deleteSlaPolicy': () => ({ query: `mutation ($id: ID!) { deleteSlaPolicy(id: $id) }`, variables: { id: MISSING_ID } }),
  'Mutation.login': () => ({
    query: `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    variables: { e: staffLogin.email, p: staffLogin.password },
  }),
  'Mutation.logout': () => ({ query: `mutation { logout }` }),
  'Mutation.changePassword': () => ({
    query: `mutation { changePassword(currentPassword: "not it", newPassword: "irrelevant password") }`,
  }),
  'Mutation.requestPasswordReset': (n) => ({ query: `mutation { requestPasswordReset(email: "reset${n}@example.com") }` }),
  'Mutation.confirmStaffEmail': () => ({ query: `mutation { confirmStaffEmail(token: "${'x'.repeat(43)}") }` }),
  'Mutation.resetPassword': () => ({ query: `mutation { resetPassword(token: "${'x'.repeat(43)}", newPassword: "irrelevant password") }` }),
  'Mutation.createStaffUser': (n) => ({
    query: `mutation { createStaffUser(input: { email: "new${n}@example.com", name: "New", password: "long enough password", roleIds: [] }) { id } }`,
  }),
  'Mutation.updateStaffUser': () => ({ query: `mutation { updateStaffUser(input: { id: "${randomUUID()}", name: "X" }) { id } }` }),
  'Mutation.deactivateStaffUser': () => ({ query: `mutation { deactivateStaffUser(id: "${randomUUID()}") { id } }` }),
  'Mutation.createRole': (n) => ({ query: `mutation { createRole(input: { name: "Role ${n}", permissions: [] }) { id } }` }),
  'Mutation.updateRole': () => ({ query: `mutation { updateRole(input: { id: "${randomUUID()}", description: "x" }) { id } }` }),
  'Mutation.createApiKey': (n) => ({ query: `mutation { createApiKey(input: { name: "k${n}", roleIds: [] }) { secret } }` }),
  'Mutation.revokeApiKey': () => ({ query: `mutation { revokeApiKey(id: "${randomUUID()}") { id } }` }),
  'Mutation.requestCustomerCode': (n) => ({ query: `mutation { requestCustomerCode(email: "code${n}@example.com") }` }),
  'Mutation.verifyCustomerCode': (n) => ({
    query: `mutation { verifyCustomerCode(email: "code${n}@example.com", code: "123456") { token } }`,
  }),
  'Query.customers': () => ({ query: `{ customers(search: "a", take: 5) { totalCount } }` }),
  'Mutation.createCustomer': (n) => ({
    query: `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    variables: { input: { name: `Matrix ${n}`, email: `matrix-customer${n}@example.com` } },
  }),
  'Mutation.updateCustomer': () => ({
    query: `mutation ($id: ID!) { updateCustomer(id: $id, input: { tier: "gold" }) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.setCustomerConsent': () => ({
    query: `mutation ($id: ID!) { setCustomerConsent(customerId: $id, kind: MARKETING, granted: true) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Query.products': () => ({ query: `{ products { totalCount } }` }),
  'Query.product': () => ({ query: `query ($id: ID!) { product(id: $id) { id } }`, variables: { id: MISSING_ID } }),
  'Query.productModels': () => ({ query: `{ productModels { totalCount } }` }),
  'Query.productModel': () => ({ query: `query ($id: ID!) { productModel(id: $id) { id } }`, variables: { id: MISSING_ID } }),
  'Mutation.createProduct': (n) => ({
    query: `mutation { createProduct(input: { name: "Matrix product ${n}", category: "Test" }) { id } }`,
  }),
  'Mutation.updateProduct': () => ({
    query: `mutation ($id: ID!) { updateProduct(id: $id, input: { category: "x" }) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.createProductModel': () => ({
    query: `mutation ($p: ID!) { createProductModel(input: { productId: $p, sku: "MX-1", name: "x", warrantyMonths: 1, returnWindowDays: 1 }) { id } }`,
    variables: { p: MISSING_ID },
  }),
  'Mutation.updateProductModel': () => ({
    query: `mutation ($id: ID!) { updateProductModel(id: $id, input: { name: "x" }) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Query.purchases': () => ({ query: `{ purchases { totalCount } }` }),
  'Query.purchase': () => ({ query: `query ($id: ID!) { purchase(id: $id) { id } }`, variables: { id: MISSING_ID } }),
  'Query.purchasesBySerial': () => ({ query: `{ purchasesBySerial(serialNumber: "SN-1") { id } }` }),
  'Query.myPurchases': () => ({ query: `{ myPurchases { totalCount } }` }),
  'Mutation.createPurchase': () => ({
    query: `mutation ($c: ID!, $m: ID!) { createPurchase(input: { customerId: $c, modelId: $m, purchasedAt: "2026-01-01T00:00:00Z", channel: "online", priceMinor: 100, currency: "EUR" }) { id } }`,
    variables: { c: MISSING_ID, m: MISSING_ID },
  }),
  'Query.customerTimeline': () => ({
    query: `query ($id: ID!) { customerTimeline(customerId: $id) { hasMore } }`,
    variables: { id: customerA.id },
  }),
  'Query.exportCustomerData': () => ({
    query: `query ($id: ID!) { exportCustomerData(customerId: $id) }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.anonymizeCustomer': () => ({
    query: `mutation ($id: ID!) { anonymizeCustomer(customerId: $id) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.importCsv': () => ({
    query: `mutation { importCsv(kind: PRODUCTS, csv: "product_name,category,sku,model_name,warranty_months,return_window_days\\n") { totalRows } }`,
  }),
  'Query.portalConfiguration': () => ({ query: `{ portalConfiguration { companyName languages } }` }),
  'Query.complaintProcedure': () => ({ query: `{ complaintProcedure { free targets { resolutionMinutes } } }` }),
  'Mutation.verifyCustomerLink': () => ({ query: `mutation { verifyCustomerLink(token: "${'x'.repeat(43)}") { token } }` }),
  'Mutation.signOutEverywhere': () => ({ query: `mutation { signOutEverywhere }` }),
  'Mutation.updateMyProfile': () => ({ query: `mutation { updateMyProfile(input: { timeZone: "Europe/Madrid" }) { id } }` }),
  'Query.myConsentHistory': () => ({ query: `{ myConsentHistory { id } }` }),
  'Query.myDataExport': () => ({ query: `{ myDataExport }` }),
  'Query.myErasureRequest': () => ({ query: `{ myErasureRequest { id } }` }),
  'Mutation.requestMyErasure': () => ({ query: `mutation { requestMyErasure(input: {}) { id } }` }),
  'Query.erasureRequests': () => ({ query: `{ erasureRequests { id } }` }),
  'Mutation.declineErasureRequest': () => ({
    query: `mutation ($id: ID!) { declineErasureRequest(id: $id) { id } }`,
    variables: { id: MISSING_ID },
  }),
  'Mutation.addNote': () => ({ query: `mutation { addNote(input: { body: "hi" }) { id } }` }),
  'Mutation.crashNote': () => ({ query: `mutation { crashNote }` }),
};

// Public fields whose job is to check credentials answer UNAUTHENTICATED for wrong ones.
const CREDENTIAL_CHECKS = new Set(['Mutation.verifyCustomerCode', 'Mutation.verifyCustomerLink']);

function expected(caller: Caller, policy: RootFieldPolicy['policy']): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (!policy) throw new Error('undeclared field');
  if (policy.public) return 'allowed';
  if (caller.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (policy.requires.length === 0) return 'allowed';
  const ok = policy.requires.some((r) =>
    r === 'core:staff' ? caller.kind === 'staff' : r === 'core:customer' ? caller.kind === 'customer' : caller.permissions.has(r),
  );
  return ok ? 'allowed' : 'FORBIDDEN';
}

beforeAll(async () => {
  // crashNote fails on purpose for every caller; its error log would drown the output.
  server = await createTestServer({ plugins: [notesPlugin], config: { logLevel: 'fatal' } });
  const sources = [
    { owner: 'core', resolvers: core.resolvers },
    { owner: 'notes', resolvers: notesPlugin.resolvers ?? [] },
  ];
  policies = rootFieldPolicies(server.app.schema, sources);
  const roles = await server.app.dataSource.getRepository(Role).find();
  const perms = (names: string[]) => server.app.identity.permissionsOfRoles(roles.filter((r) => names.includes(r.name)));

  const custA = await server.fixtures.customerSession(undefined, { name: 'A', email: 'a@example.com' });
  customerA = { id: custA.id };
  const custB = await server.signInCustomer('b@example.com');
  const agent = await server.signInStaff(['Agent']);
  const supervisor = await server.signInStaff(['Supervisor']);
  const admin = await server.signInStaff(['Administrator']);
  const expired = await server.signInStaff(['Administrator']);
  await server.app.dataSource.query(`UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE staff_user_id = $1`, [
    expired.id,
  ]);
  staffLogin = { email: 'matrix-login@example.com', password: 'matrix login password' };
  await server.app.identity.createStaffUser({ kind: 'anonymous' }, { ...staffLogin, name: 'Login', roleIds: [] }, { skipGrantCheck: true });

  await admin.client.data(`mutation { createRole(input: { name: "Notes reader", permissions: ["notes.note.read"] }) { id } }`);
  const narrow = await server.fixtures.apiKey(['Notes reader'], 'narrow');
  const revoked = await server.fixtures.apiKey(['Notes reader'], 'revoked');
  await admin.client.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: revoked.id });

  const bearer = (t: string) => server.client.withHeaders({ authorization: `Bearer ${t}` });
  const none = new Set<string>();
  callers = [
    { name: 'anonymous', client: server.client, kind: 'anonymous', permissions: none },
    { name: 'customer A', client: bearer(custA.token), kind: 'customer', permissions: none },
    { name: 'customer B', client: custB.client, kind: 'customer', permissions: none },
    { name: 'agent', client: agent.client, kind: 'staff', permissions: perms(['Agent']) },
    { name: 'supervisor', client: supervisor.client, kind: 'staff', permissions: perms(['Supervisor']) },
    { name: 'administrator', client: admin.client, kind: 'staff', permissions: perms(['Administrator']) },
    {
      name: 'narrow API key',
      client: narrow.client,
      kind: 'apiKey',
      permissions: new Set(['notes.note.read']),
    },
    { name: 'revoked API key', client: revoked.client, kind: 'anonymous', permissions: none },
    { name: 'expired session', client: expired.client, kind: 'anonymous', permissions: none },
  ];
});
afterAll(() => server?.stop());

describe('authorization matrix', () => {
  it('has an operation for every root field of the composed schema', () => {
    expect(policies.map((p) => p.field).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('answers every root field × caller as the declared policy says', async () => {
    const mismatches: string[] = [];
    // signOutEverywhere, then logout, last: they end the caller's sessions.
    const ending = (f: string) => (f === 'Mutation.logout' ? 2 : f === 'Mutation.signOutEverywhere' ? 1 : 0);
    const ordered = [...policies].sort((a, b) => ending(a.field) - ending(b.field));
    for (const p of ordered) {
      for (const [n, caller] of callers.entries()) {
        const op = OPERATIONS[p.field]!(n);
        const res = await caller.client.request(op.query, op.variables);
        const codes = errorCodes(res);
        const want = expected(caller, p.policy);
        const authCodes = codes.filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
        const ok =
          want === 'allowed'
            ? authCodes.length === 0 || (CREDENTIAL_CHECKS.has(p.field) && authCodes.every((c) => c === 'UNAUTHENTICATED'))
            : codes.length === 1 && codes[0] === want;
        if (!ok)
          mismatches.push(`${p.field} as ${caller.name}: expected ${want}, got ${JSON.stringify(codes)} ${res.errors?.[0]?.message ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Hundreds of sequential requests: generous on a loaded 2-core machine; it is not a timing test.
  }, 180_000);
});
