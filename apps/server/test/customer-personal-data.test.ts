import serviceDesk from '@aftercare/service-desk';
import { createTestClock, createTestServer, type GraphQLClient, type TestServer } from '@aftercare/testing';
import warranty from '@aftercare/warranty';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A staff role with every permission except core.customer.read must not see a customer's name or
// e-mail through any path: case and claim customers, message authors, history actors, repairs…
// The test fills the database with objects that carry the customer's name and e-mail, then walks
// every query of the schema with every field it can select and looks for them in the answers.
const NAME = 'Zelda Quokkafield';
const EMAIL = 'zelda.quokkafield@example.com';
const clock = createTestClock('2026-11-16T09:00:00Z');
let server: TestServer;
let admin: GraphQLClient;
let restricted: GraphQLClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await createTestServer({ plugins: [serviceDesk, warranty], clock, config: { jobPollSeconds: 0.5 } });
  admin = (await server.signInStaff()).client;
  const product = await admin.data(`mutation { createProduct(input: { name: "Washer", category: "Washing machines" }) { id } }`);
  const model = await admin.data(`mutation($i: CreateProductModelInput!) { createProductModel(input: $i) { id } }`, {
    i: { productId: product.createProduct.id, sku: 'W-1', name: 'Washer 8kg', warrantyMonths: 24, returnWindowDays: 14 },
  });
  ids.ProductModel = model.createProductModel.id;
  const customer = await admin.data(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
    i: { name: NAME, email: EMAIL, timeZone: 'Europe/Madrid', addresses: [{ line1: 'Calle 1', city: 'Madrid', country: 'ES' }] },
  });
  ids.Customer = customer.createCustomer.id;
  const purchase = await admin.data(`mutation($i: CreatePurchaseInput!) { createPurchase(input: $i) { id serialNumber } }`, {
    i: {
      customerId: ids.Customer,
      modelId: ids.ProductModel,
      purchasedAt: '2026-10-01T10:00:00Z',
      serialNumber: 'SN-ZQ-1',
      channel: 'online',
      priceMinor: 49900,
      currency: 'EUR',
    },
  });
  ids.Purchase = purchase.createPurchase.id;
  const { token } = await server.app.identity.createCustomerSession(ids.Customer);
  const me = server.client.withHeaders({ authorization: `Bearer ${token}` });

  // A case the customer opened and wrote on (the customer is the author and a history actor).
  const myCase = await me.data(
    `mutation { submitCase(input: { kind: COMPLAINT, subject: "Leaks", description: "Water on the floor." }) { id } }`,
  );
  ids.Case = myCase.submitCase.id;
  await admin.data(`mutation($id: ID!) { changeCaseStatus(id: $id, status: WAITING_ON_CUSTOMER) { id } }`, { id: ids.Case });
  await me.data(`mutation($i: ReplyToMyCaseInput!) { replyToMyCase(input: $i) { id } }`, {
    i: { caseId: ids.Case, body: 'Still leaking.' },
  });
  await admin.data(`mutation($i: ReplyToCaseInput!) { replyToCase(input: $i) { id } }`, {
    i: { caseId: ids.Case, body: 'We will call you.' },
  });

  // A claim the customer filed, approved by staff, with a repair order.
  for (let i = 0; ; i++) {
    const res = await me.request(`mutation($i: SubmitMyWarrantyClaimInput!) { submitMyWarrantyClaim(input: $i) { id } }`, {
      i: { purchaseId: ids.Purchase, description: 'Drum does not turn.' },
    });
    if (!res.errors) {
      ids.WarrantyClaim = res.data!.submitMyWarrantyClaim.id;
      break;
    }
    if (i > 50) throw new Error(JSON.stringify(res.errors));
    await new Promise((r) => setTimeout(r, 100)); // the registration is made after the purchase's event
  }
  await admin.data(`mutation($i: DecideWarrantyClaimInput!) { decideWarrantyClaim(input: $i) { id } }`, {
    i: { claimId: ids.WarrantyClaim, decision: 'APPROVE' },
  });
  const order = await admin.data(`mutation($i: CreateRepairOrderInput!) { createRepairOrder(input: $i) { id } }`, {
    i: { claimId: ids.WarrantyClaim },
  });
  ids.RepairOrder = order.createRepairOrder.id;
  const registrations = await admin.data(`{ warrantyRegistrations(take: 5) { items { id } } }`);
  ids.WarrantyRegistration = registrations.warrantyRegistrations.items[0].id;

  const all = (await admin.data(`{ permissions { items { name } } }`)).permissions.items as Array<{ name: string }>;
  await admin.data(`mutation($i: CreateRoleInput!) { createRole(input: $i) { id } }`, {
    // core.customer.export is the data-subject export itself: it grants the personal data by design.
    i: {
      name: 'Everything but customers',
      permissions: all.map((p) => p.name).filter((p) => p !== 'core.customer.read' && p !== 'core.customer.export'),
    },
  });
  restricted = (await server.signInStaff(['Everything but customers'])).client;
});

