import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live job-worker processes and the jobs each is running, kept fresh by a heartbeat. When a process
 * dies without stopping (kill -9, a crash), the others (or its own restart) see its heartbeat stop
 * and hand its jobs back to the queue at once, instead of waiting for the jobs to expire.
 */
export class JobWorkers1795470000002 implements MigrationInterface {
  name = 'JobWorkers1795470000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "job_worker" (
      "id" uuid NOT NULL,
      "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "active" jsonb NOT NULL DEFAULT '[]',
      CONSTRAINT "PK_job_worker" PRIMARY KEY ("id")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_worker"`);
  }
}
