import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type GraphQLFormattedError, print } from 'graphql';

/** The parsed answer of one GraphQL request. */
export interface GraphQLResult<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

/** A GraphQL-over-HTTP client for tests, typed by the document it sends. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A client that sends these headers too (e.g. `authorization`). */
  withHeaders(headers: Record<string, string>): GraphQLClient {
    return new GraphQLClient(this.url, { ...this.headers, ...headers });
  }

  async request<TData = Record<string, any>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    document: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<GraphQLResult<TData>> {
    const query = typeof document === 'string' ? document : print(document);
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: TData; errors?: GraphQLFormattedError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`GraphQL endpoint answered ${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
    }
    return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
  }

  /** Like `request`, but throws when the answer carries errors; returns `data`. */
  async data<TData = Record<string, any>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    document: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const res = await this.request(document, variables);
    if (res.errors?.length || !res.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    }
    return res.data;
  }
}

/** The `extensions.code` of each error in a result, for `expect(errorCodes(res)).toEqual([...])`. */
export function errorCodes(result: GraphQLResult<unknown>): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code));
}
