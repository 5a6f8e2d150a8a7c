import { DateTime } from 'luxon';
import type { CoverageType, LegalBasis, NotCoveredReason, StartBasis, UsDesignation } from '../domain.js';
import type { Jurisdiction } from '../settings.js';

/** The terms of a warranty policy that decide coverage. */
export interface PolicyTerms {
  id: string | null;
  name: string;
  months: number;
  startFrom: StartBasis;
  coverageTypes: CoverageType[];
  exclusions: string[];
  legalBasis: LegalBasis;
  usDesignation: UsDesignation | null;
  transferable: boolean;
}

/** An extended warranty contract sold on top of a registration. */
export interface ContractTerms {
  id: string;
  startsAt: Date;
  endsAt: Date;
  coverageTypes: CoverageType[];
  exclusions: string[];
  /** Most the contract pays over its life (minor units), null for no cap. */
  claimCapMinor: number | null;
  /** Paid out under the contract so far (minor units). */
  claimedMinor: number;
}

/** Everything the entitlement check needs, already read from the database. */
export interface CoverageInput {
  at: Date;
  /** The customer's IANA time zone: periods start and end at local midnight. */
  timeZone: string;
  /** The sold item, null when neither a purchase nor a registration knows the serial. */
  item: { purchasedAt: Date; deliveredAt: Date | null } | null;
  /** The commercial registration, null when the item was never registered. */
  registration: { id: string; policy: PolicyTerms } | null;
  /** Policy the item would get if registered (explains "unregistered"). */
  unregisteredPolicy?: PolicyTerms | null;
  contracts: ContractTerms[];
  /** The legal guarantee of the customer's country, null when it has none configured. */
  jurisdiction: Jurisdiction | null;
  /** A repair the consumer chose under the legal guarantee was completed: the guarantee extends once. */
  legalRepairExtension: boolean;
  /** The kind of damage being claimed (e.g. `defect`, `accidental_damage`), to apply exclusions. */
  damageType?: string | null;
}

/** One source of coverage and whether it applies at the moment asked. */
export interface CoverageLayer {
  basis: LegalBasis;
  policyId: string | null;
  contractId: string | null;
  name: string;
  startsAt: Date;
  /** Exclusive end: local midnight after the last covered day. */
  endsAt: Date;
  /** Last covered day in the customer's time zone (YYYY-MM-DD). */
  lastDay: string;
  coverageTypes: CoverageType[];
  covered: boolean;
  reason: NotCoveredReason | null;
}

/** The answer of the entitlement check. */
export interface CoverageResult {
  covered: boolean;
  /** The layer that covers (commercial first, then extended, then the legal guarantee). */
  basis: LegalBasis | null;
  policyId: string | null;
  contractId: string | null;
  /** End of the latest covering layer (exclusive), and its last day in the customer's time zone. */
  coveredUntil: Date | null;
  lastCoveredDay: string | null;
  /** Union of what the covering layers pay for. */
  coverageTypes: CoverageType[];
  reason: NotCoveredReason | null;
  /** A sentence for the agent. */
  explanation: string;
  layers: CoverageLayer[];
}

/** What the legal guarantee pays for: free repair or replacement. */
export const LEGAL_COVERAGE: CoverageType[] = ['parts', 'labour', 'replacement'];

/** Start of the local day of `date` in `zone`. */
export function localDayStart(date: Date, zone: string): DateTime {
  return DateTime.fromJSDate(date, { zone }).startOf('day');
}

/**
 * A period of `months` from the local day of `start`: it starts at local midnight and ends
 * (exclusive) at local midnight `months` later, so a 24-month warranty delivered on 15 March covers
 * up to and including 14 March two years later, in the customer's time zone (DST-safe).
 */
export function period(start: Date, months: number, zone: string): { startsAt: Date; endsAt: Date; lastDay: string } {
  const s = localDayStart(start, zone);
  const e = s.plus({ months });
  return { startsAt: s.toJSDate(), endsAt: e.toJSDate(), lastDay: e.minus({ days: 1 }).toISODate()! };
}

function startDate(item: { purchasedAt: Date; deliveredAt: Date | null }, basis: StartBasis): Date {
  return basis === 'delivery' ? (item.deliveredAt ?? item.purchasedAt) : item.purchasedAt;
}

function layerStatus(
  at: Date,
  startsAt: Date,
  endsAt: Date,
  exclusions: string[],
  damageType: string | null | undefined,
): { covered: boolean; reason: NotCoveredReason | null } {
  if (at < startsAt) return { covered: false, reason: 'not_started' };
  if (at >= endsAt) return { covered: false, reason: 'expired' };
  if (damageType && exclusions.includes(damageType)) return { covered: false, reason: 'excluded' };
  return { covered: true, reason: null };
}

const BASIS_ORDER: LegalBasis[] = ['commercial_warranty', 'extended_warranty', 'legal_guarantee', 'goodwill'];

