import type { CaseKind, CaseStatus } from '@aftercare/portal-kit/gql';
import type { TimelineStep } from '@aftercare/portal-kit';

/** Statuses in which the request is still being worked on. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY'];

/** i18n key of a status label. */
export const statusKey = (s: CaseStatus) => `serviceDesk.status.${s}`;
/** i18n key of what happens next, from the customer's point of view. */
export const nextStepKey = (s: CaseStatus) => `serviceDesk.next.${s}`;
/** i18n key of a kind label. */
export const kindKey = (k: CaseKind) => `serviceDesk.kind.${k}`;

/** Badge colour class of a status. */
export function statusTone(s: CaseStatus): string {
  if (s === 'WAITING_ON_CUSTOMER') return 'badge-warn';
  if (s === 'RESOLVED' || s === 'CLOSED') return 'badge-ok';
  return '';
}

/**
 * The steps of a request for the status timeline: received → in progress → resolved → closed,
 * with the dates each was reached (from the status history) and the current one marked.
 */
export function requestSteps(
  status: CaseStatus,
  history: ReadonlyArray<{ status: CaseStatus; at: string }>,
  t: (key: string) => string,
  fmt: (at: string) => string,
): TimelineStep[] {
  const stage = (s: CaseStatus) => (s === 'NEW' ? 0 : s === 'RESOLVED' ? 2 : s === 'CLOSED' || s === 'MERGED' ? 3 : 1);
  const current = stage(status);
  const reached = (i: number) => [...history].reverse().find((h) => stage(h.status) === i)?.at ?? null;
  const labels = ['serviceDesk.steps.received', 'serviceDesk.steps.inProgress', 'serviceDesk.steps.resolved', 'serviceDesk.steps.closed'];
  return labels.map((key, i) => {
    const at = i <= current ? reached(i) : null;
    return {
      label: t(key),
      state: i < current ? 'done' : i === current ? 'current' : 'upcoming',
      at: at ? fmt(at) : null,
      detail: i === current ? t(nextStepKey(status)) : null,
    };
  });
}
