import { type GraphQLClient, type TestServer } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composedServer } from './helpers.js';

/** Lists the domain needs at least one entry of cannot be emptied, through any way of saving them. */
let server: TestServer;
let admin: GraphQLClient;
beforeAll(async () => {
  ({ server, admin } = await composedServer());
});
afterAll(() => server?.stop());

describe('required lists', () => {
  it.each([
    ['categories', `mutation { updateServiceDeskSettings(input: { categories: [] }) { categories } }`],
    ['rootCauses', `mutation { updateServiceDeskSettings(input: { rootCauses: [] }) { rootCauses } }`],
    ['attachmentTypes', `mutation { updateServiceDeskSettings(input: { attachmentTypes: [] }) { attachmentTypes } }`],
    ['categories', `mutation ($v: JSONObject!) { updatePluginSettings(owner: "service-desk", values: $v) { owner } }`],
    [
      'input.coverageTypes',
      `mutation { saveWarrantyPolicy(input: { name: "Empty", months: 24, startFrom: DELIVERY, coverageTypes: [], legalBasis: LEGAL_GUARANTEE }) { id } }`,
    ],
  ])('%s cannot be emptied', async (field, query) => {
    const res = await admin.request(query, query.includes('$v') ? { v: { categories: [] } } : undefined);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.errors?.[0]?.extensions?.fields)).toContain(field.split('.').at(-1));
  });
});
