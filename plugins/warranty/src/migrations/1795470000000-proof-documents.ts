import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Proofs of purchase uploaded by customers with a registration of an item bought elsewhere. */
export class ProofDocuments1795470000000 implements MigrationInterface {
  name = 'ProofDocuments1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "warranty_proof_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_warranty_proof_document" PRIMARY KEY ("id"), CONSTRAINT "FK_1a381676bfbe185b5778f5c9027" FOREIGN KEY ("registration_id") REFERENCES "warranty_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await q.query(`CREATE INDEX "IDX_warranty_proof_document_registration" ON "warranty_proof_document" ("registration_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "warranty_proof_document"`);
  }
}
