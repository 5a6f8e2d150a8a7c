import type { CombinedError } from '@urql/core';
import { computed, ref } from 'vue';

const KNOWN = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_TRANSITION', 'CONFLICT', 'RATE_LIMITED']);

/** A failed operation as a form shows it. */
export interface PortalError {
  /** The server's stable code, `NETWORK` when it was not reached, else `INTERNAL`. */
  code: string;
  /** The server's sentence for people (what to do); empty for network errors. */
  detail: string;
  /** Field messages by input field name (`subject`, `description`; prefixes like `input.` dropped). */
  fields: Record<string, string>;
}

/** Turn a failed urql result into a {@link PortalError}; null when there is none. */
export function mapPortalError(error: CombinedError | null | undefined): PortalError | null {
  if (!error) return null;
  const list = error.graphQLErrors ?? [];
  if (error.networkError && !list.length) return { code: 'NETWORK', detail: '', fields: {} };
  if (!list.length) return null;
  const first = list[0]!;
  const raw = String(first.extensions?.code ?? 'INTERNAL');
  const code = raw === 'BAD_USER_INPUT' || raw === 'GRAPHQL_VALIDATION_FAILED' ? 'VALIDATION_FAILED' : KNOWN.has(raw) ? raw : 'INTERNAL';
  const fields: Record<string, string> = {};
  for (const e of list) {
    for (const f of (e.extensions?.fields as Array<{ field?: string; message?: string }> | undefined) ?? []) {
      const name = f.field?.replace(/^(input|values)\./, '');
      if (name && f.message && !fields[name]) fields[name] = f.message;
    }
  }
  return { code, detail: code === 'INTERNAL' ? '' : first.message, fields };
}

/**
 * State of a form that talks to the server: `submitting` while a request runs, the mapped `error`
 * with a message per field (`fieldError('subject')`), and `run` to wrap the mutation. The
 * `<FormErrors>` summary announces the error to screen readers; `<FormField>` shows the field's.
 */
export function useServerForm() {
  const submitting = ref(false);
  const error = ref<PortalError | null>(null);
  return {
    submitting,
    error,
    fieldError: (name: string) => error.value?.fields[name] ?? '',
    hasErrors: computed(() => error.value !== null),
    /** Record client-side problems in the same shape (checked before sending). */
    fail(fields: Record<string, string>) {
      error.value = { code: 'VALIDATION_FAILED', detail: '', fields };
    },
    clear() {
      error.value = null;
    },
    /** Run the operation; returns its data, or null with `error` set. */
    async run<T>(operation: () => Promise<{ data?: T | null; error?: CombinedError }>): Promise<T | null> {
      submitting.value = true;
      error.value = null;
      try {
        const result = await operation();
        error.value = mapPortalError(result.error);
        return error.value ? null : (result.data ?? null);
      } finally {
        submitting.value = false;
      }
    },
  };
}

export type ServerForm = ReturnType<typeof useServerForm>;
