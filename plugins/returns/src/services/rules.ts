import { DateTime } from 'luxon';
import type { LegalBasis, RefundMethod, ShippingPayer, WindowStart } from '../domain.js';

/** Sales channels that are distance contracts (EU 2011/83): the right of withdrawal applies. */
export const DISTANCE_CHANNELS = ['online', 'phone', 'marketplace'];

/** What the rules need of a policy. */
export interface PolicyTerms {
  id: string;
  priority: number;
  isDefault: boolean;
  active: boolean;
  modelIds: string[];
  categories: string[];
  windowDays: number;
  windowStart: WindowStart;
  transitBufferDays: number;
  finalSale: boolean;
  returnShipping: ShippingPayer;
  returnShippingFeeMinor: number;
  restockingFeePercent: number;
  restockingFeeMinMinor: number;
  refundMethods: RefundMethod[];
  keepItemBelowMinor: number;
  withdrawalRight: boolean;
  withdrawalInformed: boolean;
}

/** The first active non-default policy by priority whose models and categories match; the default otherwise. */
export function choosePolicy<T extends PolicyTerms>(policies: T[], modelId: string, category: string | null): T | null {
  const active = policies.filter((p) => p.active).sort((a, b) => a.priority - b.priority);
  const matches = (p: T) =>
    (!p.modelIds.length || p.modelIds.includes(modelId)) &&
    (!p.categories.length || (category !== null && p.categories.includes(category)));
  return active.find((p) => !p.isDefault && matches(p)) ?? active.find((p) => p.isDefault) ?? null;
}

/** Start of the local day `days` after the local day of `at`, in `zone`: the exclusive end of a period counted in days. */
function endOfPeriod(at: Date, zone: string, days: number, months = 0): Date {
  return DateTime.fromJSDate(at, { zone }).startOf('day').plus({ days, months }).plus({ days: 1 }).toJSDate();
}

/** A valid IANA zone or UTC. */
export function safeZone(zone: string | null | undefined): string {
  return zone && DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

/**
 * End (exclusive) of the EU withdrawal period: 14 days from the day the customer took possession
 * (of the last item of a split delivery), in the customer's time zone; 12 months longer when the
 * customer was not informed of the right. Null while the item is not delivered (the period has not started).
 */
export function withdrawalDeadline(possessionAt: Date | null, zone: string, informed: boolean): Date | null {
  if (!possessionAt) return null;
  return endOfPeriod(possessionAt, zone, 14, informed ? 0 : 12);
}

/** End (exclusive) of a policy's commercial window, or null when it has not started (not delivered). */
export function commercialDeadline(
  policy: Pick<PolicyTerms, 'windowDays' | 'windowStart' | 'transitBufferDays'>,
  purchasedAt: Date,
  deliveredAt: Date | null,
  zone: string,
): Date | null {
  if (policy.windowStart === 'delivery') return deliveredAt ? endOfPeriod(deliveredAt, zone, policy.windowDays) : null;
  return endOfPeriod(purchasedAt, zone, policy.windowDays + policy.transitBufferDays);
}

/** End (exclusive) of the legal guarantee: `months` from delivery (or purchase when not delivered). */
export function guaranteeDeadline(purchasedAt: Date, deliveredAt: Date | null, zone: string, months: number): Date {
  return DateTime.fromJSDate(deliveredAt ?? purchasedAt, { zone })
    .startOf('day')
    .plus({ months })
    .toJSDate();
}

/** What decides a line's basis. */
export interface BasisInput {
  now: Date;
  zone: string;
  channel: string;
  purchasedAt: Date;
  deliveredAt: Date | null;
  /** Latest delivery of the order (split delivery: the last item). */
  possessionAt: Date | null;
  nonConformity: boolean;
  /** The customer asked to withdraw (the withdrawal function). */
  withdrawalAsked: boolean;
  policy: PolicyTerms | null;
  guaranteeMonths: number;
}

/** The basis chosen, why, and until when it holds; or why the line cannot be returned. */
export type BasisResult = { ok: true; basis: LegalBasis; explanation: string; deadlineAt: Date | null } | { ok: false; reason: string };

const day = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).minus({ milliseconds: 1 }).toISODate();

/**
 * Choose a line's legal basis: a defect reason makes it a non-conformity (within the legal guarantee);
 * a distance sale within the withdrawal period is a withdrawal (always when the customer withdraws);
 * otherwise the policy's commercial window applies, unless the item is final sale.
 */
