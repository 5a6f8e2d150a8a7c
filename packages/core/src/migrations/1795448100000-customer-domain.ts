import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerDomain1795448100000 implements MigrationInterface {
  name = 'CustomerDomain1795448100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "customer_consent_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "kind" text NOT NULL, "granted" boolean NOT NULL, "source" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b67774e527035e1e6c85dced2f0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_customer_consent_event_customer" ON "customer_consent_event"  ("customer_id", "at") `);
    await q.query(
      `CREATE TABLE "product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "category" text NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_22cc43e9a74d7498546e9a63e77" UNIQUE ("name"), CONSTRAINT "PK_bebc9158e480b949565b4dc7a82" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_product_category" ON "product"  ("category") `);
    await q.query(
      `CREATE TABLE "product_model" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "sku" text NOT NULL, "name" text NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "warranty_months" integer NOT NULL, "return_window_days" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_39434f0d207406a96f274c99375" UNIQUE ("sku"), CONSTRAINT "PK_deef06ea1075a8678683d25c718" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_product_model_product" ON "product_model"  ("product_id") `);
    await q.query(
      `CREATE TABLE "purchase" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "model_id" uuid NOT NULL, "serial_number" text, "purchased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "channel" text NOT NULL, "order_reference" text, "price_minor" integer NOT NULL, "currency" character(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_86cc2ebeb9e17fc9c0774b05f69" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_purchase_serial" ON "purchase"  ("serial_number") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_purchase_model_serial" ON "purchase"  ("model_id", "serial_number") `);
    await q.query(`CREATE INDEX "IDX_purchase_customer" ON "purchase"  ("customer_id", "purchased_at") `);
    await q.query(`ALTER TABLE "customer" ADD "emails" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "customer" ADD "phones" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "customer" ADD "addresses" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "customer" ADD "time_zone" text NOT NULL DEFAULT 'UTC'`);
    await q.query(`ALTER TABLE "customer" ADD "birthday" date`);
    await q.query(`ALTER TABLE "customer" ADD "marketing_consent" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "customer" ADD "marketing_consent_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customer" ADD "marketing_consent_source" text`);
    await q.query(`ALTER TABLE "customer" ADD "survey_consent" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "customer" ADD "survey_consent_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customer" ADD "survey_consent_source" text`);
    await q.query(`ALTER TABLE "customer" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "customer" ADD "company_name" text`);
    await q.query(`ALTER TABLE "customer" ADD "vat_id" text`);
    await q.query(`ALTER TABLE "customer" ADD "tier" text NOT NULL DEFAULT 'standard'`);
    await q.query(`ALTER TABLE "customer" ADD "search_text" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "customer" ADD "anonymized_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customer" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "customer" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX "IDX_customer_created_at" ON "customer"  ("created_at") `);
    await q.query(
      `ALTER TABLE "product_model" ADD CONSTRAINT "FK_00d349e2b955c97a61bb1c5ce6d" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "purchase" ADD CONSTRAINT "FK_2248a331258d17d204ccfe9497c" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "purchase" ADD CONSTRAINT "FK_9f3e5fa4bcb9663b560561a0a7c" FOREIGN KEY ("model_id") REFERENCES "product_model"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "purchase" DROP CONSTRAINT "FK_9f3e5fa4bcb9663b560561a0a7c"`);
    await q.query(`ALTER TABLE "purchase" DROP CONSTRAINT "FK_2248a331258d17d204ccfe9497c"`);
    await q.query(`ALTER TABLE "product_model" DROP CONSTRAINT "FK_00d349e2b955c97a61bb1c5ce6d"`);
    await q.query(`DROP INDEX "public"."IDX_customer_created_at"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "anonymized_at"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "search_text"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "tier"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "vat_id"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "company_name"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "tags"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "survey_consent_source"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "survey_consent_at"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "survey_consent"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "marketing_consent_source"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "marketing_consent_at"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "marketing_consent"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "birthday"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "time_zone"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "addresses"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "phones"`);
    await q.query(`ALTER TABLE "customer" DROP COLUMN "emails"`);
    await q.query(`DROP INDEX "public"."IDX_purchase_customer"`);
    await q.query(`DROP INDEX "public"."UQ_purchase_model_serial"`);
    await q.query(`DROP INDEX "public"."IDX_purchase_serial"`);
    await q.query(`DROP TABLE "purchase"`);
    await q.query(`DROP INDEX "public"."IDX_product_model_product"`);
    await q.query(`DROP TABLE "product_model"`);
    await q.query(`DROP INDEX "public"."IDX_product_category"`);
    await q.query(`DROP TABLE "product"`);
    await q.query(`DROP INDEX "public"."IDX_customer_consent_event_customer"`);
    await q.query(`DROP TABLE "customer_consent_event"`);
  }
}
