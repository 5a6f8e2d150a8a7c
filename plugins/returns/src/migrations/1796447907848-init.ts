import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1796447907848 implements MigrationInterface {
  name = 'Init1796447907848';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "returns_customer_signal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "kind" text NOT NULL, "subject_id" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_returns_customer_signal_subject" UNIQUE ("kind", "subject_id"), CONSTRAINT "PK_returns_customer_signal" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_customer_signal_customer" ON "returns_customer_signal"  ("customer_id") `);
    await q.query(
      `CREATE TABLE "returns_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "purchase_id" uuid NOT NULL, "model_id" uuid NOT NULL, "serial_number" text, "quantity" integer NOT NULL DEFAULT '1', "reason_id" uuid, "reason_code" text, "comment" text, "requested_resolution" text NOT NULL DEFAULT 'refund', "exchange_model_id" uuid, "legal_basis" text NOT NULL, "basis_explanation" text NOT NULL, "basis_note" text, "deadline_at" TIMESTAMP WITH TIME ZONE, "policy_id" uuid, "price_minor" integer NOT NULL, "quantity_received" integer, "quantity_damaged" integer, "returned_serial" text, "serial_matches" boolean, "condition_grade" text, "disposition" text, "inspection_note" text, "diminished_value_minor" integer NOT NULL DEFAULT '0', "diminished_value_reason" text, "inspected_at" TIMESTAMP WITH TIME ZONE, "warranty_claim_id" uuid, "version" integer NOT NULL, CONSTRAINT "PK_returns_line" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_line_purchase" ON "returns_line"  ("purchase_id") `);
    await q.query(`CREATE INDEX "IDX_returns_line_request" ON "returns_line"  ("request_id") `);
    await q.query(
      `CREATE TABLE "returns_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "priority" integer NOT NULL DEFAULT '100', "is_default" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "model_ids" uuid array NOT NULL DEFAULT '{}', "categories" text array NOT NULL DEFAULT '{}', "window_days" integer NOT NULL DEFAULT '30', "window_start" text NOT NULL DEFAULT 'delivery', "transit_buffer_days" integer NOT NULL DEFAULT '0', "condition_requirements" text NOT NULL DEFAULT '', "final_sale" boolean NOT NULL DEFAULT false, "return_shipping" text NOT NULL DEFAULT 'free', "return_shipping_fee_minor" integer NOT NULL DEFAULT '0', "restocking_fee_percent" integer NOT NULL DEFAULT '0', "restocking_fee_min_minor" integer NOT NULL DEFAULT '0', "refund_methods" text array NOT NULL DEFAULT '{original}', "keep_item_below_minor" integer NOT NULL DEFAULT '0', "jurisdiction" text NOT NULL DEFAULT 'EU', "withdrawal_right" boolean NOT NULL DEFAULT true, "withdrawal_informed" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_returns_policy" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_policy_priority" ON "returns_policy"  ("priority") `);
    await q.query(
      `CREATE TABLE "returns_reason" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "label" text NOT NULL, "parent_id" uuid, "non_conformity" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_returns_reason_code" UNIQUE ("code"), CONSTRAINT "PK_returns_reason" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_reason_parent" ON "returns_reason"  ("parent_id") `);
    await q.query(
      `CREATE TABLE "returns_refund" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "method" text NOT NULL, "status" text NOT NULL, "amount_minor" integer NOT NULL, "currency" character(3) NOT NULL, "breakdown" jsonb NOT NULL, "proposed_by" text NOT NULL, "approved_by" text, "payment_reference" text, "failure_reason" text, "paid_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_returns_refund" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_refund_request" ON "returns_refund"  ("request_id") `);
    await q.query(
      `CREATE TABLE "returns_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "reference" text NOT NULL, "customer_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'requested', "channel" text NOT NULL DEFAULT 'staff', "withdrawal" boolean NOT NULL DEFAULT false, "withdrawal_statement" text, "withdrawal_confirmed_at" TIMESTAMP WITH TIME ZONE, "refund_due_at" TIMESTAMP WITH TIME ZONE, "keep_item" boolean NOT NULL DEFAULT false, "decline_reason" text, "send_back_by" date, "carrier" text, "tracking_number" text, "shipped_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "exchange_model_id" text, "currency" character(3) NOT NULL, "created_by" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_returns_request_number" UNIQUE ("number"), CONSTRAINT "PK_returns_request" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_returns_request_customer" ON "returns_request"  ("customer_id") `);
    await q.query(`CREATE INDEX "IDX_returns_request_status" ON "returns_request"  ("status") `);
    // A working start: one default policy (30 days from delivery, EU withdrawal) and a reason tree.
    await q.query(
      `INSERT INTO "returns_policy" ("name", "priority", "is_default", "window_days", "window_start", "refund_methods", "version", "created_at", "updated_at")
       VALUES ('Standard returns', 1000, true, 30, 'delivery', '{original,store_credit,exchange}', 1, now(), now())`,
    );
    const reasons: Array<[string, string, string | null, boolean, number]> = [
      ['changed_mind', 'Changed my mind', null, false, 10],
      ['wrong_size', 'Wrong size or fit', null, false, 20],
      ['not_as_described', 'Not as described', null, true, 30],
      ['damaged', 'Damaged', null, true, 40],
      ['damaged_in_transit', 'Damaged in transit', 'damaged', true, 41],
      ['damaged_on_arrival', 'Damaged on arrival (does not work)', 'damaged', true, 42],
      ['defect', 'Stopped working (defect)', null, true, 50],
      ['wrong_item', 'Wrong item sent', null, false, 60],
    ];
    for (const [code, label, parent, nonConformity, position] of reasons) {
      await q.query(
        `INSERT INTO "returns_reason" ("code", "label", "parent_id", "non_conformity", "position")
         VALUES ($1, $2, (SELECT id FROM "returns_reason" WHERE code = $3), $4, $5)`,
        [code, label, parent, nonConformity, position],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_returns_request_status"`);
    await q.query(`DROP INDEX "public"."IDX_returns_request_customer"`);
    await q.query(`DROP TABLE "returns_request"`);
    await q.query(`DROP INDEX "public"."IDX_returns_refund_request"`);
    await q.query(`DROP TABLE "returns_refund"`);
    await q.query(`DROP INDEX "public"."IDX_returns_reason_parent"`);
    await q.query(`DROP TABLE "returns_reason"`);
    await q.query(`DROP INDEX "public"."IDX_returns_policy_priority"`);
    await q.query(`DROP TABLE "returns_policy"`);
    await q.query(`DROP INDEX "public"."IDX_returns_line_request"`);
    await q.query(`DROP INDEX "public"."IDX_returns_line_purchase"`);
    await q.query(`DROP TABLE "returns_line"`);
    await q.query(`DROP INDEX "public"."IDX_returns_customer_signal_customer"`);
    await q.query(`DROP TABLE "returns_customer_signal"`);
  }
}