/**
 * The entitlement check, pure: which layers (commercial warranty, extended contracts, legal
 * guarantee) cover the item at `at` for `damageType`. The legal guarantee is always evaluated,
 * registered or not, because a commercial warranty comes on top of it, never instead of it.
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const { at, timeZone: zone, item } = input;
  if (!item) return notCovered('unregistered', 'No purchase or registration is known for this item.', []);
  const layers: CoverageLayer[] = [];

  if (input.registration) {
    const p = input.registration.policy;
    const pr = period(startDate(item, p.startFrom), p.months, zone);
    layers.push({
      basis: p.legalBasis === 'legal_guarantee' ? 'legal_guarantee' : 'commercial_warranty',
      policyId: p.id,
      contractId: null,
      name: p.name,
      ...pr,
      coverageTypes: p.coverageTypes,
      ...layerStatus(at, pr.startsAt, pr.endsAt, p.exclusions, input.damageType),
    });
  }

  for (const c of input.contracts) {
    const s = localDayStart(c.startsAt, zone);
    const e = localDayStart(c.endsAt, zone);
    const st = layerStatus(at, s.toJSDate(), e.toJSDate(), c.exclusions, input.damageType);
    const capped = st.covered && c.claimCapMinor !== null && c.claimedMinor >= c.claimCapMinor;
    layers.push({
      basis: 'extended_warranty',
      policyId: null,
      contractId: c.id,
      name: 'Extended warranty',
      startsAt: s.toJSDate(),
      endsAt: e.toJSDate(),
      lastDay: e.minus({ days: 1 }).toISODate()!,
      coverageTypes: c.coverageTypes,
      covered: st.covered && !capped,
      reason: capped ? 'cap_reached' : st.reason,
    });
  }

  const j = input.jurisdiction;
  if (j && j.months > 0) {
    const months = j.months + (input.legalRepairExtension ? j.repairExtensionMonths : 0);
    const pr = period(startDate(item, j.startFrom), months, zone);
    layers.push({
      basis: 'legal_guarantee',
      policyId: null,
      contractId: null,
      name: `Legal guarantee (${j.code}, ${months} months from ${j.startFrom})`,
      ...pr,
      coverageTypes: LEGAL_COVERAGE,
      ...layerStatus(at, pr.startsAt, pr.endsAt, j.excludes, input.damageType),
    });
  }

  const covering = layers.filter((l) => l.covered).sort((a, b) => BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis));
  if (covering.length) {
    const best = covering[0]!;
    const latest = covering.reduce((a, b) => (b.endsAt > a.endsAt ? b : a));
    const types = [...new Set(covering.flatMap((l) => l.coverageTypes))];
    return {
      covered: true,
      basis: best.basis,
      policyId: best.policyId,
      contractId: best.contractId,
      coveredUntil: latest.endsAt,
      lastCoveredDay: latest.lastDay,
      coverageTypes: types,
      reason: null,
      explanation: `Covered by ${best.name} until ${latest.lastDay} (${types.join(', ')}).`,
      layers,
    };
  }

  if (layers.some((l) => l.reason === 'excluded')) {
    return notCovered('excluded', `The damage '${input.damageType}' is excluded by every coverage that is still running.`, layers);
  }
  if (layers.some((l) => l.reason === 'cap_reached')) {
    return notCovered('cap_reached', 'The extended warranty has paid out its claim cap.', layers);
  }
  if (!input.registration && input.unregisteredPolicy) {
    const p = input.unregisteredPolicy;
    const pr = period(startDate(item, p.startFrom), p.months, zone);
    if (at >= pr.startsAt && at < pr.endsAt) {
      return notCovered('unregistered', `Not registered: registering it would give ${p.name} until ${pr.lastDay}.`, layers);
    }
  }
  if (layers.length && layers.every((l) => l.reason === 'not_started')) {
    return notCovered('not_started', 'Coverage has not started yet.', layers);
  }
  if (!layers.length) return notCovered('unregistered', 'The item is not registered and no legal guarantee applies.', layers);
  const last = layers.reduce((a, b) => (b.endsAt > a.endsAt ? b : a));
  return notCovered('expired', `Coverage ended on ${last.lastDay} (${last.name}).`, layers);
}

function notCovered(reason: NotCoveredReason, explanation: string, layers: CoverageLayer[]): CoverageResult {
  return {
    covered: false,
    basis: null,
    policyId: null,
    contractId: null,
    coveredUntil: null,
    lastCoveredDay: null,
    coverageTypes: [],
    reason,
    explanation,
    layers,
  };
}

/** The jurisdiction whose legal guarantee applies to a customer of `country`. */
export function jurisdictionFor(jurisdictions: Jurisdiction[], country: string): Jurisdiction | null {
  return jurisdictions.find((j) => j.countries.includes(country.toUpperCase())) ?? null;
}
