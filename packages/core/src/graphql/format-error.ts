import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { AftercareError, ErrorCode } from '../errors.js';
import { currentRequest } from '../request-context.js';

// Query-level errors from Apollo/graphql-js whose messages are safe and useful to show.
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

type ValidationIssue = { property: string; constraints?: Record<string, string>; children?: ValidationIssue[] };

function flatten(errors: ValidationIssue[] | ValidationIssue | undefined, prefix = ''): Array<{ field: string; message: string }> {
  // type-graphql reports one issue (not a list) for some arguments, e.g. a JSON object.
  const list = Array.isArray(errors) ? errors : errors && typeof errors === 'object' ? [errors] : [];
  return list.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Remove graphql-js's "Did you mean …?" suggestions from a message. */
function hideSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * Turn any error into the public shape: a stable `extensions.code` and a message a person can act
 * on. Unexpected errors are logged with the request id and, outside development, hidden.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Outside development, no field suggestions: the schema must not be guessable from errors.
    const formatted =
      development || !given.message.includes('Did you mean') ? given : { ...given, message: hideSuggestions(given.message) };
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const requestId = currentRequest()?.requestId;

    if (original instanceof AftercareError) {
      return { ...base, message: original.message, extensions: { ...original.extensions, code: original.code } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = flatten(original.extensions.validationErrors as unknown as ValidationIssue[]);
      return {
        ...base,
        message: fields.length ? `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}` : original.message,
        extensions: { code: ErrorCode.VALIDATION_FAILED, fields },
      };
    }
    if (original instanceof QueryFailedError) {
      const pgCode = (original as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (pgCode === '23505') {
        return {
          ...base,
          message: 'This conflicts with an existing record (a value that must be unique is already used).',
          extensions: { code: ErrorCode.CONFLICT },
        };
      }
      if (pgCode === '57014') {
        return {
          ...base,
          message: 'This request took too long and was stopped: ask for fewer items or narrow the filters.',
          extensions: { code: ErrorCode.VALIDATION_FAILED, limit: 'statementTimeout' },
        };
      }
      if (pgCode === '40001' || pgCode === '40P01') {
        return {
          ...base,
          message: 'Someone else changed this at the same moment. Reload and try again.',
          extensions: { code: ErrorCode.CONFLICT },
        };
      }
    }
    const code = formatted.extensions?.code as string | undefined;
    // A request over a limit (depth, cost, aliases, tokens, directives): see REQUEST_LIMITS.
    // The token limit trips in the parser (REQUEST_LIMITS.maxTokens), where Apollo keeps only the message.
    const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    const limit = formatted.extensions?.limit ?? (tokens ? 'maxTokens' : undefined);
    if (typeof limit === 'string' && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
      return {
        ...base,
        message: tokens
          ? `Token limit of ${tokens[1]} exceeded: the document was not parsed.`
          : formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: ErrorCode.VALIDATION_FAILED, limit },
      };
    }
    if (code === 'BAD_USER_INPUT') {
      return { ...base, extensions: { code: ErrorCode.VALIDATION_FAILED } };
    }
    if (code && PASS_THROUGH.has(code)) {
      return development ? formatted : { ...base, extensions: { code } };
    }
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error in GraphQL request');
    return {
      ...base,
      message: development
        ? formatted.message
        : `Internal error. If it persists, contact support and quote request id ${requestId ?? 'unknown'}.`,
      extensions: development ? { ...formatted.extensions, code: ErrorCode.INTERNAL, requestId } : { code: ErrorCode.INTERNAL, requestId },
    };
  };
}
