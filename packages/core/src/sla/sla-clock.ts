import type { BusinessCalendar } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.js';

/** The three targets an SLA policy can set. */
export type SlaTargetKind = 'firstResponse' | 'nextResponse' | 'resolution';

/** All target kinds, in the order a request meets them. */
export const SLA_TARGET_KINDS: readonly SlaTargetKind[] = ['firstResponse', 'nextResponse', 'resolution'];

/** Budget per target in business minutes. A missing target is not measured against a deadline. */
export type SlaTargets = { readonly [K in SlaTargetKind]?: number };

/**
 * What happened to a request, as far as SLA clocks care.
 *
 * - `created`: the request exists; first response and resolution clocks start.
 * - `agent_public_reply`: a reply the customer can see; answers first and next response.
 * - `customer_message`: the customer wrote; starts a next-response clock once the first response is over.
 * - `internal_note`: staff-only; never counts as a response.
 * - `paused` / `resumed`: waiting on the customer or a third party; only the resolution clock stops.
 * - `resolved` / `reopened`: ends the resolution clock / restarts it with the remaining budget.
 */
export type SlaEventType =
  'created' | 'agent_public_reply' | 'customer_message' | 'internal_note' | 'paused' | 'resumed' | 'resolved' | 'reopened';

/** One entry of a request's history. */
export interface SlaEvent {
  readonly type: SlaEventType;
  readonly at: Date;
}

/**
 * - `running`: the clock is counting and the due date has not passed.
 * - `paused`: the resolution clock is on hold (waiting on the customer or a third party).
 * - `met`: stopped at or before the due date.
 * - `breached`: the due date passed before the clock stopped (whether it has stopped since or not).
 * - `not_applicable`: no deadline applies: no budget is configured, the clock never started, or
 *   it was ended by resolution before anyone answered and before it was due.
 */
export type SlaStatus = 'running' | 'paused' | 'met' | 'breached' | 'not_applicable';

/**
 * One run of a clock against a budget: the single first-response run, one next-response run per
 * unanswered customer message, one resolution run per open period (creation, then each reopen).
 */
export interface SlaCycle {
  /** When the run started. */
  readonly startedAt: Date;
  /** Deadline of the run, or null while paused or when no budget is configured. */
  readonly dueAt: Date | null;
  /** When the run stopped (answer or resolution), or null if it has not. */
  readonly endedAt: Date | null;
  readonly status: SlaStatus;
  /** Business minutes counted in this run (pauses excluded), up to its end or `asOf`. */
  readonly usedMinutes: number;
}

/** Where one target stands at the state's `asOf` moment. */
export interface SlaTargetState {
  readonly kind: SlaTargetKind;
  /** The budget in business minutes, or null when the policy sets no such target. */
  readonly budgetMinutes: number | null;
  /** Status of the latest cycle. */
  readonly status: SlaStatus;
  /** Start of the latest cycle, or null if the clock never started. */
  readonly startedAt: Date | null;
  /**
   * Deadline of the latest cycle. Null when there is no budget, the clock never started, or it is
   * paused: a paused deadline moves by the time on hold, so it is only known again on resume.
   */
  readonly dueAt: Date | null;
  /**
   * When the target's condition was fulfilled (the answer, the resolution), late or not; null if
   * it has not been. Whether it was in time is `status`.
   */
  readonly metAt: Date | null;
  /**
   * When the target was first breached (the due date that passed), in any cycle; null if never.
   * A next-response target can be `met` now and still carry the breach of an earlier cycle.
   */
  readonly breachedAt: Date | null;
  /**
   * Business minutes counted against the budget now in force: the whole history for first
   * response and resolution (one budget shared across reopenings), the latest cycle for next response.
   */
  readonly usedMinutes: number;
  /** Budget minus used minutes (negative when overdue), or null without a budget. */
  readonly remainingMinutes: number | null;
  /** Start of the current uninterrupted running stretch, or null unless the clock is counting. */
  readonly runningSince: Date | null;
  /** Every cycle, oldest first. */
  readonly cycles: readonly SlaCycle[];
}

/** All SLA clocks of one request at one moment. Produced by {@link computeSlaClock}. */
export interface SlaClockState {
  /** The moment the state describes; events after it were ignored. */
  readonly asOf: Date;
  readonly calendar: BusinessCalendar;
  readonly targets: Readonly<Record<SlaTargetKind, SlaTargetState>>;
}

