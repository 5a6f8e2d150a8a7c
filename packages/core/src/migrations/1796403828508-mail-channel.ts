import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailChannel1796403828508 implements MigrationInterface {
  name = 'MailChannel1796403828508';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mail_bounce" ("address" text NOT NULL, "bounced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_797c6eb6eeb5d16fbd2bb651029" PRIMARY KEY ("address"))`,
    );
    await q.query(
      `CREATE TABLE "mail_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox_key" text NOT NULL, "message_id" text NOT NULL, "status" text NOT NULL, "reason" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_mail_message_mailbox_message" ON "mail_message"  ("mailbox_key", "message_id") `);
    await q.query(
      `CREATE TABLE "mail_quarantine" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox_key" text NOT NULL, "mailbox_address" text NOT NULL, "message_id" text NOT NULL, "sender" text NOT NULL, "subject" text NOT NULL, "reason" text NOT NULL, "size_bytes" integer NOT NULL, "raw" bytea NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9afba1535f28f0298d76a940618" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_mail_quarantine_received" ON "mail_quarantine"  ("received_at") `);
    await q.query(`ALTER TABLE "notification" ADD "from_address" text`);
    await q.query(`ALTER TABLE "notification" ADD "message_id" text`);
    await q.query(`ALTER TABLE "notification" ADD "in_reply_to" text`);
    await q.query(`ALTER TABLE "notification" ADD "references" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "notification" ADD "auto_submitted" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "notification" ADD "thread_ref" text`);
    await q.query(`CREATE INDEX "IDX_notification_message_id" ON "notification"  ("message_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_notification_message_id"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "thread_ref"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "auto_submitted"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "references"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "in_reply_to"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "message_id"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "from_address"`);
    await q.query(`DROP INDEX "public"."IDX_mail_quarantine_received"`);
    await q.query(`DROP TABLE "mail_quarantine"`);
    await q.query(`DROP INDEX "public"."UQ_mail_message_mailbox_message"`);
    await q.query(`DROP TABLE "mail_message"`);
    await q.query(`DROP TABLE "mail_bounce"`);
  }
}
