import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { MigrationContext } from '../db/migrations.js';
import { webhookSecretContext } from '../webhooks/webhook-secrets.js';

/**
 * Webhook signing secrets encrypted at rest: `secret` (plain text) becomes `secret_sealed`
 * (AES-256-GCM under the server's secret key, see SecretBox). Existing rows are encrypted in the
 * same transaction, so either every secret is converted and the plain column is gone, or nothing
 * changed.
 */
export class WebhookSecretEncryption1795460000000 implements MigrationInterface {
  name = 'WebhookSecretEncryption1795460000000';

  async up(q: QueryRunner, context?: MigrationContext): Promise<void> {
    await q.query(`ALTER TABLE "webhook_subscription" ADD "secret_sealed" text`);
    const rows: Array<{ id: string; secret: string }> = await q.query(`SELECT id, secret FROM "webhook_subscription" ORDER BY id`);
    if (rows.length && !context?.secrets) {
      throw new Error(
        `${rows.length} webhook secret(s) must be encrypted, but no secret key was given to the migration: run it through 'aftercare migrate' or server start, which load AFTERCARE_SECRET_KEY.`,
      );
    }
    for (const row of rows) {
      await q.query(`UPDATE "webhook_subscription" SET "secret_sealed" = $2 WHERE id = $1`, [
        row.id,
        context!.secrets!.seal(row.secret, webhookSecretContext(row.id)),
      ]);
    }
    await q.query(`ALTER TABLE "webhook_subscription" ALTER COLUMN "secret_sealed" SET NOT NULL`);
    await q.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "secret"`);
  }

  async down(q: QueryRunner, context?: MigrationContext): Promise<void> {
    await q.query(`ALTER TABLE "webhook_subscription" ADD "secret" text`);
    const rows: Array<{ id: string; secret_sealed: string }> = await q.query(`SELECT id, secret_sealed FROM "webhook_subscription"`);
    if (rows.length && !context?.secrets) throw new Error('Decrypting webhook secrets needs the secret key.');
    for (const row of rows) {
      await q.query(`UPDATE "webhook_subscription" SET "secret" = $2 WHERE id = $1`, [
        row.id,
        context!.secrets!.open(row.secret_sealed, webhookSecretContext(row.id)),
      ]);
    }
    await q.query(`ALTER TABLE "webhook_subscription" ALTER COLUMN "secret" SET NOT NULL`);
    await q.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "secret_sealed"`);
  }
}
