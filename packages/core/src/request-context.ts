import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './access/actor.js';

/** Per-request state visible anywhere below the request (services, the SQL logger). */
export interface RequestContext {
  requestId: string;
  /** SQL statements issued while serving this request (test query-count pins, benchmarks). */
  queryCount: number;
  /** Client IP, set when the GraphQL context is built. */
  ip?: string;
  /** The request's actor, set when the GraphQL context is built (audit entries read it). */
  actor?: Actor;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The current request's context, if running inside one. */
export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
