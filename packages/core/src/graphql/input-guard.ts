import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { type FieldError, ValidationError } from '../errors.js';

/**
 * Limits every argument of every field meets before any resolver runs, whoever declared the field
 * (core or a plugin). Resolvers and their class-validator rules then check what is specific to them.
 */
export const INPUT_LIMITS = {
  /** Items of any list argument or list field of an input object. */
  maxListItems: 500,
  /** Largest page: arguments named take, first, last or limit. */
  maxPageSize: 100,
  /** Dates before this year or after the max are refused (the database and the calendar code cannot hold every year). */
  minYear: 1900,
  maxYear: 2199,
} as const;

const PAGE_SIZE_ARGS = new Set(['take', 'first', 'last', 'limit']);
// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** What a currency field that holds no ISO 4217 code is told, wherever money is taken (plugins use it too). */
export const CURRENCY_CODE_MESSAGE = 'must be an ISO 4217 currency code such as EUR or USD';

/** Whether `name` names a currency field (`currency`, `compensationCurrency`, …): such values must be ISO 4217 codes. */
export const isCurrencyField = (name: string) => /(^c|C)urrency$/.test(name);

/** Whether `code` is an active ISO 4217 currency code (from the runtime's ICU data, updated with Node). */
export const isCurrencyCode = (code: string) => CURRENCIES.has(code);

function describe(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a text value, or null. Every well-formed Unicode text without control characters is fine. */
export function textProblem(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) {
    return `must not contain control characters (found ${describe(control[0].codePointAt(0)!)} at position ${[...value.slice(0, control.index)].length})`;
  }
  // String.prototype.isWellFormed (Node 20) is newer than the compiler's ES2022 library.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed())
    return 'must be well-formed Unicode text (it contains an unpaired surrogate)';
  return null;
}

function dateProblem(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return 'must be a valid date';
  const year = value.getUTCFullYear();
  if (year < INPUT_LIMITS.minYear || year > INPUT_LIMITS.maxYear) {
    return `must be a date between the years ${INPUT_LIMITS.minYear} and ${INPUT_LIMITS.maxYear}`;
  }
  return null;
}

/** Check free-form JSON (settings values): every string in it, at any depth. */
function checkJson(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (depth > 20) {
    out.push({ field: path, message: 'is nested too deeply' });
  } else if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ field: path, message: problem });
  } else if (Array.isArray(value)) {
    if (value.length > INPUT_LIMITS.maxListItems)
      out.push({ field: path, message: `must list at most ${INPUT_LIMITS.maxListItems} items` });
    else value.forEach((v, i) => checkJson(v, `${path}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const problem = textProblem(k);
      if (problem) out.push({ field: `${path}.${k}`, message: `key ${problem}` });
      checkJson(v, `${path}.${k}`, out, depth + 1);
    }
  }
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, name: string, out: FieldError[]): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > INPUT_LIMITS.maxListItems) {
      out.push({ field: path, message: `must list at most ${INPUT_LIMITS.maxListItems} items` });
      return;
    }
    items.forEach((item, i) => checkValue(t.ofType as GraphQLInputType, item, `${path}.${i}`, name, out));
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[key];
      if (f) checkValue(f.type, v, `${path}.${key}`, key, out);
    }
    return;
  }
  if (!isScalarType(t)) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ field: path, message: problem });
    else if (isCurrencyField(name) && !isCurrencyCode(value)) {
      out.push({ field: path, message: CURRENCY_CODE_MESSAGE });
    }
  } else if (value instanceof Date) {
    const problem = dateProblem(value);
    if (problem) out.push({ field: path, message: problem });
  } else if (typeof value === 'number' && PAGE_SIZE_ARGS.has(name) && !path.includes('.') && value > INPUT_LIMITS.maxPageSize) {
    out.push({ field: path, message: `must be at most ${INPUT_LIMITS.maxPageSize}` });
  } else if (typeof value === 'object') {
    checkJson(value, path, out);
  }
}

/**
 * Every problem of the (coerced) arguments of one field: control characters and broken Unicode in
 * any text, dates out of range, unknown currency codes, too long lists and too large pages. The
 * field paths are the argument paths (`input.name`, `input.addresses.0.city`), as in
 * `VALIDATION_FAILED` errors elsewhere.
 */
export function argumentProblems(args: readonly GraphQLArgument[], values: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  for (const arg of args) checkValue(arg.type, values[arg.name], arg.name, arg.name, out);
  return out;
}

/**
 * Put the argument check in front of every field that takes arguments, in every object type of
 * the schema. Fields without arguments are untouched, so the check costs nothing on them.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!field.args.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      field.resolve = (source, values, context, info) => {
        const problems = argumentProblems(args, values);
        if (problems.length) throw new ValidationError(problems);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}
