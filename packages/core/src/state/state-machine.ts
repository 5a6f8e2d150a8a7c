import { InvalidTransitionError } from '../errors.js';

/** What {@link defineStateMachine} takes. */
export interface StateMachineDefinition<S extends string> {
  /**
   * The subject type, `<plugin>.<object>` (e.g. `warranty.claim`): the key of the subject's rows in
   * the status-history table and of its SLA clock.
   */
  subjectType: string;
  /** How the object is named in messages and audit entries, e.g. `Warranty claim`. */
  objectName: string;
  /** The audit `objectType`, e.g. `WarrantyClaim`. */
  auditObjectType: string;
  /** Every state and the states it may move to; a state with none is final. */
  transitions: { readonly [K in S]: readonly S[] };
  /** The state new objects start in (written as the first history row by `recordCreated`). */
  initial: S;
  /** A label per state for people (English; consoles translate by state). */
  labels?: Partial<Record<S, string>>;
}

/** A state machine: the one table of allowed moves that services, GraphQL and the console read. */
export interface StateMachine<S extends string> extends Readonly<StateMachineDefinition<S>> {
  /** Every state, in declaration order. */
  readonly states: readonly S[];
  /** The states an object in `from` may move to. */
  allowed(from: S): readonly S[];
  /** Whether `from → to` is allowed. */
  can(from: S, to: S): boolean;
  /**
   * Check a move; returns `to`.
   *
   * @throws INVALID_TRANSITION naming the current state and the allowed next ones.
   */
  check(from: S, to: S): S;
  /** Whether `state` has no way out. */
  isFinal(state: S): boolean;
  /** The label of a state (the state itself when none was given). */
  label(state: S): string;
}

/**
 * Declare a state machine: states, allowed transitions, labels. Use it with the transition recipe
 * (`ctx.states.transition`) for every state change, and expose `allowed(status)` as the object's
 * `allowedTransitions` in GraphQL, so the API, the service and the console agree.
 *
 * @example
 * export const claimMachine = defineStateMachine({
 *   subjectType: 'warranty.claim', objectName: 'Warranty claim', auditObjectType: 'WarrantyClaim',
 *   initial: 'submitted',
 *   transitions: { submitted: ['in_review'], in_review: ['approved', 'rejected'], approved: [], rejected: [] },
 * });
 */
export function defineStateMachine<const S extends string>(definition: StateMachineDefinition<S>): StateMachine<S> {
  const states = Object.keys(definition.transitions) as S[];
  for (const from of states) {
    for (const to of definition.transitions[from]) {
      if (!states.includes(to)) {
        throw new Error(`State machine '${definition.subjectType}': '${from}' moves to '${to}', which is not a state.`);
      }
    }
  }
  if (!states.includes(definition.initial)) {
    throw new Error(`State machine '${definition.subjectType}': initial state '${definition.initial}' is not a state.`);
  }
  const machine: StateMachine<S> = {
    ...definition,
    states,
    allowed: (from) => definition.transitions[from] ?? [],
    can: (from, to) => (definition.transitions[from] ?? []).includes(to),
    check(from, to) {
      if (!machine.can(from, to)) throw new InvalidTransitionError(definition.objectName, from, to, machine.allowed(from));
      return to;
    },
    isFinal: (state) => (definition.transitions[state] ?? []).length === 0,
    label: (state) => definition.labels?.[state] ?? state,
  };
  return Object.freeze(machine);
}
