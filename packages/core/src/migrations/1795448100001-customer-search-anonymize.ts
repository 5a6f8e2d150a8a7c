import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what entities cannot express.
 * - Trigram index for `customers(search)`: substring search on name, e-mails, company and phone
 *   digits stays an index scan (pg_trgm ships with PostgreSQL's contrib modules).
 * - Anonymisation of the audit trail: the trail stays append-only, except that
 *   `audit_event_anonymize_actor(actor_id, display)` may replace how a customer actor is shown
 *   (their e-mail) and clear their IP address when the customer is anonymised. Nothing else of an
 *   entry can change.
 */
export class CustomerSearchAnonymize1795448100001 implements MigrationInterface {
  name = 'CustomerSearchAnonymize1795448100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`UPDATE customer SET search_text = lower(name || ' ' || email)`);
    await q.query(`CREATE INDEX "IDX_customer_search_trgm" ON customer USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('aftercare.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '30 days' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('aftercare.audit_anonymize', true) = 'on'
     AND OLD.actor_kind = 'customer'
     AND (to_jsonb(NEW) - 'actor_display' - 'ip') = (to_jsonb(OLD) - 'actor_display' - 'ip') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await q.query(`CREATE FUNCTION audit_event_anonymize_actor(customer_id text, display text) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE changed integer;
BEGIN
  PERFORM set_config('aftercare.audit_anonymize', 'on', true);
  UPDATE audit_event SET actor_display = display, ip = NULL WHERE actor_kind = 'customer' AND actor_id = customer_id;
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('aftercare.audit_anonymize', 'off', true);
  RETURN changed;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_event_anonymize_actor(text, text)`);
    await q.query(`CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('aftercare.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '30 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await q.query(`DROP INDEX "IDX_customer_search_trgm"`);
  }
}
