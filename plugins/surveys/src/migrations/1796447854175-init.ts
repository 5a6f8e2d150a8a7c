import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1796447854175 implements MigrationInterface {
  name = 'Init1796447854175';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "surveys_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "trigger_id" uuid, "customer_id" uuid NOT NULL, "trigger_event" text, "subject_id" text, "context" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'scheduled', "skip_reason" text, "send_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "reminders_sent" integer NOT NULL DEFAULT '0', "last_contact_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_surveys_invitation_subject" UNIQUE ("subject_id"), CONSTRAINT "PK_surveys_invitation" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_surveys_invitation_status" ON "surveys_invitation"  ("status", "send_at") `);
    await q.query(`CREATE INDEX "IDX_surveys_invitation_customer_sent" ON "surveys_invitation"  ("customer_id", "sent_at") `);
    await q.query(
      `CREATE TABLE "surveys_signing_key" ("id" text NOT NULL, "sealed" text NOT NULL, CONSTRAINT "PK_surveys_signing_key" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "surveys_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invitation_id" uuid NOT NULL, "survey_id" uuid NOT NULL, "survey_version" integer NOT NULL, "customer_id" uuid NOT NULL, "kind" text NOT NULL, "score" integer NOT NULL, "detractor" boolean NOT NULL DEFAULT false, "answers" jsonb NOT NULL DEFAULT '{}', "comment" text, "tags" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'new', "owner_id" uuid, "case_id" uuid, "trigger_event" text, "subject_id" text, "context" jsonb NOT NULL DEFAULT '{}', "completed" boolean NOT NULL DEFAULT false, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "UQ_surveys_response_invitation" UNIQUE ("invitation_id"), CONSTRAINT "PK_surveys_response" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_surveys_response_status" ON "surveys_response"  ("status") `);
    await q.query(`CREATE INDEX "IDX_surveys_response_customer" ON "surveys_response"  ("customer_id") `);
    await q.query(`CREATE INDEX "IDX_surveys_response_answered" ON "surveys_response"  ("answered_at") `);
    await q.query(
      `CREATE TABLE "surveys_survey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "current_version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_surveys_survey_name" UNIQUE ("name"), CONSTRAINT "PK_surveys_survey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "surveys_survey_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_surveys_survey_version" UNIQUE ("survey_id", "version"), CONSTRAINT "PK_surveys_survey_version" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "surveys_trigger" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "event_type" text NOT NULL, "delay_minutes" integer NOT NULL DEFAULT '0', "sampling_percent" integer NOT NULL DEFAULT '100', "conditions" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_surveys_trigger" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_surveys_trigger_event" ON "surveys_trigger"  ("event_type") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_surveys_trigger_event"`);
    await q.query(`DROP TABLE "surveys_trigger"`);
    await q.query(`DROP TABLE "surveys_survey_version"`);
    await q.query(`DROP TABLE "surveys_survey"`);
    await q.query(`DROP INDEX "public"."IDX_surveys_response_answered"`);
    await q.query(`DROP INDEX "public"."IDX_surveys_response_customer"`);
    await q.query(`DROP INDEX "public"."IDX_surveys_response_status"`);
    await q.query(`DROP TABLE "surveys_response"`);
    await q.query(`DROP TABLE "surveys_signing_key"`);
    await q.query(`DROP INDEX "public"."IDX_surveys_invitation_customer_sent"`);
    await q.query(`DROP INDEX "public"."IDX_surveys_invitation_status"`);
    await q.query(`DROP TABLE "surveys_invitation"`);
  }
}
