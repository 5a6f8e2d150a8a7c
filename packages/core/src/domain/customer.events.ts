import { defineEvent } from '../events/define-event.js';

/** Payload of `core.customer.created`. Ids only: payloads end up in webhooks and logs. */
export interface CustomerCreatedPayload {
  customerId: string;
  /** How the customer came in: `staff`, `import`, `portal`, … */
  source: string;
}

/** Payload of `core.purchase.created`. */
export interface PurchaseCreatedPayload {
  purchaseId: string;
  customerId: string;
  modelId: string;
  sku: string;
  serialNumber: string | null;
  /** ISO 8601. */
  purchasedAt: string;
  /** ISO 8601, or null when not delivered yet. */
  deliveredAt: string | null;
  channel: string;
}

/** A customer was created (by staff, an import or the portal). */
export const customerCreated = defineEvent<CustomerCreatedPayload>('core.customer.created', {
  description: 'A customer was created (by staff, an import or the portal).',
});

/** A purchase was recorded; warranty registers from it. */
export const purchaseCreated = defineEvent<PurchaseCreatedPayload>('core.purchase.created', {
  description: 'A purchase (one sold item) was recorded.',
});

/** A customer's personal data was anonymised on request. */
export const customerAnonymized = defineEvent<{ customerId: string }>('core.customer.anonymized', {
  description: "A customer's personal data was anonymised on request; statistics were kept.",
});

/** The events core publishes. */
export const CORE_EVENTS = [customerCreated, purchaseCreated, customerAnonymized];
