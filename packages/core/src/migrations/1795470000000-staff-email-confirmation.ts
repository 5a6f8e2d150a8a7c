import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A changed staff email waits in `pending_email` until its owner confirms it with the token sent there. */
export class StaffEmailConfirmation1795470000000 implements MigrationInterface {
  name = 'StaffEmailConfirmation1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_user" ADD "pending_email" text`);
    await q.query(`ALTER TABLE "staff_user" ADD "pending_email_token_hash" text`);
    await q.query(`ALTER TABLE "staff_user" ADD "pending_email_expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_user" DROP COLUMN "pending_email_expires_at"`);
    await q.query(`ALTER TABLE "staff_user" DROP COLUMN "pending_email_token_hash"`);
    await q.query(`ALTER TABLE "staff_user" DROP COLUMN "pending_email"`);
  }
}
