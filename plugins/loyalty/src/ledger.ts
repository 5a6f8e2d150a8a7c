/**
 * Pure ledger arithmetic: which points of which earning are still there after redemptions,
 * expiries and reversals. Redemptions consume the oldest available points first.
 */

/** One ledger entry as the arithmetic needs it. */
export interface LedgerLine {
  id: string;
  number: number;
  points: number;
  availableAt: Date;
  expiresAt: Date | null;
  /** For targeted entries (expire, reverse): the earning they take from. */
  lotId: string | null;
  createdAt: Date;
}

/** A positive entry with what is left of it. */
export interface Lot {
  id: string;
  points: number;
  remaining: number;
  availableAt: Date;
  expiresAt: Date | null;
}

/** Lots with their remaining points, and the debt (spent points not covered by any lot). */
export interface LotState {
  lots: Lot[];
  debt: number;
}

/**
 * Replay the ledger in order: targeted negative entries take from their lot first, others from the
 * oldest lot that was available at the time; what no lot covers is debt, paid by later lots.
 */
export function replayLots(lines: readonly LedgerLine[]): LotState {
  const ordered = [...lines].sort((a, b) => a.number - b.number);
  const lots: Lot[] = [];
  const byId = new Map<string, Lot>();
  let debt = 0;
  const consume = (amount: number, at: Date) => {
    let left = amount;
    const candidates = lots
      .filter((l) => l.remaining > 0 && l.availableAt.getTime() <= at.getTime())
      .sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime());
    for (const lot of candidates) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      lot.remaining -= take;
      left -= take;
    }
    return left;
  };
  for (const line of ordered) {
    if (line.points > 0) {
      const lot: Lot = {
        id: line.id,
        points: line.points,
        remaining: line.points,
        availableAt: line.availableAt,
        expiresAt: line.expiresAt,
      };
      if (debt > 0) {
        const pay = Math.min(debt, lot.remaining);
        lot.remaining -= pay;
        debt -= pay;
      }
      lots.push(lot);
      byId.set(line.id, lot);
      continue;
    }
    let amount = -line.points;
    const target = line.lotId ? byId.get(line.lotId) : undefined;
    if (target) {
      const take = Math.min(target.remaining, amount);
      target.remaining -= take;
      amount -= take;
    }
    if (amount > 0) debt += consume(amount, line.availableAt);
  }
  return { lots, debt };
}

/** Add months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When points earned (available) at `at` expire: rolling N months, or the end of the year N months later falls in. */
export function expiryOf(at: Date, mode: 'rolling' | 'period-end', months: number): Date {
  const rolled = addMonths(at, months);
  if (mode === 'rolling') return rolled;
  return new Date(Date.UTC(rolled.getUTCFullYear() + 1, 0, 1));
}

export const DAY_MS = 86_400_000;
