/** One step of a {@link StatusTimeline}. */
export interface TimelineStep {
  /** Already translated label. */
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** Already formatted date, if known. */
  at?: string | null;
  /** A sentence under the label (e.g. the next step). */
  detail?: string | null;
}
