import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailChannel1796403941290 implements MigrationInterface {
  name = 'MailChannel1796403941290';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "service_desk_mailbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "address" text NOT NULL, "sender_name" text NOT NULL, "inbound" text NOT NULL, "imap_host" text, "imap_port" integer, "imap_secure" boolean NOT NULL DEFAULT true, "imap_user" text, "imap_password_sealed" text, "imap_folder" text NOT NULL DEFAULT 'INBOX', "imap_allow_self_signed" boolean NOT NULL DEFAULT false, "team_id" uuid, "kind" text NOT NULL DEFAULT 'inquiry', "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d3426c5758b845bf7598ba92617" UNIQUE ("address"), CONSTRAINT "PK_8fce1f85cb00545d42145050721" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "service_desk_case_mail_thread" ("case_id" uuid NOT NULL, "mailbox_id" uuid NOT NULL, "last_message_id" text NOT NULL, "references" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_48f2ad67eceb53c57edf01f934c" PRIMARY KEY ("case_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "service_desk_case_mail_thread"`);
    await q.query(`DROP TABLE "service_desk_mailbox"`);
  }
}
