import { COST_RULES, INPUT_LIMITS, argumentProblems, operationCost } from '@aftercare/core';
import { createTestServer, type GraphQLClient, listInputs, rootOperations, sampleArguments, type TestServer } from '@aftercare/testing';
import { type DocumentNode, type GraphQLField, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composedServer } from './helpers.js';
import * as consoleDocuments from '../../../packages/admin-kit/src/generated/graphql/graphql.js';

/**
 * The request limits hold over the whole composed schema: every list input is capped, every page
 * size argument is capped, and cost grows with list sizes and nesting, so that no request within
 * the limits can starve the others. The console's own documents stay within them.
 */
let server: TestServer;
let admin: GraphQLClient;

beforeAll(async () => {
  ({ server, admin } = await composedServer());
});
afterAll(() => server?.stop());

const documents = Object.entries(consoleDocuments).filter(
  (e): e is [string, DocumentNode] => (e[1] as { kind?: string })?.kind === 'Document',
);

describe('request limits over the whole schema', () => {
  it('every list input of every operation refuses more than the cap, naming the field', async () => {
    const positions = listInputs(server.app.schema);
    expect(positions.length).toBeGreaterThan(20);
    const ops = new Map(
      [...rootOperations(server.app.schema, 'Mutation'), ...rootOperations(server.app.schema, 'Query')].map((o) => [o.coordinate, o]),
    );
    const uncapped: string[] = [];
    for (const { coordinate, path } of positions) {
      const op = ops.get(coordinate)!;
      const variables = sampleArguments(op.field, () => undefined);
      // Grow the list at `path` (through the first item of any list on the way) past the cap.
      const keys = path.split('.');
      let holder: Record<string, unknown> = variables;
      for (const key of keys.slice(0, -1)) {
        const next = holder[key];
        holder = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
      }
      const last = keys.at(-1)!;
      const item = (holder[last] as unknown[])[0];
      holder[last] = Array.from({ length: INPUT_LIMITS.maxListItems + 1 }, () => item);
      const problems = argumentProblems(op.field.args, variables);
      if (!problems.some((p) => p.field.replace(/\.\d+/g, '') === path)) uncapped.push(`${coordinate} ${path}`);
    }
    expect(uncapped).toEqual([]);
    // Over HTTP the same is refused before any resolver runs.
    const res = await admin.request(`mutation ($input: CreateRoleInput!) { createRole(input: $input) { id } }`, {
      input: { name: 'Too many', permissions: Array.from({ length: INPUT_LIMITS.maxListItems + 1 }, () => 'core.audit.read') },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'input.permissions' }] });
  });

  it('every page size argument of every field, at any depth, is capped', () => {
    const uncapped: string[] = [];
    let count = 0;
    for (const type of Object.values(server.app.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        for (const arg of field.args.filter((a) => ['take', 'first', 'last', 'limit'].includes(a.name))) {
          count++;
          const problems = argumentProblems(field.args, { [arg.name]: INPUT_LIMITS.maxPageSize + 1 });
          if (!problems.some((p) => p.field === arg.name)) uncapped.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(count).toBeGreaterThan(10);
    expect(uncapped).toEqual([]);
  });

  it('cost multiplies by page sizes and nesting; aliases of a big list are refused with HTTP 400', async () => {
    const one = `{ customers(take: 100) { items { id purchases { id } } } }`;
    const parse = (await import('graphql')).parse;
    const single = operationCost(server.app.schema, parse(one));
    const small = operationCost(server.app.schema, parse(`{ customers(take: 10) { items { id purchases { id } } } }`));
    expect(single).toBeGreaterThan(small * 5);
    const aliased = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: customers(take: 100) { items { id name purchases { id serialNumber } } }`).join(' ')} }`;
    const res = await admin.request(aliased);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'maxCost' });
    // Variables count too: the same document with a small page passes.
    const byVar = `query ($t: Int) { customers(take: $t) { items { id purchases { id } } } }`;
    expect(operationCost(server.app.schema, parse(byVar), undefined, { t: 100 })).toBe(single);
    expect(operationCost(server.app.schema, parse(byVar), undefined, { t: 10 })).toBe(small);
  });

  it('every document of the admin console stays within the cost limit at the largest page sizes', () => {
    expect(documents.length).toBeGreaterThan(20);
    const costs = documents.map(([name, doc]) => ({ name, cost: operationCost(server.app.schema, doc) }));
    if (process.env.COST_TRACE) console.log(costs.sort((a, b) => b.cost - a.cost).slice(0, 12));
    const over = costs.filter((c) => c.cost > COST_RULES.maxCost);
    expect(over).toEqual([]);
  });

  it('a statement that runs too long is stopped and answered as a limit, not INTERNAL', async () => {
    const slow = await createTestServer({ config: { statementTimeoutMs: 200, logLevel: 'fatal' } });
    try {
      await expect(slow.app.dataSource.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await slow.stop();
    }
  });
});
