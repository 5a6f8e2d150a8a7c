import { randomBytes } from 'node:crypto';
import type { GraphQLClient } from './graphql-client.js';
import { graphql } from './generated/graphql/gql.js';
import type { CreateCustomerInput, CreateProductModelInput, CreatePurchaseInput } from './generated/graphql/graphql.js';

const unique = () => randomBytes(4).toString('hex');

/** A signed-in test caller. */
export interface TestSession {
  /** Client sending `Authorization: Bearer <token>`. */
  client: GraphQLClient;
  token: string;
  /** Staff user id or customer id. */
  id: string;
  email: string;
}

/** An API key and a client that sends it (`x-api-key`). */
export interface TestApiKey {
  client: GraphQLClient;
  id: string;
  /** The secret, shown once by the API. */
  key: string;
}

/**
 * Core objects for tests, made the way an integrator would make them: through the public GraphQL
 * API as an administrator (so validation, audit entries and events happen as in production), and
 * sessions through core's identity service. Every call makes new rows with unique names, e-mails,
 * SKUs and serial numbers; pass what the test cares about and take the defaults for the rest.
 * Reach it as `server.fixtures`.
 */
export interface Fixtures {
  /** A customer (`createCustomer`). Default: "Test Customer", a unique e-mail, English; no address. */
  customer(input?: Partial<CreateCustomerInput>): Promise<{ id: string; name: string; email: string }>;
  /** A product with one model (`createProduct` + `createProductModel`). Default: 24 months warranty, 14 days return window. */
  productModel(
    input?: Partial<Omit<CreateProductModelInput, 'productId'>> & { productId?: string; category?: string; productName?: string },
  ): Promise<{ id: string; sku: string; name: string; productId: string }>;
  /**
   * A purchase (`createPurchase`, which publishes core.purchase.created). Without `customerId` a new
   * customer buys; without `modelId` a new model is sold. Default: online, 49.90 EUR, bought on
   * 1 October 2026, a unique serial number.
   */
  purchase(
    input?: Partial<CreatePurchaseInput>,
  ): Promise<{ id: string; serialNumber: string; customerId: string; modelId: string; purchasedAt: string }>;
  /** A staff user with these roles by name (built-in or custom; default Administrator), signed in. */
  staff(roles?: string[], input?: { email?: string; name?: string }): Promise<TestSession>;
  /** An API key with these roles by name (`createApiKey`), and a client that sends it. */
  apiKey(roles?: string[], name?: string): Promise<TestApiKey>;
  /** A customer session: of `customerId`, or of a new customer (made with {@link Fixtures.customer}). */
  customerSession(customerId?: string, input?: Partial<CreateCustomerInput>): Promise<TestSession>;
}

const CreateCustomer = graphql(`
  mutation FixtureCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      name
      email
    }
  }
`);
const CreateProduct = graphql(`
  mutation FixtureCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`);
const CreateProductModel = graphql(`
  mutation FixtureCreateProductModel($input: CreateProductModelInput!) {
    createProductModel(input: $input) {
      id
      sku
      name
      productId
    }
  }
`);
const CreatePurchase = graphql(`
  mutation FixtureCreatePurchase($input: CreatePurchaseInput!) {
    createPurchase(input: $input) {
      id
      serialNumber
      customerId
      modelId
      purchasedAt
    }
  }
`);
const Roles = graphql(`
  query FixtureRoles {
    roles {
      items {
        id
        name
      }
    }
  }
`);
const CreateApiKey = graphql(`
  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);

/** What the fixtures need of a server: an administrator's client and core's session service. */
export interface FixtureHost {
  /** A client of a signed-in administrator. */
  admin(): Promise<GraphQLClient>;
  /** A new staff user with these roles (ids), signed in, through core's identity service. */
  staffSession(roleIds: string[], email: string, name: string): Promise<TestSession>;
  /** A session of an existing customer, through core's identity service. */
  customerSession(customerId: string, email: string): Promise<TestSession>;
  /** The anonymous client, to derive key clients from. */
  client: GraphQLClient;
}

export function createFixtures(host: FixtureHost): Fixtures {
  async function roleIds(names: string[]): Promise<string[]> {
    const admin = await host.admin();
    const { roles } = await admin.data(Roles);
    return names.map((name) => {
      const role = roles.items.find((r) => r.name === name);
      if (!role) throw new Error(`No role named '${name}' (there are: ${roles.items.map((r) => r.name).join(', ')}).`);
      return role.id;
    });
  }

  const fixtures: Fixtures = {
    async customer(input = {}) {
      const admin = await host.admin();
      const { createCustomer } = await admin.data(CreateCustomer, {
        input: {
          name: 'Test Customer',
          email: `customer-${unique()}@example.com`,
          locale: 'en',
          ...input,
        },
      });
      return { id: createCustomer.id, name: createCustomer.name, email: createCustomer.email };
    },

    async productModel({ productId, category = 'Appliances', productName, ...input } = {}) {
      const admin = await host.admin();
      const n = unique();
      const product =
        productId ?? (await admin.data(CreateProduct, { input: { name: productName ?? `Product ${n}`, category } })).createProduct.id;
      const { createProductModel } = await admin.data(CreateProductModel, {
        input: { productId: product, sku: `SKU-${n}`, name: `Model ${n}`, warrantyMonths: 24, returnWindowDays: 14, ...input },
      });
      return createProductModel;
    },

    async purchase(input = {}) {
      const admin = await host.admin();
      const customerId = input.customerId ?? (await fixtures.customer()).id;
      const modelId = input.modelId ?? (await fixtures.productModel()).id;
      const { createPurchase } = await admin.data(CreatePurchase, {
        input: {
          serialNumber: `SN-${unique()}`,
          purchasedAt: '2026-10-01T10:00:00Z',
          channel: 'online',
          priceMinor: 4990,
          currency: 'EUR',
          ...input,
          customerId,
          modelId,
        },
      });
      return { ...createPurchase, serialNumber: createPurchase.serialNumber ?? '' };
    },

    async staff(roles = ['Administrator'], input = {}) {
      return host.staffSession(await roleIds(roles), input.email ?? `staff-${unique()}@example.com`, input.name ?? 'Test Staff');
    },

    async apiKey(roles = ['Administrator'], name = `key-${unique()}`) {
      const admin = await host.admin();
      const { createApiKey } = await admin.data(CreateApiKey, { input: { name, roleIds: await roleIds(roles) } });
      return {
        client: host.client.withHeaders({ 'x-api-key': createApiKey.secret }),
        id: createApiKey.apiKey.id,
        key: createApiKey.secret,
      };
    },

    async customerSession(customerId, input = {}) {
      if (customerId) return host.customerSession(customerId, input.email ?? '');
      const customer = await fixtures.customer(input);
      return host.customerSession(customer.id, customer.email);
    },
  };
  return fixtures;
}
