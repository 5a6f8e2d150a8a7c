import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreInit1732000000000 implements MigrationInterface {
  name = 'CoreInit1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "setting" ("owner" text NOT NULL, "value" jsonb NOT NULL DEFAULT '{}'::jsonb, "version" integer NOT NULL DEFAULT 1, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_setting_owner" PRIMARY KEY ("owner"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "setting"`);
  }
}
