import type { TimelineStep } from '@aftercare/portal-kit';

/** Claim and repair statuses still waiting for something to happen. */
export const OPEN_CLAIM = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'AWAITING_ITEM', 'RECEIVED', 'IN_REPAIR'];
export const OPEN_REPAIR = ['OPEN', 'ESTIMATE_SENT', 'IN_PROGRESS'];

/** Badge colour class of a claim or repair status. */
export function tone(status: string): string {
  if (['REJECTED', 'ESTIMATE_DECLINED', 'CANCELLED'].includes(status)) return 'badge-bad';
  if (['INFO_REQUESTED', 'ESTIMATE_SENT', 'AWAITING_ITEM'].includes(status)) return 'badge-warn';
  if (['APPROVED', 'RESOLVED', 'CLOSED', 'COMPLETED'].includes(status)) return 'badge-ok';
  return '';
}

/**
 * Timeline steps from a status history (each state entered and when), the current status last, followed by
 * the usual steps still ahead. Labels come from `warranty.<kind>Status.<STATUS>`.
 */
export function historySteps(
  kind: 'claim' | 'repair',
  current: string,
  history: ReadonlyArray<{ status: string; at: string }>,
  ahead: readonly string[],
  t: (key: string) => string,
  fmt: (at: string) => string,
): TimelineStep[] {
  const label = (s: string) => t(`warranty.${kind}Status.${s.toUpperCase()}`);
  const steps: TimelineStep[] = history.map((h, i) => ({
    label: label(h.status),
    at: fmt(h.at),
    state: i === history.length - 1 ? 'current' : 'done',
    detail: i === history.length - 1 ? t(`warranty.${kind}Next.${current}`) : null,
  }));
  if (!steps.length) steps.push({ label: label(current), state: 'current', detail: t(`warranty.${kind}Next.${current}`) });
  const idx = ahead.indexOf(current);
  for (const s of idx >= 0 ? ahead.slice(idx + 1) : []) steps.push({ label: label(s), state: 'upcoming' });
  return steps;
}