/** Mutable bookkeeping for one cycle while the history is replayed. */
interface CycleDraft {
  startedAt: number;
  endedAt: number | null;
  /** Budget left for this cycle when it started, in business minutes (may be ≤ 0). */
  budgetAtStart: number | null;
  usedMs: number;
  runningSince: number | null;
  dueAt: number | null;
  breached: boolean;
  answered: boolean;
}

/** One target's clock: a list of cycles and, for resolution, a budget shared between them. */
class TargetClock {
  readonly cycles: CycleDraft[] = [];
  breachedAt: number | null = null;
  metAt: number | null = null;

  constructor(
    private readonly calendar: BusinessCalendar,
    readonly kind: SlaTargetKind,
    readonly budget: number | null,
    /** Whether cycles draw on one budget (resolution) or each gets a fresh one (next response). */
    private readonly sharedBudget: boolean,
  ) {}

  get current(): CycleDraft | undefined {
    return this.cycles[this.cycles.length - 1];
  }

  get open(): boolean {
    const c = this.current;
    return c !== undefined && c.endedAt === null;
  }

  get running(): boolean {
    return this.current?.runningSince != null && this.current.endedAt === null;
  }

  startCycle(t: number): void {
    // A shared budget carries over what earlier cycles used; otherwise each cycle starts full.
    const usedMs = this.sharedBudget ? this.cycles.reduce((sum, c) => sum + c.usedMs, 0) : 0;
    this.cycles.push({
      startedAt: t,
      endedAt: null,
      budgetAtStart: this.budget === null ? null : this.budget - usedMs / 60_000,
      usedMs: 0,
      runningSince: null,
      dueAt: null,
      breached: false,
      answered: false,
    });
    this.run(t);
  }

  /** Start (or resume) counting at t. */
  run(t: number): void {
    const c = this.current!;
    c.runningSince = t;
    if (c.budgetAtStart === null) return;
    const left = c.budgetAtStart - c.usedMs / 60_000;
    // An exhausted budget is due the moment the clock runs again.
    c.dueAt = left > 0 ? addBusinessMinutes(this.calendar, new Date(t), left).getTime() : t;
  }

  /** Record a breach if the running clock's deadline is behind t. */
  checkBreach(t: number): void {
    const c = this.current;
    if (!c || c.endedAt !== null || c.runningSince === null || c.dueAt === null) return;
    if (t > c.dueAt && !c.breached) {
      c.breached = true;
      this.breachedAt ??= c.dueAt;
    }
  }

  /** Stop counting at t (pause or end). */
  hold(t: number): void {
    const c = this.current!;
    if (c.runningSince === null) return;
    this.checkBreach(t);
    c.usedMs += Math.round(businessMinutesBetween(this.calendar, new Date(c.runningSince), new Date(t)) * 60_000);
    c.runningSince = null;
    c.dueAt = null;
  }

  /** End the current cycle at t; `answered` when the target's condition was fulfilled. */
  end(t: number, answered: boolean): void {
    const c = this.current!;
    const dueAt = c.dueAt;
    this.hold(t);
    c.dueAt = dueAt;
    c.endedAt = t;
    c.answered = answered;
    if (answered) this.metAt = t;
  }

  state(asOf: number): SlaTargetState {
    this.checkBreach(asOf);
    const cycles = this.cycles.map((c): SlaCycle => {
      const liveMs =
        c.endedAt === null && c.runningSince !== null
          ? Math.round(businessMinutesBetween(this.calendar, new Date(c.runningSince), new Date(asOf)) * 60_000)
          : 0;
      return {
        startedAt: new Date(c.startedAt),
        dueAt: this.budget === null || c.dueAt === null ? null : new Date(c.dueAt),
        endedAt: c.endedAt === null ? null : new Date(c.endedAt),
        status: this.cycleStatus(c),
        usedMinutes: (c.usedMs + liveMs) / 60_000,
      };
    });
    const last = cycles[cycles.length - 1];
    const lastDraft = this.current;
    const usedMinutes = this.sharedBudget ? cycles.reduce((sum, c) => sum + c.usedMinutes, 0) : (last?.usedMinutes ?? 0);
    return {
      kind: this.kind,
      budgetMinutes: this.budget,
      status: last?.status ?? 'not_applicable',
      startedAt: last?.startedAt ?? null,
      dueAt: last?.dueAt ?? null,
      metAt: this.metAt === null ? null : new Date(this.metAt),
      breachedAt: this.breachedAt === null ? null : new Date(this.breachedAt),
      usedMinutes,
      remainingMinutes: this.budget === null ? null : this.budget - usedMinutes,
      runningSince: lastDraft && lastDraft.endedAt === null && lastDraft.runningSince !== null ? new Date(lastDraft.runningSince) : null,
      cycles,
    };
  }

