/**
 * The authenticated context of a webhook subscription's sealed secret: ties the ciphertext to its
 * row, so a value copied onto another subscription does not open.
 */
export function webhookSecretContext(subscriptionId: string): string {
  return `webhook_subscription.secret:${subscriptionId}`;
}
