import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepairOrders1795453243336 implements MigrationInterface {
  name = 'RepairOrders1795453243336';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "warranty_repair_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "claim_id" uuid, "paid" boolean NOT NULL, "customer_id" uuid NOT NULL, "model_id" uuid NOT NULL, "serial_number" text, "status" text NOT NULL DEFAULT 'open', "diagnosis" text, "fault_codes" text array NOT NULL DEFAULT '{}', "technician_id" uuid, "labour_minutes" integer NOT NULL DEFAULT '0', "estimate_minor" integer, "currency" character(3), "estimate_note" text, "estimate_answered_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "replacement_serial" text, "completed_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e02ca66a0838e68578395ae46cd" UNIQUE ("number"), CONSTRAINT "PK_1a0712a273fecf4ac3c552293a8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_repair_order_claim" ON "warranty_repair_order"  ("claim_id") `);
    await q.query(`CREATE INDEX "IDX_warranty_repair_order_status" ON "warranty_repair_order"  ("status") `);
    await q.query(`CREATE INDEX "IDX_warranty_repair_order_serial" ON "warranty_repair_order"  ("serial_number") `);
    await q.query(
      `CREATE TABLE "warranty_repair_part" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "repair_order_id" uuid NOT NULL, "part_id" uuid NOT NULL, "sku" text NOT NULL, "quantity" integer NOT NULL, "unit_cost_minor" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0b0440552ef03e592f27c1eba5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_repair_part_order" ON "warranty_repair_part"  ("repair_order_id") `);
    await q.query(
      `CREATE TABLE "warranty_repair_visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "repair_order_id" uuid NOT NULL, "technician_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7707f8bd13be0011d7a2c30352" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_repair_visit_order" ON "warranty_repair_visit"  ("repair_order_id") `);
    await q.query(`CREATE INDEX "IDX_warranty_repair_visit_technician" ON "warranty_repair_visit"  ("technician_id", "starts_at") `);
    await q.query(
      `CREATE TABLE "warranty_spare_part" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sku" text NOT NULL, "name" text NOT NULL, "stock_quantity" integer NOT NULL, "cost_minor" integer NOT NULL, "currency" character(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f9cde404f1537e4e5b55e41dd49" UNIQUE ("sku"), CONSTRAINT "CHK_warranty_spare_part_stock" CHECK ("stock_quantity" >= 0), CONSTRAINT "PK_fb690c2aa7968185f3e40bf37c4" PRIMARY KEY ("id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "warranty_spare_part"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_visit_technician"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_visit_order"`);
    await q.query(`DROP TABLE "warranty_repair_visit"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_part_order"`);
    await q.query(`DROP TABLE "warranty_repair_part"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_order_serial"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_order_status"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_repair_order_claim"`);
    await q.query(`DROP TABLE "warranty_repair_order"`);
  }
}
