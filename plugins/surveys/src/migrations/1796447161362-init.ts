import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plugin's first table: its items. Later changes: `pnpm aftercare migration:generate surveys <Name>`. */
export class Init1796447161362 implements MigrationInterface {
  name = 'Init1796447161362';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "surveys_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "reference" text NOT NULL, "title" text NOT NULL, "customer_id" uuid, "status" text NOT NULL DEFAULT 'open', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_surveys_item_number" UNIQUE ("number"), CONSTRAINT "PK_surveys_item" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_surveys_item_status" ON "surveys_item" ("status")`);
    await q.query(`CREATE INDEX "IDX_surveys_item_customer" ON "surveys_item" ("customer_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "surveys_item"`);
  }
}
