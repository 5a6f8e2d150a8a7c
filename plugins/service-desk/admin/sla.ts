/**
 * SLA countdowns as agents read them: "due in 2h 15m", "breached 3h ago", "met", "paused". Pure
 * functions of a target and the current time, so the inbox and the case page tick live and the
 * wording is tested once.
 */

/** One unit of a displayed duration: `{ unit: 'h', value: 2 }` reads "2h". */
export interface DurationPart {
  unit: 'd' | 'h' | 'm' | 's';
  value: number;
}

/** What an SLA target looks like to the console (core's `SlaTarget`, or a case's due date). */
export interface SlaTargetView {
  /** running, paused, met, breached or not_applicable. */
  status: string;
  dueAt?: string | null;
  metAt?: string | null;
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
 * The countdown of a target at `now` (ms since epoch). A running target turns `warning` when the
 * server says it is at risk or less than `warnMinutes` are left, and `overdue` once its due date
 * has passed, even before the server's breach job has marked it.
 */
export function slaCountdown(target: SlaTargetView, now: number, warnMinutes = 60): SlaCountdown {
  const due = target.dueAt ? Date.parse(target.dueAt) : NaN;
  const met = target.metAt ? Date.parse(target.metAt) : NaN;
  switch (target.status) {
    case 'met':
      return { state: 'met', tone: 'success', parts: [] };
    case 'paused':
      return { state: 'paused', tone: 'default', parts: [] };
    case 'breached': {
      if (!Number.isNaN(met) && !Number.isNaN(due)) return { state: 'metLate', tone: 'error', parts: durationParts(met - due) };
      const since = target.breachedAt ? Date.parse(target.breachedAt) : due;
      if (Number.isNaN(since) || since > now) return { state: 'breached', tone: 'error', parts: [] };
      return { state: 'overdue', tone: 'error', parts: durationParts(now - since) };
    }
    case 'running': {
      if (Number.isNaN(due)) return { state: 'none', tone: 'default', parts: [] };
      const left = due - now;
      if (left <= 0) return { state: 'overdue', tone: 'error', parts: durationParts(left) };
      const tone = target.atRisk || left <= warnMinutes * MINUTE ? 'warning' : 'info';
      return { state: 'dueIn', tone, parts: durationParts(left) };
    }
    default:
      return { state: 'none', tone: 'default', parts: [] };
  }
}

/** Translate with the keys under `serviceDesk.sla` (a vue-i18n `t`, or anything shaped like it). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The countdown as a sentence in the console's language: "due in 2h 15m", "breached 3h ago". */
export function describeCountdown(c: SlaCountdown, t: Translate): string {
  const duration = c.parts.map((p) => t(`serviceDesk.sla.units.${p.unit}`, { n: p.value })).join(' ');
  return t(`serviceDesk.sla.countdown.${c.state}`, { duration });
}
