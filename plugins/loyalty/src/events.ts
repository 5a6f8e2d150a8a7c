import { defineEvent } from '@aftercare/core';

/** Points were credited to a customer (earning rule, compensation, goodwill or positive adjustment). */
export const pointsEarned = defineEvent<{
  customerId: string;
  entryId: string;
  points: number;
  sourceType: string;
  sourceId: string | null;
  availableAt: string;
}>('loyalty.points.earned', { description: 'Points were credited to a customer.' });

/** A customer moved to another tier (null: no tier). */
export const tierChanged = defineEvent<{ customerId: string; from: string | null; to: string | null }>('loyalty.tier.changed', {
  description: 'A customer moved to another loyalty tier.',
});

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [pointsEarned, tierChanged];
