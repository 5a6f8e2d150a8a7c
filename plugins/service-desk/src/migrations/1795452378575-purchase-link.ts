import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PurchaseLink1795452378575 implements MigrationInterface {
  name = 'PurchaseLink1795452378575';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "service_desk_case" ADD CONSTRAINT "FK_5d4633aa53a5699bab38cbc511b" FOREIGN KEY ("purchase_id") REFERENCES "purchase"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_desk_case" DROP CONSTRAINT "FK_5d4633aa53a5699bab38cbc511b"`);
  }
}
