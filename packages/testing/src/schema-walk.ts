import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** One root field with an operation that selects just enough of its result. */
export interface RootOperation {
  /** `Mutation.createCustomer` */
  coordinate: string;
  field: GraphQLField<unknown, unknown>;
  /** The operation text; its variables are named after the field's arguments. */
  query: string;
}

/** Scalars selected from an object type so that an operation is valid (no sub-selection needed). */
function leafSelection(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields());
  const leaf =
    fields.find((f) => f.name === 'id') ?? fields.find((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)));
  if (leaf) return `{ ${leaf.name} }`;
  return `{ __typename }`;
}

/** Every root field of `root` with an operation calling it with all its arguments as variables. */
export function rootOperations(schema: GraphQLSchema, root: 'Query' | 'Mutation'): RootOperation[] {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  if (!type) return [];
  return Object.values(type.getFields()).map((field) => {
    const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const op = root === 'Query' ? 'query' : 'mutation';
    const query = `${op}${vars ? ` (${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${leafSelection(getNamedType(field.type))} }`;
    return { coordinate: `${root}.${field.name}`, field, query };
  });
}

/** How {@link sampleArguments} fills a value: return undefined to use the default for the type. */
export type ValueSource = (ctx: { name: string; path: string; type: GraphQLNamedType }) => unknown;

const defaults: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  Boolean: false,
  ID: '00000000-0000-4000-8000-0000000000ff',
  String: 'x',
  DateTimeISO: '2026-01-05T09:00:00.000Z',
  JSONObject: {},
};

function sample(type: GraphQLInputType, name: string, path: string, source: ValueSource, depth: number): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return depth > 6 ? [] : [sample(t.ofType as GraphQLInputType, name, `${path}.0`, source, depth + 1)];
  const named = getNamedType(t);
  const given = source({ name, path, type: named });
  if (given !== undefined) return given;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    if (depth > 6) return out;
    for (const f of Object.values(named.getFields())) out[f.name] = sample(f.type, f.name, `${path}.${f.name}`, source, depth + 1);
    return out;
  }
  if (isEnumType(named)) return named.getValues()[0]!.name;
  return defaults[named.name] ?? 'x';
}

/**
 * Variables for every argument of `field`, optional ones included (so that every text input is
 * exercised), with values from `source` or a type default.
 */
export function sampleArguments(field: { args: readonly GraphQLArgument[] }, source: ValueSource): Record<string, unknown> {
  return Object.fromEntries(field.args.map((a) => [a.name, sample(a.type, a.name, a.name, source, 0)]));
}

/** One list-typed input position: a root field argument or a list field of an input object reachable from it. */
export interface ListInput {
  coordinate: string;
  /** Dotted path from the argument, e.g. `input.addresses`. */
  path: string;
}

/** Every list input position of every root field (arguments and nested input object fields). */
export function listInputs(schema: GraphQLSchema): ListInput[] {
  const out: ListInput[] = [];
  const walk = (coordinate: string, type: GraphQLInputType, path: string, seen: Set<string>) => {
    const t = isNonNullType(type) ? type.ofType : type;
    if (isListType(t)) out.push({ coordinate, path });
    const named = getNamedType(t);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      const next = new Set(seen).add(named.name);
      for (const f of Object.values(named.getFields())) walk(coordinate, f.type, `${path}.${f.name}`, next);
    }
  };
  for (const root of ['Query', 'Mutation'] as const) {
    for (const op of rootOperations(schema, root)) for (const a of op.field.args) walk(op.coordinate, a.type, a.name, new Set());
  }
  return out;
}
