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

/** A state machine's states as the console shows them (the server says which moves are allowed). */
export interface StatusMachine<S extends string = string> {
  states: Record<S, StatusState>;
}

/**
 * Describe a state machine's states once (labels and tones) so every list and detail page shows
 * states the same way. Which moves are allowed comes from the server (`allowedTransitions`).
 *
 * @example
 * export const claimStates = defineStatusMachine({
 *   states: { submitted: { label: 'warranty.state.submitted', tone: 'info' }, approved: { label: '…', tone: 'success' } },
 * });
 */
export function defineStatusMachine<S extends string>(machine: { states: Record<S, StatusState> }): StatusMachine<S> {
  return machine;
}
