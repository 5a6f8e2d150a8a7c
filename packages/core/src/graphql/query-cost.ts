import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { INPUT_LIMITS } from './input-guard.js';

/**
 * How the cost of a request is counted. Every field costs 1; a list multiplies the cost of what
 * is selected inside it by its size: the page size argument (`take`, `first`, `last`, `limit`) of
 * the field or of the page object around it, or `assumedListSize` for lists without one. Nested
 * lists therefore multiply, and aliases of the same list field each count in full.
 */
export const COST_RULES = {
  /** Most a request may cost. */
  maxCost: 50_000,
  /** Size assumed for a list field that takes no page size (e.g. a case's messages). */
  assumedListSize: 20,
} as const;

const PAGE_SIZE_ARGS = ['take', 'first', 'last', 'limit'];

/**
 * Declare how many items a list field without a page size holds at most, for the cost rule
 * (`@ListSize(7)` on `week`). Without it, COST_RULES.assumedListSize applies.
 */
export const ListSize = (items: number) => Extensions({ listSize: items });

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function pageSize(field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1], w: Walk): number | undefined {
  const sizeArg = field.args.find((a) => PAGE_SIZE_ARGS.includes(a.name));
  if (!sizeArg) return undefined;
  let value: unknown;
  try {
    value = getArgumentValues(field, node, w.variables)[sizeArg.name];
  } catch {
    value = undefined;
  }
  const n = typeof value === 'number' && Number.isFinite(value) ? value : INPUT_LIMITS.maxPageSize;
  return Math.max(1, Math.min(INPUT_LIMITS.maxPageSize, n));
}

function selectionCost(w: Walk, parent: GraphQLCompositeType, set: SelectionSetNode, page: number | undefined, depth: number): number {
  // Depth is limited before cost is counted; this guard only stops fragment cycles.
  if (depth > 50) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[sel.name.value];
      if (!field) continue;
      const size = pageSize(field, sel, w);
      const list = isListType(getNullableType(field.type));
      let multiplier = 1;
      let childPage: number | undefined;
      if (size !== undefined) {
        if (list) multiplier = size;
        else childPage = size;
      } else if (list) {
        const declared = field.extensions?.listSize;
        multiplier = page ?? (typeof declared === 'number' ? declared : COST_RULES.assumedListSize);
      }
      const named = getNamedType(field.type);
      const inner = sel.selectionSet && isCompositeType(named) ? selectionCost(w, named, sel.selectionSet, childPage, depth + 1) : 0;
      total += multiplier * (1 + inner);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) total += selectionCost(w, type, sel.selectionSet, page, depth + 1);
    } else {
      const fragment = w.fragments[sel.name.value];
      const type = fragment && w.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type && isCompositeType(type)) total += selectionCost(w, type, fragment.selectionSet, page, depth + 1);
    }
  }
  return total;
}

/**
 * The cost of the operation `operationName` of `document` with these variables (see
 * {@link COST_RULES}). A pure function of its inputs, so callers may cache it per document and
 * variables. Unknown fields and bad variables count nothing: validation refuses them anyway.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
): number {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables: coerced.coerced ?? {} }, root, operation.selectionSet, undefined, 0);
}
