import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795444048733 implements MigrationInterface {
  name = 'Events1795444048733';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "event_outbox" ("id" uuid NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "aggregate_id" text, "request_id" text, "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c8bd4a6797caa3ebad9b40c9813" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_event_outbox_aggregate" ON "event_outbox"  ("aggregate_id") `);
    await q.query(`CREATE INDEX "IDX_event_outbox_undispatched" ON "event_outbox"  ("occurred_at") WHERE dispatched_at IS NULL`);
    await q.query(
      `CREATE TABLE "event_delivery" ("event_id" uuid NOT NULL, "subscriber" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e2c4e72e52d2b5d12988f566b5" PRIMARY KEY ("event_id", "subscriber"))`,
    );
    await q.query(`CREATE INDEX "IDX_event_delivery_status" ON "event_delivery"  ("status", "updated_at") `);
    await q.query(
      `CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL, "url" text NOT NULL, "event_types" text array NOT NULL, "description" text, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "delivery_id" uuid NOT NULL, "attempt" integer NOT NULL, "success" boolean NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_webhook_delivery_subscription" ON "webhook_delivery"  ("subscription_id", "created_at") `);
    await q.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_236a6a1218756223393d1fb5acc" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_236a6a1218756223393d1fb5acc"`);
    await q.query(`DROP INDEX "public"."IDX_webhook_delivery_subscription"`);
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TABLE "webhook_subscription"`);
    await q.query(`DROP INDEX "public"."IDX_event_delivery_status"`);
    await q.query(`DROP TABLE "event_delivery"`);
    await q.query(`DROP INDEX "public"."IDX_event_outbox_undispatched"`);
    await q.query(`DROP INDEX "public"."IDX_event_outbox_aggregate"`);
    await q.query(`DROP TABLE "event_outbox"`);
  }
}
