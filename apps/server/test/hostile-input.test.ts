import { type AftercareApp, maskValue, textProblem } from '@aftercare/core';
import { type GraphQLClient, rootOperations, sampleArguments, type TestServer, type ValueSource } from '@aftercare/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composedServer } from './helpers.js';

/**
 * Hostile and unusual text through every operation of the composed schema (core and every plugin
 * of this installation): arbitrary Unicode, control characters, broken surrogates, characters
 * outside the basic plane and out-of-range dates. Whatever the input, the answer is data or a
 * coded error, never INTERNAL.
 */
// String.prototype.isWellFormed exists in Node 20 but not in the compiler's ES2022 library.
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

let server: TestServer;
let admin: GraphQLClient;

// Operations that would end the test's own session.
const SKIP = new Set(['Mutation.logout', 'Mutation.signOutEverywhere']);

const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '😀 Anna',
  '𠀀𠀁 Chen',
  '\uD800',
  'x\uDC00y',
  'x\u001b[31m',
  '\u202Eevil',
  'Zoë',
  'line\u0085break',
  '%s%n',
  "'; DROP TABLE customer; --",
  ' ',
  '',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
);
const date = fc.constantFrom(
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '1899-12-31T23:59:59.000Z',
  '2026-03-01T10:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
);

/** Ids of existing rows by entity name, so that operations get past their lookups and reach their writes. */
async function existingIds(app: AftercareApp): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const meta of app.dataSource.entityMetadatas) {
    if (!meta.primaryColumns.some((c) => c.propertyName === 'id')) continue;
    const [row] = await app.dataSource.getRepository(meta.target).find({ take: 1 });
    if (row && typeof (row as { id?: unknown }).id === 'string') ids.set(meta.name.toLowerCase(), (row as { id: string }).id);
  }
  return ids;
}

function idFor(ids: Map<string, string>, hint: string): string {
  const h = hint.toLowerCase();
  if (ids.has(h)) return ids.get(h)!;
  for (const [name, id] of ids) if (name.endsWith(h)) return id;
  return randomUUID();
}

beforeAll(async () => {
  ({ server, admin } = await composedServer({ seedCustomers: 5 }));
});
afterAll(() => server?.stop());

describe('hostile text through every operation', () => {
  it('no input to any query or mutation produces INTERNAL', async () => {
    const ids = await existingIds(server.app);
    const ops = [...rootOperations(server.app.schema, 'Mutation'), ...rootOperations(server.app.schema, 'Query')].filter(
      (op) => !SKIP.has(op.coordinate),
    );
    expect(ops.length).toBeGreaterThan(50);
    let unique = 0;
    for (const op of ops) {
      if (process.env.HOSTILE_TRACE) console.log('op', op.coordinate);
      const returns = op.field.type.toString().replace(/[[\]!]/g, '');
      await fc.assert(
        fc.asyncProperty(
          fc.array(text, { minLength: 40, maxLength: 40 }),
          fc.array(date, { minLength: 10, maxLength: 10 }),
          async (texts, dates) => {
            let t = 0;
            let d = 0;
            const source: ValueSource = ({ name, type }) => {
              if (type.name === 'ID') return name === 'id' ? idFor(ids, returns) : idFor(ids, name.replace(/Ids?$/, ''));
              if (type.name === 'DateTimeISO') return dates[d++ % dates.length];
              if (type.name !== 'String') return undefined;
              const value = texts[t++ % texts.length]!;
              // Every other email is well-formed, so that text also reaches the writes behind the email check.
              if (/email/i.test(name) && t % 2) return `u${++unique}-${value.replace(/[^a-z0-9]/gi, '')}@example.com`;
              if (/currency/i.test(name) && t % 2) return 'EUR';
              return value;
            };
            const variables = sampleArguments(op.field, source);
            const res = await admin.request(op.query, variables);
            const internal = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL' || !e.extensions?.code);
            if (internal.length || res.status >= 500) {
              throw new Error(`${op.coordinate} answered ${res.status} ${JSON.stringify(internal)} for ${JSON.stringify(variables)}`);
            }
          },
        ),
        { numRuns: 4, endOnFailure: true },
      );
    }
  });

  it('control characters get VALIDATION_FAILED naming the field', async () => {
    const res = await admin.request(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { name: 'Ann\u0000a', email: 'nul@example.com' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'input.name' })]);
  });

  it('audit masking keeps whole characters, never half a surrogate pair', () => {
    expect(maskValue('😀 Anna')).toBe('😀***');
    expect(maskValue('𠀀𠀁 Chen')).toBe('𠀀***');
    expect(maskValue('👩‍👩‍👧 Family')).toBe('👩‍👩‍👧***');
    expect(maskValue('😀@example.com')).toBe('😀***@example.com');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (s) => {
        expect(wellFormed(String(maskValue(s)))).toBe(true);
      }),
    );
  });

  it('every valid text is stored and returned intact', async () => {
    const valid = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .filter((s) => s.trim() === s && s.length > 0 && textProblem(s) === null);
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid, fc.constantFrom('😀 Anna', '𠀀𠀁 Chen', '👩‍👩‍👧 Family', 'Zoë')), async (name) => {
        const created = await admin.data(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }`, {
          input: { name, email: `rt-${randomUUID()}@example.com` },
        });
        expect(created.createCustomer.name).toBe(name);
        const read = await admin.data(`query ($id: ID!) { customer(id: $id) { name } }`, { id: created.createCustomer.id });
        expect(read.customer.name).toBe(name);
        await admin.data(`mutation ($id: ID!, $n: String!) { updateCustomer(id: $id, input: { name: $n }) { id } }`, {
          id: created.createCustomer.id,
          n: `${name} B`,
        });
        const [entry] = await server.app.dataSource.query(
          `SELECT changes FROM audit_event WHERE object_id = $1 AND action = 'customer.update'`,
          [created.createCustomer.id],
        );
        const masked = JSON.stringify(entry?.changes ?? {});
        expect(wellFormed(masked)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
