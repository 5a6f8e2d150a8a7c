import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims and repair orders keep their state changes in core's status_history table. Before, their
 * history was read from the audit trail; the moves recorded there are copied once, and repair orders
 * get the row of their creation (in `open`).
 */
export class StatusHistory1796403700000 implements MigrationInterface {
  name = 'StatusHistory1796403700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "status_history" ("subject_type", "subject_id", "from_status", "to_status", "actor_kind", "actor_id", "reason", "at")
       SELECT CASE a."object_type" WHEN 'WarrantyClaim' THEN 'warranty.claim' ELSE 'warranty.repair' END,
              a."object_id"::uuid, a."changes"->'status'->>'before', a."changes"->'status'->>'after',
              CASE WHEN a."actor_kind" IN ('staff', 'customer', 'apiKey') THEN a."actor_kind" ELSE 'system' END,
              CASE WHEN a."actor_kind" IN ('staff', 'customer', 'apiKey') THEN a."actor_id" END,
              NULL, a."occurred_at"
         FROM "audit_event" a
        WHERE a."object_type" IN ('WarrantyClaim', 'RepairOrder') AND a."changes"->'status'->>'after' IS NOT NULL
        ORDER BY a."occurred_at", a."id"`,
    );
    await q.query(
      `INSERT INTO "status_history" ("subject_type", "subject_id", "from_status", "to_status", "actor_kind", "actor_id", "reason", "at")
       SELECT 'warranty.repair', r."id", NULL, 'open',
              CASE WHEN split_part(r."created_by", ':', 1) IN ('staff', 'customer', 'apiKey') THEN split_part(r."created_by", ':', 1) ELSE 'system' END,
              CASE WHEN split_part(r."created_by", ':', 1) IN ('staff', 'customer', 'apiKey') THEN NULLIF(split_part(r."created_by", ':', 2), '') END,
              NULL, r."created_at"
         FROM "warranty_repair_order" r`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "status_history" WHERE "subject_type" IN ('warranty.claim', 'warranty.repair')`);
  }
}
