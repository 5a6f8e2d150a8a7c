import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatusHistory1796403534705 implements MigrationInterface {
  name = 'StatusHistory1796403534705';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "status_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor_kind" text NOT NULL, "actor_id" text, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "seq" BIGSERIAL NOT NULL, CONSTRAINT "PK_271a5228edb4eeb41bc01d58fac" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_b883de771f19f0858d104b2549" ON "status_history"  ("subject_type", "subject_id", "at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_b883de771f19f0858d104b2549"`);
    await q.query(`DROP TABLE "status_history"`);
  }
}
