import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case status history moves to core's status_history table (one table for every plugin's state
 * machines). Existing rows are copied with their actor keys (`staff:<id>`, `customer:<id>`,
 * `apiKey:<id>`, `system`) split into kind and id, then the plugin's own table is dropped.
 */
export class StatusHistoryToCore1796403600000 implements MigrationInterface {
  name = 'StatusHistoryToCore1796403600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "status_history" ("subject_type", "subject_id", "from_status", "to_status", "actor_kind", "actor_id", "reason", "at")
       SELECT 'service-desk.case', h."case_id", h."from_status", h."to_status",
              CASE WHEN split_part(h."actor", ':', 1) IN ('staff', 'customer', 'apiKey') THEN split_part(h."actor", ':', 1) ELSE 'system' END,
              CASE WHEN split_part(h."actor", ':', 1) IN ('staff', 'customer', 'apiKey') THEN NULLIF(split_part(h."actor", ':', 2), '') END,
              NULL, h."at"
         FROM "service_desk_status_change" h
        ORDER BY h."at", h."id"`,
    );
    await q.query(`DROP TABLE "service_desk_status_change"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "service_desk_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6058490b28dc5adfba3ba458636" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_status_change_case" ON "service_desk_status_change"  ("case_id", "at") `);
    await q.query(
      `INSERT INTO "service_desk_status_change" ("case_id", "from_status", "to_status", "actor", "at")
       SELECT "subject_id", "from_status", "to_status", CASE WHEN "actor_id" IS NULL THEN "actor_kind" ELSE "actor_kind" || ':' || "actor_id" END, "at"
         FROM "status_history" WHERE "subject_type" = 'service-desk.case'`,
    );
    await q.query(`DELETE FROM "status_history" WHERE "subject_type" = 'service-desk.case'`);
  }
}
