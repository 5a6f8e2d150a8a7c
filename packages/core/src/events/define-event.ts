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
  /** Set when the event can trigger a follow-up such as a satisfaction survey (see {@link EventTrigger}). */
  readonly trigger?: EventTrigger;
  /** Carries `P` for type inference only; never set. */
  readonly __payload?: P;
}

/** One payload field a trigger exposes as context: usable in trigger conditions and in break-downs. */
export interface EventTriggerField {
  /** The payload field, e.g. `agentId`. */
  field: string;
  /** What people call it, in English, e.g. "Agent". */
  label: string;
  /**
   * What the value is: `staff` (a staff user id), `team`, `model` (a product model id), `id` (any other id),
   * `text` (a code such as a channel or kind), `number`.
   */
  kind: 'staff' | 'team' | 'model' | 'id' | 'text' | 'number';
}

/**
 * Declares that an event marks an after-sales moment another plugin may follow up on (the surveys
 * plugin sends a satisfaction survey after it), and what context the event carries for that.
 * Payloads still carry ids only, never personal data.
 */
export interface EventTrigger {
  /** One line for the trigger picker, e.g. "Service case resolved". */
  label: string;
  /** The payload field holding the customer's id. */
  customerField: string;
  /** The payload field holding the id of the request the moment belongs to (the case, the repair order). */
  subjectField: string;
  /** The payload fields offered as context (conditions, break-downs), in display order. */
  context: readonly EventTriggerField[];
}

/** Options of {@link defineEvent}. */
export interface DefineEventOptions<P> {
  /** One sentence for integrators and the console's event picker. */
  description?: string;
  /**
   * Make the event a trigger for follow-ups (surveys): which payload fields hold the customer, the
   * request and the context. Field names are checked against `P` at compile time.
   */
  trigger?: EventTrigger & {
    customerField: keyof P & string;
    subjectField: keyof P & string;
    context: readonly (EventTriggerField & { field: keyof P & string })[];
  };
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
 *
 * @example
 * // an event that can trigger a satisfaction survey, with the context it carries
 * export const caseResolved = defineEvent<{ caseId: string; customerId: string; agentId: string | null }>('service-desk.case.resolved', {
 *   trigger: { label: 'Case resolved', customerField: 'customerId', subjectField: 'caseId', context: [{ field: 'agentId', label: 'Agent', kind: 'staff' }] },
 * });
 */
export function defineEvent<P>(type: string, options: DefineEventOptions<P> = {}): EventType<P> {
  if (!isEventTypeName(type)) {
    throw new Error(`Event type '${type}' must look like '<owner>.<object>.<verb>', e.g. 'warranty.claim.decided'.`);
  }
  const trigger = options.trigger
    ? Object.freeze({ ...options.trigger, context: Object.freeze(options.trigger.context.map((f) => Object.freeze({ ...f }))) })
    : undefined;
  return Object.freeze({
    type,
    ...(options.description ? { description: options.description } : {}),
    ...(trigger ? { trigger } : {}),
  });
}
