import { defineEvent } from '@aftercare/core';
import type { SurveysItemStatus } from './domain.js';

/** An item was created. */
export const itemCreated = defineEvent<{ itemId: string; reference: string; customerId: string | null }>('surveys.item.created', {
  description: 'A Surveys item was created.',
});

/** An item moved from one state to another (published by the transition, in its transaction). */
export const itemStatusChanged = defineEvent<{
  itemId: string;
  reference: string;
  customerId: string | null;
  from: SurveysItemStatus;
  to: SurveysItemStatus;
}>('surveys.item.status-changed', { description: 'A Surveys item changed state.' });

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [itemCreated, itemStatusChanged];