export function computeBasis(i: BasisInput): BasisResult {
  const distance = DISTANCE_CHANNELS.includes(i.channel) && (i.policy?.withdrawalRight ?? true);
  const informed = i.policy?.withdrawalInformed ?? true;
  const wEnd = withdrawalDeadline(i.possessionAt, i.zone, informed);
  const withdrawalOpen = distance && (wEnd === null || i.now < wEnd);
  const wWhy = wEnd
    ? `distance sale (${i.channel}); withdrawal period ends ${day(wEnd, i.zone)}${informed ? '' : ' (extended by 12 months: the customer was not informed of the right)'}`
    : `distance sale (${i.channel}); not delivered yet, so the withdrawal period has not started`;
  if (i.withdrawalAsked) {
    if (!distance) return { ok: false, reason: 'the right of withdrawal applies only to distance sales (online, phone, marketplace)' };
    if (!withdrawalOpen) return { ok: false, reason: `the withdrawal period ended on ${day(wEnd!, i.zone)}` };
    return { ok: true, basis: 'withdrawal', explanation: `Withdrawal from the contract: ${wWhy}.`, deadlineAt: wEnd };
  }
  if (i.nonConformity) {
    const gEnd = guaranteeDeadline(i.purchasedAt, i.deliveredAt, i.zone, i.guaranteeMonths);
    if (i.now < gEnd) {
      return {
        ok: true,
        basis: 'non_conformity',
        explanation: `The reason points to a defect: legal guarantee until ${day(gEnd, i.zone)}; repair or replacement first, free of charge.`,
        deadlineAt: gEnd,
      };
    }
  }
  if (withdrawalOpen) return { ok: true, basis: 'withdrawal', explanation: `Within the withdrawal period: ${wWhy}.`, deadlineAt: wEnd };
  if (!i.policy) return { ok: false, reason: 'no return policy applies and there is no default policy' };
  if (i.policy.finalSale) return { ok: false, reason: 'the item was a final sale: only legal rights apply' };
  const cEnd = commercialDeadline(i.policy, i.purchasedAt, i.deliveredAt, i.zone);
  if (cEnd === null || i.now < cEnd) {
    return {
      ok: true,
      basis: 'commercial',
      explanation: cEnd
        ? `Return policy: ${i.policy.windowDays} days from ${i.policy.windowStart}, until ${day(cEnd, i.zone)}.`
        : 'Return policy: the window starts at delivery, which has not happened yet.',
      deadlineAt: cEnd,
    };
  }
  return { ok: false, reason: `the return window ended on ${day(cEnd, i.zone)}` };
}

/** One line as the refund computation sees it. */
export interface RefundLineInput {
  lineId: string;
  purchaseId: string;
  modelId: string;
  basis: LegalBasis;
  priceMinor: number;
  diminishedValueMinor: number;
  policy: Pick<PolicyTerms, 'restockingFeePercent' | 'restockingFeeMinMinor' | 'returnShipping' | 'returnShippingFeeMinor'> | null;
}

/** Restocking fee of a commercial return: percentage of the price with a minimum, never above the price. */
export function restockingFee(basis: LegalBasis, priceMinor: number, policy: RefundLineInput['policy']): number {
  if (basis !== 'commercial' || !policy || policy.restockingFeePercent <= 0) return 0;
  const fee = Math.max(Math.round((priceMinor * policy.restockingFeePercent) / 100), policy.restockingFeeMinMinor);
  return Math.min(fee, priceMinor);
}

/**
 * The refund, line by line: price minus the restocking fee (commercial) or the justified diminished
 * value (withdrawal); non-conformity lines are paid in full. Withdrawal refunds the standard
 * delivery cost; the policy's flat return-shipping fee is charged once unless every line is a non-conformity.
 */
export function computeRefund(
  lines: RefundLineInput[],
  opts: { deliveryCostMinor: number; keepItem: boolean; exchangeDifferenceMinor: number },
) {
  const out = lines.map((l) => {
    const restock = restockingFee(l.basis, l.priceMinor, l.policy);
    const diminished = l.basis === 'withdrawal' ? Math.min(l.diminishedValueMinor, l.priceMinor) : 0;
    return {
      lineId: l.lineId,
      purchaseId: l.purchaseId,
      modelId: l.modelId,
      legalBasis: l.basis,
      priceMinor: l.priceMinor,
      restockingFeeMinor: restock,
      diminishedValueMinor: diminished,
      amountMinor: Math.max(0, l.priceMinor - restock - diminished),
    };
  });
  const anyWithdrawal = lines.some((l) => l.basis === 'withdrawal');
  const deliveryRefundMinor = anyWithdrawal ? opts.deliveryCostMinor : 0;
  const charged = lines.find((l) => l.basis !== 'non_conformity' && l.policy?.returnShipping === 'flat_fee');
  const returnShippingMinor = opts.keepItem || !charged ? 0 : charged.policy!.returnShippingFeeMinor;
  const sum = out.reduce((s, l) => s + l.amountMinor, 0);
  const totalMinor = Math.max(0, sum + deliveryRefundMinor - returnShippingMinor - opts.exchangeDifferenceMinor);
  return { lines: out, deliveryRefundMinor, returnShippingMinor, exchangeDifferenceMinor: opts.exchangeDifferenceMinor, totalMinor };
}
