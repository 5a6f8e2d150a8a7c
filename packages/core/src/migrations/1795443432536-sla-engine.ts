import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaEngine1795443432536 implements MigrationInterface {
  name = 'SlaEngine1795443432536';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "business_calendar" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "time_zone" text NOT NULL, "week" jsonb NOT NULL, "holidays" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7c4ea7e1b9eee5ee8c6b6f3e48b" UNIQUE ("name"), CONSTRAINT "PK_14a4bf837e647af2edf17f6c97a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "sla_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "priority" integer NOT NULL DEFAULT '100', "active" boolean NOT NULL DEFAULT true, "is_default" boolean NOT NULL DEFAULT false, "conditions" jsonb NOT NULL DEFAULT '{}', "first_response_minutes" integer, "next_response_minutes" integer, "resolution_minutes" integer, "warning_lead_minutes" integer, "calendar_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_67aa98dca26268022b075f2bb7b" UNIQUE ("name"), CONSTRAINT "PK_19c1aa9dd53b9fc80648ae034b4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_sla_policy_single_default" ON "sla_policy"  ("is_default") WHERE "is_default"`);
    await q.query(
      `CREATE TABLE "sla_clock" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "policy_id" uuid NOT NULL, "events" jsonb NOT NULL DEFAULT '[]', "first_response_due_at" TIMESTAMP WITH TIME ZONE, "first_response_status" text NOT NULL DEFAULT 'not_applicable', "next_response_due_at" TIMESTAMP WITH TIME ZONE, "next_response_status" text NOT NULL DEFAULT 'not_applicable', "resolution_due_at" TIMESTAMP WITH TIME ZONE, "resolution_status" text NOT NULL DEFAULT 'not_applicable', "next_due_at" TIMESTAMP WITH TIME ZONE, "paused" boolean NOT NULL DEFAULT false, "closed" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2a8a96fd7eadc64be20e2fbd60" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_sla_clock_open_due" ON "sla_clock"  ("next_due_at") WHERE "closed" = false`);
    await q.query(`CREATE UNIQUE INDEX "UQ_sla_clock_subject" ON "sla_clock"  ("subject_type", "subject_id") `);
    await q.query(
      `ALTER TABLE "sla_policy" ADD CONSTRAINT "FK_b7afbb901d650f11492821ae8e3" FOREIGN KEY ("calendar_id") REFERENCES "business_calendar"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sla_clock" ADD CONSTRAINT "FK_12706e4f638b46b0688adecd968" FOREIGN KEY ("policy_id") REFERENCES "sla_policy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sla_clock" DROP CONSTRAINT "FK_12706e4f638b46b0688adecd968"`);
    await q.query(`ALTER TABLE "sla_policy" DROP CONSTRAINT "FK_b7afbb901d650f11492821ae8e3"`);
    await q.query(`DROP INDEX "public"."UQ_sla_clock_subject"`);
    await q.query(`DROP INDEX "public"."IDX_sla_clock_open_due"`);
    await q.query(`DROP TABLE "sla_clock"`);
    await q.query(`DROP INDEX "public"."UQ_sla_policy_single_default"`);
    await q.query(`DROP TABLE "sla_policy"`);
    await q.query(`DROP TABLE "business_calendar"`);
  }
}
