import type { MigrationInterface, QueryRunner } from 'typeorm';

/** First uses of idempotency keys, shared by every money and points move (see `idempotent`). */
export class IdempotencyRecords1795470000001 implements MigrationInterface {
  name = 'IdempotencyRecords1795470000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotency_record" (
      "scope" text NOT NULL,
      "key" text NOT NULL,
      "params_hash" text NOT NULL,
      "result_id" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_idempotency_record" PRIMARY KEY ("scope", "key")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_record"`);
  }
}
