import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer portal: a sign-in message carries a one-time link next to its code (stored hashed,
 * like the code), and customers can ask for their data to be erased (staff review the request).
 */
export class CustomerPortal1795470000000 implements MigrationInterface {
  name = 'CustomerPortal1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customer_login_code" ADD "link_hash" text`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_customer_login_code_link_hash" ON "customer_login_code" ("link_hash") WHERE "link_hash" IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "customer_erasure_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "reason" text, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "handled_at" TIMESTAMP WITH TIME ZONE, "handled_by" text, CONSTRAINT "PK_customer_erasure_request" PRIMARY KEY ("id"), CONSTRAINT "FK_db3312000d1aa9e6e8773570458" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await q.query(`CREATE INDEX "IDX_customer_erasure_request_customer" ON "customer_erasure_request" ("customer_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_customer_erasure_request_pending" ON "customer_erasure_request" ("customer_id") WHERE "status" = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "customer_erasure_request"`);
    await q.query(`DROP INDEX "UQ_customer_login_code_link_hash"`);
    await q.query(`ALTER TABLE "customer_login_code" DROP COLUMN "link_hash"`);
  }
}
