/**
 * SLA countdowns as staff read them: "due in 2h 15m", "breached 3h ago", "met", "paused". Pure
 * functions of plain values (a due date and the clock's state) and the current time, so every list
 * and detail page ticks live, whatever GraphQL shape its SLA data comes in, and the wording is
 * tested once.
 */
import { onBeforeUnmount, onMounted, type Ref, ref } from 'vue';

/** One unit of a displayed duration: `{ unit: 'h', value: 2 }` reads "2h". */
export interface DurationPart {
  unit: 'd' | 'h' | 'm' | 's';
  value: number;
}

/**
 * The state of one SLA target in plain values, as `<SlaDue>` takes it. Without `dueAt`, `metAt`,
 * `paused` or `breached` there is nothing to show ("—").
 */
export interface SlaDueState {
  /** When the target is due (ISO 8601). */
  dueAt?: string | null;
  /** When it was met (ISO 8601); a met target stops counting. */
  metAt?: string | null;
  /** The clock is paused (e.g. the request waits for the customer). */
  paused?: boolean;
  /** The server has marked the target breached. */
  breached?: boolean;
  /** When it was breached; the countdown says "breached … ago" from then (default: `dueAt`). */
  breachedAt?: string | null;
  /** The server's verdict: running and within the warning lead of the due date. */
  atRisk?: boolean;
}

export type CountdownState = 'dueIn' | 'overdue' | 'breached' | 'met' | 'metLate' | 'paused' | 'none';
export type CountdownTone = 'default' | 'info' | 'success' | 'warning' | 'error';

/** A countdown ready to show: its state, colour and the duration it talks about. */
export interface SlaCountdown {
  state: CountdownState;
  tone: CountdownTone;
  /** Time left (dueIn), since the breach (overdue), or how late it was met (metLate); else empty. */
  parts: DurationPart[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const parse = (iso: string | null | undefined) => (iso ? Date.parse(iso) : NaN);

/**
 * The two most significant units of a duration, sized to how close it is: seconds in the last
 * minute, minutes and seconds in the last hour (so the timer visibly ticks), hours and minutes
 * within a day, days and hours beyond. Negative durations count as their absolute value.
 */
export function durationParts(ms: number): DurationPart[] {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  const s = Math.floor((abs % MINUTE) / 1000);
  if (abs < MINUTE) return [{ unit: 's', value: s }];
  if (abs < HOUR) return [{ unit: 'm', value: m }, ...(s ? [{ unit: 's' as const, value: s }] : [])];
  if (abs < DAY) return [{ unit: 'h', value: h }, ...(m ? [{ unit: 'm' as const, value: m }] : [])];
  return [{ unit: 'd', value: d }, ...(h ? [{ unit: 'h' as const, value: h }] : [])];
}

/**
 * The countdown of a target at `now` (ms since epoch). A met target is `met` (or `metLate` when it
 * was also breached); a running one turns `warning` when the server says it is at risk or less
 * than `warnMinutes` are left, and `overdue` once its due date has passed, even before the
 * server's breach job has marked it.
 */
export function slaCountdown(target: SlaDueState, now: number, warnMinutes = 60): SlaCountdown {
  const due = parse(target.dueAt);
  const met = parse(target.metAt);
  if (!Number.isNaN(met)) {
    if (target.breached && !Number.isNaN(due)) return { state: 'metLate', tone: 'error', parts: durationParts(met - due) };
    return { state: 'met', tone: 'success', parts: [] };
  }
  if (target.paused) return { state: 'paused', tone: 'default', parts: [] };
  if (target.breached) {
    const since = target.breachedAt ? parse(target.breachedAt) : due;
    if (Number.isNaN(since) || since > now) return { state: 'breached', tone: 'error', parts: [] };
    return { state: 'overdue', tone: 'error', parts: durationParts(now - since) };
  }
  if (Number.isNaN(due)) return { state: 'none', tone: 'default', parts: [] };
  const left = due - now;
  if (left <= 0) return { state: 'overdue', tone: 'error', parts: durationParts(left) };
  const tone = target.atRisk || left <= warnMinutes * MINUTE ? 'warning' : 'info';
  return { state: 'dueIn', tone, parts: durationParts(left) };
}

/** Translate with the keys under `kit.sla` (a vue-i18n `t`, or anything shaped like it). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The countdown as a sentence in the console's language: "due in 2h 15m", "breached 3h ago". */
export function describeCountdown(c: SlaCountdown, t: Translate): string {
  const duration = c.parts.map((p) => t(`kit.sla.units.${p.unit}`, { n: p.value })).join(' ');
  return t(`kit.sla.countdown.${c.state}`, { duration });
}

/**
 * The current time (ms since epoch) as a ref that ticks every `intervalMs` while the component is
 * mounted, so countdowns move on their own without reloading data. A page with many countdowns
 * reads it once and passes `now` to each `<SlaDue>`.
 */
export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
