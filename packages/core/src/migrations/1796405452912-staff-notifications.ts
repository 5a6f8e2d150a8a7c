import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffNotifications1796405452912 implements MigrationInterface {
  name = 'StaffNotifications1796405452912';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "staff_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text, "link" text, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_687ce8c4bfb1aca0b40c5d828cc" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_staff_notification_recipient" ON "staff_notification"  ("staff_user_id", "created_at") `);
    await q.query(
      `CREATE TABLE "staff_notification_preference" ("staff_user_id" uuid NOT NULL, "kind" text NOT NULL, "email" boolean NOT NULL, CONSTRAINT "PK_5165633228944676867946b1499" PRIMARY KEY ("staff_user_id", "kind"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "staff_notification_preference"`);
    await q.query(`DROP INDEX "public"."IDX_staff_notification_recipient"`);
    await q.query(`DROP TABLE "staff_notification"`);
  }
}
