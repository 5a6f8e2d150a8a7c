import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fresh installation can start SLA clocks at once: a Monday–Friday 09:00–17:00 UTC calendar and a
 * default policy (first response 4 business hours, next response 8, resolution 5 business days).
 * Admins edit both in the console; they are ordinary rows.
 */
export class SlaDefaults1795443432537 implements MigrationInterface {
  name = 'SlaDefaults1795443432537';

  async up(q: QueryRunner): Promise<void> {
    const day = '[{"start":"09:00","end":"17:00"}]';
    const [{ id }] = await q.query(
      `INSERT INTO business_calendar (name, time_zone, week, holidays, version)
       VALUES ('Standard hours', 'UTC', $1::jsonb, '[]'::jsonb, 1) RETURNING id`,
      [`{"1":${day},"2":${day},"3":${day},"4":${day},"5":${day}}`],
    );
    await q.query(
      `INSERT INTO sla_policy (name, priority, active, is_default, conditions, first_response_minutes, next_response_minutes, resolution_minutes, calendar_id, version)
       VALUES ('Standard', 1000, true, true, '{}'::jsonb, 240, 480, 2400, $1, 1)`,
      [id],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sla_policy WHERE name = 'Standard' AND is_default`);
    await q.query(`DELETE FROM business_calendar WHERE name = 'Standard hours'`);
  }
}
