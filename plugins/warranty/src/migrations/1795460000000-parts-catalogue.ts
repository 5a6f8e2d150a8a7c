import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartsCatalogue1795460000000 implements MigrationInterface {
  name = 'PartsCatalogue1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "warranty_spare_part" ADD "reorder_level" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "warranty_spare_part" ADD "model_ids" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX "IDX_warranty_repair_visit_starts" ON "warranty_repair_visit"  ("starts_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_visit_starts"`);
    await q.query(`ALTER TABLE "warranty_spare_part" DROP COLUMN "model_ids"`);
    await q.query(`ALTER TABLE "warranty_spare_part" DROP COLUMN "reorder_level"`);
  }
}
