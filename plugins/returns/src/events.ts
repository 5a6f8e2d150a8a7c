import { defineEvent } from '@aftercare/core';
import type { ReturnsItemStatus } from './domain.js';

/** An item was created. */
export const itemCreated = defineEvent<{ itemId: string; reference: string; customerId: string | null }>('returns.item.created', {
  description: 'A Returns item was created.',
});

/** An item moved from one state to another (published by the transition, in its transaction). */
export const itemStatusChanged = defineEvent<{
  itemId: string;
  reference: string;
  customerId: string | null;
  from: ReturnsItemStatus;
  to: ReturnsItemStatus;
}>('returns.item.status-changed', { description: 'A Returns item changed state.' });

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [itemCreated, itemStatusChanged];
