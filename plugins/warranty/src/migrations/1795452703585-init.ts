import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795452703585 implements MigrationInterface {
  name = 'Init1795452703585';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "warranty_claim" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "customer_id" uuid NOT NULL, "registration_id" uuid, "purchase_id" uuid, "model_id" uuid NOT NULL, "serial_number" text, "status" text NOT NULL DEFAULT 'submitted', "description" text NOT NULL, "damage_type" text NOT NULL DEFAULT 'defect', "legal_basis" text, "consumer_remedy" text, "entitled" boolean NOT NULL, "entitlement" jsonb NOT NULL, "override_note" text, "rejection_reason" text, "decision_note" text, "info_request" text, "outcome" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e379c95eabe52dfa9980ba66309" UNIQUE ("number"), CONSTRAINT "PK_45e4b1ef75168da967bfc4bd657" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_claim_status" ON "warranty_claim"  ("status") `);
    await q.query(`CREATE INDEX "IDX_warranty_claim_customer" ON "warranty_claim"  ("customer_id", "created_at") `);
    await q.query(`CREATE INDEX "IDX_warranty_claim_serial" ON "warranty_claim"  ("serial_number") `);
    await q.query(
      `CREATE TABLE "warranty_contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "price_minor" integer NOT NULL, "currency" character(3) NOT NULL, "term_months" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claim_cap_minor" integer, "claimed_minor" integer NOT NULL DEFAULT '0', "deductible_minor" integer NOT NULL DEFAULT '0', "coverage_types" text array NOT NULL, "exclusions" text array NOT NULL DEFAULT '{}', "idempotency_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0206f5cc92848752728b8cc5264" UNIQUE ("idempotency_key"), CONSTRAINT "PK_7d86c335df0ad75f71e89ce8a8e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_contract_registration" ON "warranty_contract"  ("registration_id") `);
    await q.query(
      `CREATE TABLE "warranty_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "model_id" uuid, "category" text, "months" integer NOT NULL, "start_from" text NOT NULL, "coverage_types" text array NOT NULL, "exclusions" text array NOT NULL DEFAULT '{}', "legal_basis" text NOT NULL, "us_designation" text, "transferable" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_604474b4f752306a9b93a44001b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_policy_category" ON "warranty_policy"  ("category") `);
    await q.query(`CREATE INDEX "IDX_warranty_policy_model" ON "warranty_policy"  ("model_id") `);
    await q.query(
      `CREATE TABLE "warranty_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "purchase_id" uuid, "model_id" uuid NOT NULL, "serial_number" text, "purchased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "seller" text, "proof_of_purchase_ref" text, "source" text NOT NULL, "policy_id" uuid, "policy_name" text NOT NULL, "months" integer NOT NULL, "start_from" text NOT NULL, "coverage_types" text array NOT NULL, "exclusions" text array NOT NULL DEFAULT '{}', "legal_basis" text NOT NULL, "us_designation" text, "transferable" boolean NOT NULL DEFAULT false, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'active', "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5738beceb56409dbded1cc10be2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_registration_ends" ON "warranty_registration"  ("status", "ends_at") `);
    await q.query(`CREATE INDEX "IDX_warranty_registration_serial" ON "warranty_registration"  ("serial_number") `);
    await q.query(`CREATE INDEX "IDX_warranty_registration_customer" ON "warranty_registration"  ("customer_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_warranty_registration_serial" ON "warranty_registration"  ("model_id", "serial_number") WHERE "serial_number" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_warranty_registration_purchase" ON "warranty_registration"  ("purchase_id") WHERE "purchase_id" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "warranty_claim" ADD CONSTRAINT "FK_c97f5f9878d17f38fd0c06f0484" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "warranty_registration" ADD CONSTRAINT "FK_fbfadada1ddb2deddb9be4c3e3b" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "warranty_registration" DROP CONSTRAINT "FK_fbfadada1ddb2deddb9be4c3e3b"`);
    await q.query(`ALTER TABLE "warranty_claim" DROP CONSTRAINT "FK_c97f5f9878d17f38fd0c06f0484"`);
    await q.query(`DROP INDEX "public"."UQ_warranty_registration_purchase"`);
    await q.query(`DROP INDEX "public"."UQ_warranty_registration_serial"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_registration_customer"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_registration_serial"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_registration_ends"`);
    await q.query(`DROP TABLE "warranty_registration"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_policy_model"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_policy_category"`);
    await q.query(`DROP TABLE "warranty_policy"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_contract_registration"`);
    await q.query(`DROP TABLE "warranty_contract"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_claim_serial"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_claim_customer"`);
    await q.query(`DROP INDEX "public"."IDX_warranty_claim_status"`);
    await q.query(`DROP TABLE "warranty_claim"`);
  }
}
