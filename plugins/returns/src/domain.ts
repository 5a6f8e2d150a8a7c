import { defineEnum, defineStateMachine } from '@aftercare/core';

/** States of a return request (see the README for the moves). */
export const RETURN_STATUSES = [
  'requested',
  'approved',
  'declined',
  'awaiting_item',
  'received',
  'inspected',
  'refunded',
  'exchanged',
  'credited',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const ReturnStatusEnum = defineEnum(RETURN_STATUSES, 'ReturnStatus', 'State of a return request.');

/**
 * The one table of allowed moves. `approved → refunded | exchanged | credited` is the keep-the-item
 * path (no shipping states); the service allows it only for requests marked keepItem.
 */
export const returnMachine = defineStateMachine<ReturnStatus>({
  subjectType: 'returns.request',
  objectName: 'Return request',
  auditObjectType: 'ReturnRequest',
  initial: 'requested',
  transitions: {
    requested: ['approved', 'declined', 'cancelled'],
    approved: ['awaiting_item', 'refunded', 'exchanged', 'credited', 'cancelled'],
    awaiting_item: ['received', 'cancelled'],
    received: ['inspected'],
    inspected: ['refunded', 'exchanged', 'credited'],
    refunded: ['closed'],
    exchanged: ['closed'],
    credited: ['closed'],
    declined: [],
    closed: [],
    cancelled: [],
  },
  labels: {
    requested: 'Requested',
    approved: 'Approved',
    declined: 'Declined',
    awaiting_item: 'Awaiting item',
    received: 'Received',
    inspected: 'Inspected',
    refunded: 'Refunded',
    exchanged: 'Exchanged',
    credited: 'Credited',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
});

/** The legal basis of a return line: it decides the deadline, the fees and who pays shipping. */
export const LEGAL_BASES = ['withdrawal', 'non_conformity', 'commercial'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LegalBasisEnum = defineEnum(
  LEGAL_BASES,
  'ReturnLegalBasis',
  'Withdrawal (EU 2011/83), non-conformity (legal guarantee, EU 2019/771) or the commercial return policy.',
);

/** What the customer asks for on a line. */
export const RESOLUTIONS = ['refund', 'exchange', 'store_credit', 'replacement'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const ResolutionEnum = defineEnum(RESOLUTIONS, 'ReturnResolution', 'What the customer asks for on a line.');

/** How a request is paid back. */
export const REFUND_METHODS = ['original', 'store_credit', 'exchange'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];
export const RefundMethodEnum = defineEnum(REFUND_METHODS, 'ReturnRefundMethod', 'Original payment, store credit or exchange.');

/** What starts a policy's return window. */
export const WINDOW_STARTS = ['delivery', 'purchase'] as const;
export type WindowStart = (typeof WINDOW_STARTS)[number];
export const WindowStartEnum = defineEnum(WINDOW_STARTS, 'ReturnWindowStart', 'Delivery date, or purchase date plus a transit buffer.');

/** Who pays the return shipping under a policy. */
export const SHIPPING_PAYERS = ['free', 'flat_fee', 'customer'] as const;
export type ShippingPayer = (typeof SHIPPING_PAYERS)[number];
export const ShippingPayerEnum = defineEnum(SHIPPING_PAYERS, 'ReturnShippingPayer', 'Free, a flat fee deducted, or the customer ships.');

/** Condition found at inspection. */
export const CONDITION_GRADES = ['new', 'like_new', 'used', 'worn', 'damaged'] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];
export const ConditionGradeEnum = defineEnum(CONDITION_GRADES, 'ReturnConditionGrade', 'Condition of a returned item.');

/** What happens to a returned item. */
export const DISPOSITIONS = ['restock', 'refurbish', 'return_to_vendor', 'scrap'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DispositionEnum = defineEnum(DISPOSITIONS, 'ReturnDisposition', 'Restock, refurbish, return to vendor or scrap.');

/** Refund record states: recorded, not paid; the payment system reports back. */
export const REFUND_STATUSES = ['pending_approval', 'issued', 'paid', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const RefundStatusEnum = defineEnum(REFUND_STATUSES, 'ReturnRefundStatus', 'Awaiting four-eyes approval, issued, paid or failed.');

/** Why a request is declined (a closed list, so reports can count them). */
export const DECLINE_REASONS = ['outside_window', 'final_sale', 'not_purchased_here', 'condition', 'abuse', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DeclineReasonEnum = defineEnum(DECLINE_REASONS, 'ReturnDeclineReason', 'Why a return request is declined.');

/** SLA subject type of the withdrawal refund deadline. */
export const REFUND_DEADLINE_SUBJECT = 'returns.withdrawal-refund';