afterAll(() => server?.stop());

/** Every selectable field of `type` down to `depth`, skipping fields that need arguments we cannot give. */
function selection(type: GraphQLNamedType, depth: number, seen: string[] = []): string | null {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return null;
  if (depth === 0 || seen.filter((s) => s === type.name).length >= 2) return null;
  const parts: string[] = [];
  for (const field of Object.values((type as GraphQLObjectType).getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = selection(getNamedType(field.type), depth - 1, [...seen, type.name]);
    if (inner === null) continue;
    parts.push(inner ? `${field.name} { ${inner} }` : field.name);
  }
  return parts.length ? parts.join(' ') : null;
}

/** Arguments for a root field: ids of the objects made above, by the argument's or the return type's name. */
function argumentsFor(field: GraphQLField<unknown, unknown>): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const a of field.args) {
    if (!isNonNullType(a.type) || a.defaultValue !== undefined) continue;
    const named = getNamedType(a.type).name;
    const byArg = a.name.replace(/Id$/, '');
    const key = Object.keys(ids).find(
      (k) => k.toLowerCase() === byArg.toLowerCase() || (a.name === 'id' && k === getNamedType(field.type).name),
    );
    if (named === 'ID' && key) values[a.name] = ids[key];
    else if (named === 'String' && a.name === 'serialNumber') values[a.name] = 'SN-ZQ-1';
    else return null;
  }
  return values;
}

describe("a customer's personal data", () => {
  it('reaches no caller without core.customer.read, through any query', async () => {
    const query = server.app.schema.getQueryType()!;
    let walked = 0;
    for (const field of Object.values(query.getFields())) {
      const args = argumentsFor(field);
      if (!args) continue;
      const inner = selection(getNamedType(field.type), 4);
      if (inner === null) continue;
      const argList = Object.keys(args);
      const vars = argList.length ? `(${argList.map((a) => `$${a}: ${field.args.find((x) => x.name === a)!.type}`).join(', ')})` : '';
      const call = argList.length ? `(${argList.map((a) => `${a}: $${a}`).join(', ')})` : '';
      const doc = `query${vars} { ${field.name}${call}${inner ? ` { ${inner} }` : ''} }`;
      const staffView = JSON.stringify((await admin.request(doc, args)).data ?? null);
      const restrictedView = JSON.stringify((await restricted.request(doc, args)).data ?? null);
      walked++;
      expect(restrictedView, `${field.name} shows the customer's name`).not.toContain(NAME);
      expect(restrictedView, `${field.name} shows the customer's e-mail`).not.toContain(EMAIL);
      // The walk is only meaningful where the data exists: an administrator sees it on the main paths.
      if (['case', 'warrantyClaim', 'repairOrder'].includes(field.name)) expect(staffView).toContain(NAME);
    }
    expect(walked).toBeGreaterThan(20);
  });
});
