import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaAlerts1795448000780 implements MigrationInterface {
  name = 'SlaAlerts1795448000780';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sla_clock" ADD "alerts" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sla_clock" DROP COLUMN "alerts"`);
  }
}
