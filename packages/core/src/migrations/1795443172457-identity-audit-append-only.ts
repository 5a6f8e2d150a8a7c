import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what entities cannot express. The audit trail is append-only in the database
 * itself (UPDATE, DELETE and TRUNCATE are rejected), except for the retention purge, which runs
 * through `audit_event_purge(days)` and can only remove entries older than 30 days. Also the
 * shared store of the login/code rate limiters (rate-limiter-flexible's Postgres layout).
 */
export class IdentityAuditAppendOnly1795443172457 implements MigrationInterface {
  name = 'IdentityAuditAppendOnly1795443172457';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('aftercare.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '30 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await q.query(
      `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change()`,
    );
    await q.query(`CREATE FUNCTION audit_event_purge(retention_days integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE removed integer;
BEGIN
  IF retention_days < 30 THEN
    RAISE EXCEPTION 'audit retention must be at least 30 days, got %', retention_days;
  END IF;
  PERFORM set_config('aftercare.audit_purge', 'on', true);
  DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => retention_days);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('aftercare.audit_purge', 'off', true);
  RETURN removed;
END $$`);
    await q.query(`CREATE TABLE rate_limit (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
    await q.query(`DROP FUNCTION audit_event_purge(integer)`);
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await q.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_reject_change()`);
  }
}
