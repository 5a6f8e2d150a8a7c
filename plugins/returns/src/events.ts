import { defineEvent } from '@aftercare/core';
import type { ReturnStatus } from './domain.js';

/** A customer or agent requested a return. */
export const returnRequested = defineEvent<{ returnId: string; reference: string; customerId: string; withdrawal: boolean }>(
  'returns.return.requested',
  { description: 'A return request was made (by the customer in the portal or by staff).' },
);

/** A return request changed state (published by the transition, in its transaction). */
export const returnStatusChanged = defineEvent<{
  returnId: string;
  reference: string;
  customerId: string;
  from: ReturnStatus;
  to: ReturnStatus;
}>('returns.return.status-changed', { description: 'A return request moved from one state to another.' });

/** Payload of {@link returnRefunded}: what the shop or payment system must pay (refunds are recorded, not paid). */
export interface ReturnRefundedPayload {
  returnId: string;
  reference: string;
  customerId: string;
  purchaseId: string;
  refundId: string;
  amountMinor: number;
  currency: string;
  method: 'original' | 'store-credit' | 'exchange';
  lines: Array<{ purchaseLineId: string | null; modelId: string | null; amountMinor: number }>;
}

/** A refund, store credit or exchange was issued: pay it (original), credit it (loyalty) or ship the new model. */
export const returnRefunded = defineEvent<ReturnRefundedPayload>('returns.return.refunded', {
  description: 'A return was resolved with money: a refund to pay, store credit to grant, or an exchange (with its amounts).',
});

/** A return request was closed. */
export const returnClosed = defineEvent<{
  returnId: string;
  reference: string;
  customerId: string;
  purchaseId: string;
  outcome: string;
  channel: string;
}>('returns.return.closed', { description: 'A return request was closed with its outcome (refunded, exchanged, credited, declined).' });

/** A line points to a defect: the warranty plugin (when enabled) opens a claim for it. */
export const lineNonconformityReported = defineEvent<{
  returnId: string;
  returnLineId: string;
  customerId: string;
  purchaseId: string;
  serialNumber: string | null;
  modelId: string | null;
  reason: string;
}>('returns.line.nonconformity-reported', {
  description: 'A return line was reported as a lack of conformity (legal guarantee): repair or replacement comes first.',
});

/** The payment system reported the result of a refund. */
export const refundResultRecorded = defineEvent<{ returnId: string; refundId: string; customerId: string; paid: boolean }>(
  'returns.refund.result-recorded',
  { description: 'The payment result of a refund came back (paid or failed).' },
);

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [returnRequested, returnStatusChanged, returnRefunded, returnClosed, lineNonconformityReported, refundResultRecorded];
