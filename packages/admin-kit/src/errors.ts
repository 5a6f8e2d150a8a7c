import type { CombinedError } from '@urql/core';

/** A GraphQL error as the server sends it (`extensions.code`, `extensions.fields`). */
export interface ServerError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** What a form shows for a failed operation. */
export interface MappedError {
  /** The stable code (`VALIDATION_FAILED`, `CONFLICT`…), `NETWORK` when the server was not reached, or `INTERNAL`. */
  code: string;
  /** i18n key of a sentence for the code: `kit.errors.<code>`. */
  messageKey: string;
  /** The server's message for people (what to fix); empty for network errors. */
  detail: string;
  /** Field messages by input path (`name`, `week.0.windows.1.end`); input prefixes like `input.` are dropped. */
  fields: Record<string, string>;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfterSeconds?: number;
  /** The rule that refused the operation, when the server names one (`separationOfDuties`, `approvalThreshold`). */
  rule?: string;
}

/**
 * The i18n key to show for a mapped error: an override for `<code>.<rule>` (e.g.
 * `FORBIDDEN.separationOfDuties`), else for `<code>`, else the kit's sentence for the code.
 */
export function errorMessageKey(error: MappedError, overrides?: Partial<Record<string, string>>): string {
  return (error.rule ? overrides?.[`${error.code}.${error.rule}`] : undefined) ?? overrides?.[error.code] ?? error.messageKey;
}

const KNOWN = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_TRANSITION', 'CONFLICT', 'RATE_LIMITED']);

function fieldPath(field: string): string {
  return field.replace(/^(input|values)\./, '');
}

/**
 * Turn a failed urql result (or raw GraphQL errors) into what a form shows: one message for the
 * whole operation and one per invalid field. Returns null when there is no error.
 */
export function mapGraphQLError(error: CombinedError | readonly ServerError[] | null | undefined): MappedError | null {
  if (!error) return null;
  const list: readonly ServerError[] = Array.isArray(error) ? error : ((error as CombinedError).graphQLErrors ?? []);
  if (!Array.isArray(error) && (error as CombinedError).networkError && list.length === 0) {
    return { code: 'NETWORK', messageKey: 'kit.errors.NETWORK', detail: '', fields: {} };
  }
  if (list.length === 0) return null;
  const first = list[0]!;
  const raw = String(first.extensions?.code ?? 'INTERNAL');
  // GraphQL's own validation of arguments reads to a person like our VALIDATION_FAILED.
  const code = raw === 'BAD_USER_INPUT' || raw === 'GRAPHQL_VALIDATION_FAILED' ? 'VALIDATION_FAILED' : KNOWN.has(raw) ? raw : 'INTERNAL';
  const fields: Record<string, string> = {};
  for (const e of list) {
    const f = e.extensions?.fields;
    if (Array.isArray(f)) {
      for (const item of f as Array<{ field?: string; message?: string }>) {
        if (item.field && item.message && !fields[fieldPath(item.field)]) fields[fieldPath(item.field)] = item.message;
      }
    }
    if (typeof e.extensions?.field === 'string' && !fields[e.extensions.field]) fields[e.extensions.field] = e.message;
  }
  const retry = first.extensions?.retryAfterSeconds;
  const rule = first.extensions?.rule;
  return {
    code,
    messageKey: `kit.errors.${code}`,
    detail: code === 'INTERNAL' && first.extensions?.requestId ? `${first.message} (${String(first.extensions.requestId)})` : first.message,
    fields,
    ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
    ...(typeof rule === 'string' ? { rule } : {}),
  };
}
