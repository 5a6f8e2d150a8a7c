import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationOutbox1795447770671 implements MigrationInterface {
  name = 'NotificationOutbox1795447770671';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner" text NOT NULL, "template" text, "recipient" text NOT NULL, "locale" text, "subject" text NOT NULL, "body" text, "sensitive" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_notification_recipient" ON "notification"  ("recipient") `);
    await q.query(`CREATE INDEX "IDX_notification_status_created" ON "notification"  ("status", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_notification_status_created"`);
    await q.query(`DROP INDEX "public"."IDX_notification_recipient"`);
    await q.query(`DROP TABLE "notification"`);
  }
}
