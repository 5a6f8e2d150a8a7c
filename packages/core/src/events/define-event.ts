/**
 * A typed domain event: its type name and, at the type level, its payload. Create it with
 * {@link defineEvent}, declare it in the owning plugin's `events`, publish it with `ctx.events.publish`.
 *
 * @typeParam P - the payload; it must survive `JSON.stringify` (use ISO strings for dates).
 */
export interface EventType<P = unknown> {
  /** `<owner>.<object>.<verb>`, e.g. `warranty.claim.decided`. */
  readonly type: string;
  /** One sentence for integrators and the console's event picker. */
  readonly description?: string;
  /** Carries `P` for type inference only; never set. */
  readonly __payload?: P;
}

/** The payload type of an event descriptor. */
export type EventPayload<E> = E extends EventType<infer P> ? P : never;

const TYPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*){2,}$/;

/** Whether `type` is a well-formed event type name (`<owner>.<object>.<verb>`, lower-case, dot-separated). */
export function isEventTypeName(type: string): boolean {
  return TYPE.test(type);
}

/**
 * Define a domain event. Type names are `<owner>.<object>.<verb>` in lower case, past tense for the
 * verb: `core.customer.created`, `service-desk.case.escalated`.
 *
 * @example
 * // plugins/warranty/src/events.ts
 * export const claimDecided = defineEvent<{ claimId: string; decision: 'approved' | 'rejected' }>(
 *   'warranty.claim.decided',
 *   { description: 'A warranty claim was approved or rejected.' },
 * );
 */
export function defineEvent<P>(type: string, options: { description?: string } = {}): EventType<P> {
  if (!isEventTypeName(type)) {
    throw new Error(`Event type '${type}' must look like '<owner>.<object>.<verb>', e.g. 'warranty.claim.decided'.`);
  }
  return Object.freeze({ type, ...(options.description ? { description: options.description } : {}) });
}
