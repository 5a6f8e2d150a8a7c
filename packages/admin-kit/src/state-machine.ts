/** How a state looks in a status tag. */
export type StatusTone = 'default' | 'info' | 'success' | 'warning' | 'error';

/** One state of a state machine as the console shows it. */
export interface StatusState {
  /** i18n key of the label. */
  label: string;
  tone: StatusTone;
  /** A final state (closed, cancelled…): shown without emphasis. */
  final?: boolean;
}

/** A state machine's states and allowed transitions, as the server declares them. */
export interface StatusMachine<S extends string = string> {
  states: Record<S, StatusState>;
  transitions: Partial<Record<S, readonly S[]>>;
}

/**
 * Describe a state machine once (its states' labels and tones and its transitions) so every
 * list and detail page shows states the same way and offers only the allowed next states.
 *
 * @example
 * export const claimStates = defineStatusMachine({
 *   states: { submitted: { label: 'warranty.state.submitted', tone: 'info' }, approved: { label: '…', tone: 'success' } },
 *   transitions: { submitted: ['approved', 'rejected'] },
 * });
 */
export function defineStatusMachine<S extends string>(machine: {
  states: Record<S, StatusState>;
  transitions: Partial<Record<NoInfer<S>, readonly NoInfer<S>[]>>;
}): StatusMachine<S> {
  for (const [from, targets] of Object.entries(machine.transitions) as Array<[S, readonly S[]]>) {
    if (!(from in machine.states)) throw new Error(`Transition from unknown state '${from}'.`);
    for (const t of targets) if (!(t in machine.states)) throw new Error(`Transition '${from}' → unknown state '${t}'.`);
  }
  return machine;
}

/** The states `state` may move to. */
export function nextStates<S extends string>(machine: StatusMachine<S>, state: S): readonly S[] {
  return machine.transitions[state] ?? [];
}