  private cycleStatus(c: CycleDraft): SlaStatus {
    if (this.budget === null) return 'not_applicable';
    if (c.breached) return 'breached';
    if (c.endedAt !== null) return c.answered ? 'met' : 'not_applicable';
    return c.runningSince === null ? 'paused' : 'running';
  }
}

const EVENT_TYPES = new Set<SlaEventType>([
  'created',
  'agent_public_reply',
  'customer_message',
  'internal_note',
  'paused',
  'resumed',
  'resolved',
  'reopened',
]);

function checkBudget(targets: SlaTargets, kind: SlaTargetKind): number | null {
  const value = targets[kind];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`The ${kind} target must be a number of business minutes of at least 0, got ${String(value)}.`);
  }
  return value;
}

/**
 * Replay a request's history and say where each SLA clock stands at `now`.
 *
 * Rules:
 * - First response runs from `created` to the first `agent_public_reply`; internal notes never count.
 * - Next response starts at a `customer_message` once the first response is over (one clock at a
 *   time: further messages before the answer do not restart it) and stops at the next public reply.
 * - Resolution runs from `created` to `resolved`. `paused` stops it and `resumed` restarts it, so
 *   the due date moves by the business time spent on hold. `reopened` starts a new cycle from the
 *   reopen moment with what is left of the same budget (due at once if nothing is left).
 * - Response clocks do not pause. Resolving the request ends any response clock still running:
 *   it is `breached` if it was already overdue, otherwise `not_applicable`. A customer message
 *   that arrives while the request is resolved starts a next-response clock when it is reopened.
 * - Events are taken in time order (events with equal times keep their given order); events after
 *   `now` are ignored, so a history can be evaluated at any past moment. Events that make no sense
 *   in the current state (a `resumed` without a pause, a reply after resolution) change nothing.
 *
 * A pure function: same inputs, same result; nothing is read from the clock or the database.
 *
 * @param targets - budgets in business minutes; omitted targets are tracked (times, minutes used)
 *   but reported as `not_applicable`.
 * @throws RangeError when there is no `created` event (or more than one), an event has an invalid
 *   date or unknown type, or a budget is negative.
 */
