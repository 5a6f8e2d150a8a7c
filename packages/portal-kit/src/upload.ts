import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { stringifyDocument } from '@urql/core';
import { mapPortalError, type PortalError } from './errors.js';
import { portalApi } from './session.js';

/** Read a file as base64 (without the data: prefix), reporting progress from 0 to 1. */
export function readAsBase64(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });
}

/**
 * Send a GraphQL mutation with XMLHttpRequest so the upload reports progress (fetch cannot). Used
 * for files sent as base64 inside the mutation's variables. Resolves with the data or a mapped error.
 */
export function sendWithProgress<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  onProgress: (fraction: number) => void,
): Promise<{ data: R | null; error: PortalError | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', portalApi.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => resolve({ data: null, error: { code: 'NETWORK', detail: '', fields: {} } });
    xhr.onload = () => {
      onProgress(1);
      try {
        const body = JSON.parse(xhr.responseText) as {
          data?: R;
          errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
        };
        const error = body.errors?.length
          ? mapPortalError({ graphQLErrors: body.errors, networkError: undefined } as unknown as Parameters<typeof mapPortalError>[0])
          : null;
        resolve({ data: error ? null : (body.data ?? null), error });
      } catch {
        resolve({ data: null, error: { code: 'NETWORK', detail: '', fields: {} } });
      }
    };
    xhr.send(JSON.stringify({ query: stringifyDocument(document), variables }));
  });
}

/** Let the browser save data as a file (the data export, an attachment). */
export function saveFile(fileName: string, data: Blob | { base64: string; contentType: string }): void {
  const blob =
    data instanceof Blob ? data : new Blob([Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0))], { type: data.contentType });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