export function computeSlaClock(calendar: BusinessCalendar, targets: SlaTargets, events: readonly SlaEvent[], now: Date): SlaClockState {
  const asOf = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(asOf)) throw new RangeError(`now must be a valid Date, got ${String(now)}.`);
  events.forEach((e, i) => {
    if (!EVENT_TYPES.has(e?.type)) throw new RangeError(`events[${i}].type ${JSON.stringify(e?.type)} is not an SLA event type.`);
    if (!(e.at instanceof Date) || !Number.isFinite(e.at.getTime())) {
      throw new RangeError(`events[${i}].at must be a valid Date, got ${String(e.at)}.`);
    }
  });
  const created = events.filter((e) => e.type === 'created');
  if (created.length !== 1) {
    throw new RangeError(
      created.length === 0
        ? 'The history has no created event; SLA clocks start at creation.'
        : `The history has ${created.length} created events; a request is created once.`,
    );
  }

  const first = new TargetClock(calendar, 'firstResponse', checkBudget(targets, 'firstResponse'), true);
  const next = new TargetClock(calendar, 'nextResponse', checkBudget(targets, 'nextResponse'), false);
  const resolution = new TargetClock(calendar, 'resolution', checkBudget(targets, 'resolution'), true);
  const clocks = [first, next, resolution];

  // Stable sort keeps the caller's order for events that share a timestamp.
  const ordered = events
    .map((e, i) => ({ e, i, t: e.at.getTime() }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .filter(({ t }) => t <= asOf);

  let started = false;
  let resolved = false;
  let firstResponseOver = false;
  let customerWaitingWhileResolved = false;

  for (const { e, t } of ordered) {
    if (!started && e.type !== 'created') continue;
    for (const clock of clocks) clock.checkBreach(t);
    switch (e.type) {
      case 'created':
        started = true;
        first.startCycle(t);
        resolution.startCycle(t);
        break;
      case 'agent_public_reply':
        if (resolved) break;
        if (first.open) {
          first.end(t, true);
          firstResponseOver = true;
        }
        if (next.open) next.end(t, true);
        break;
      case 'customer_message':
        if (resolved) customerWaitingWhileResolved = true;
        else if (firstResponseOver && !next.open) next.startCycle(t);
        break;
      case 'internal_note':
        break;
      case 'paused':
        if (!resolved && resolution.running) resolution.hold(t);
        break;
      case 'resumed':
        if (!resolved && resolution.open && !resolution.running) resolution.run(t);
        break;
      case 'resolved':
        if (resolved) break;
        resolved = true;
        if (first.open) {
          first.end(t, false);
          firstResponseOver = true;
        }
        if (next.open) next.end(t, false);
        resolution.end(t, true);
        break;
      case 'reopened':
        if (!resolved) break;
        resolved = false;
        resolution.startCycle(t);
        if (customerWaitingWhileResolved && firstResponseOver) next.startCycle(t);
        customerWaitingWhileResolved = false;
        break;
    }
  }

  return {
    asOf: new Date(asOf),
    calendar,
    targets: { firstResponse: first.state(asOf), nextResponse: next.state(asOf), resolution: resolution.state(asOf) },
  };
}

/** How one target looks at a given moment. */
export interface SlaTargetEvaluation {
  readonly kind: SlaTargetKind;
  /** Status at the evaluated moment (a running clock whose due date has passed is `breached`). */
  readonly status: SlaStatus;
  readonly dueAt: Date | null;
  /** Running, not yet breached, and no more than the warning lead away from its due date. */
  readonly atRisk: boolean;
  /** The target is in breach (see {@link SlaStatus}). */
  readonly breached: boolean;
  /** Business minutes from the moment to the due date (negative when overdue), or null without a running deadline. */
  readonly minutesLeft: number | null;
  /** When the warning is (or was) due: the moment the remaining business time equals the lead; null unless running. */
  readonly warnAt: Date | null;
}

/** Options of {@link evaluateAt}. */
export interface EvaluateOptions {
  /**
   * Warn this many business minutes before a due date, for all targets or per target.
   * Default: a fifth of the target's budget, rounded up.
   */
  readonly warningLeadMinutes?: number | { readonly [K in SlaTargetKind]?: number };
}

/**
 * Evaluate a clock state at `now` (not earlier than `state.asOf`), assuming nothing happened in
 * between: which targets are at risk, which are breached, how much time is left and when the
 * warning fires. Lets a scheduler compute the state once and re-check it cheaply.
 *
 * @throws RangeError when `now` is before `state.asOf` or a warning lead is negative.
 */
export function evaluateAt(state: SlaClockState, now: Date, options: EvaluateOptions = {}): Record<SlaTargetKind, SlaTargetEvaluation> {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`now must be a valid Date, got ${String(now)}.`);
  if (t < state.asOf.getTime()) {
    throw new RangeError(
      `Cannot evaluate at ${now.toISOString()}, before the state's moment ${state.asOf.toISOString()}; compute the state again.`,
    );
  }
  const result = {} as Record<SlaTargetKind, SlaTargetEvaluation>;
  for (const kind of SLA_TARGET_KINDS) {
    const target = state.targets[kind];
    const lead = leadFor(options, kind, target.budgetMinutes);
    let status = target.status;
    let minutesLeft: number | null = null;
    let warnAt: Date | null = null;
    if (target.status === 'running' && target.dueAt && target.runningSince) {
      minutesLeft = businessMinutesBetween(state.calendar, now, target.dueAt);
      if (t > target.dueAt.getTime()) status = 'breached';
      const leftAtStart = businessMinutesBetween(state.calendar, target.runningSince, target.dueAt);
      warnAt = addBusinessMinutes(state.calendar, target.runningSince, Math.max(0, leftAtStart - lead));
    } else if (target.status === 'breached' && target.dueAt && target.metAt === null && target.runningSince) {
      minutesLeft = businessMinutesBetween(state.calendar, now, target.dueAt);
    }
    const breached = status === 'breached';
    result[kind] = {
      kind,
      status,
      dueAt: target.dueAt,
      atRisk: status === 'running' && minutesLeft !== null && minutesLeft <= lead,
      breached,
      minutesLeft,
      warnAt,
    };
  }
  return result;
}

function leadFor(options: EvaluateOptions, kind: SlaTargetKind, budget: number | null): number {
  const given = typeof options.warningLeadMinutes === 'number' ? options.warningLeadMinutes : options.warningLeadMinutes?.[kind];
  if (given !== undefined) {
    if (!Number.isFinite(given) || given < 0) {
      throw new RangeError(`The warning lead for ${kind} must be at least 0 business minutes, got ${given}.`);
    }
    return given;
  }
  return budget === null ? 0 : Math.ceil(budget / 5);
}
