import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1796447722086 implements MigrationInterface {
  name = 'Init1796447722086';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "loyalty_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "tier_code" text, "tier_since" TIMESTAMP WITH TIME ZONE, "downgrade_at" TIMESTAMP WITH TIME ZONE, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_account" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_loyalty_account_customer" ON "loyalty_account"  ("customer_id") `);
    await q.query(
      `CREATE TABLE "loyalty_ledger_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "account_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "kind" text NOT NULL, "points" integer NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "lot_id" uuid, "reason" text NOT NULL, "source_type" text NOT NULL, "source_id" text, "rule_id" uuid, "actor_kind" text NOT NULL, "actor_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_ledger_entry" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_loyalty_ledger_entry_customer" ON "loyalty_ledger_entry"  ("customer_id", "number") `);
    await q.query(`CREATE INDEX "IDX_loyalty_ledger_entry_source" ON "loyalty_ledger_entry"  ("source_type", "source_id") `);
    await q.query(`CREATE INDEX "IDX_loyalty_ledger_entry_account" ON "loyalty_ledger_entry"  ("account_id", "available_at") `);
    await q.query(
      `CREATE TABLE "loyalty_earning_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "trigger" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "fixed_points" integer NOT NULL DEFAULT '0', "points_per_unit" integer NOT NULL DEFAULT '0', "multiplier_percent" integer NOT NULL DEFAULT '100', "model_ids" text array NOT NULL DEFAULT '{}', "categories" text array NOT NULL DEFAULT '{}', "tiers" text array NOT NULL DEFAULT '{}', "valid_from" TIMESTAMP WITH TIME ZONE, "valid_to" TIMESTAMP WITH TIME ZONE, "cap_per_customer" integer, "cap_period_days" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_earning_rule" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_loyalty_earning_rule_trigger" ON "loyalty_earning_rule"  ("trigger") `);
    await q.query(
      `CREATE TABLE "loyalty_tier" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "threshold_points" integer NOT NULL, "multiplier_percent" integer NOT NULL DEFAULT '100', "extra_return_days" integer NOT NULL DEFAULT '0', "benefits" text NOT NULL DEFAULT '', CONSTRAINT "PK_loyalty_tier" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_loyalty_tier_code" ON "loyalty_tier"  ("code") `);
    await q.query(
      `CREATE TABLE "loyalty_promotion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "priority" integer NOT NULL DEFAULT '0', "exclusive" boolean NOT NULL DEFAULT false, "requires_coupon" boolean NOT NULL DEFAULT false, "starts_at" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "tiers" text array NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "model_ids" text array NOT NULL DEFAULT '{}', "categories" text array NOT NULL DEFAULT '{}', "channels" text array NOT NULL DEFAULT '{}', "min_subtotal_minor" integer, "action" text NOT NULL, "action_value" integer NOT NULL DEFAULT '0', "currency" character(3), "gift_text" text NOT NULL DEFAULT '', "usage_limit" integer, "per_customer_limit" integer, "budget_minor" integer, "uses_count" integer NOT NULL DEFAULT '0', "spent_minor" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_loyalty_promotion" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "loyalty_coupon" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "promotion_id" uuid NOT NULL, "batch_id" uuid, "customer_id" uuid, "max_uses" integer, "uses_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_coupon" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_loyalty_coupon_batch" ON "loyalty_coupon"  ("batch_id") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_loyalty_coupon_code" ON "loyalty_coupon"  ("code") `);
    await q.query(
      `CREATE TABLE "loyalty_coupon_redemption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "coupon_id" uuid NOT NULL, "promotion_id" uuid NOT NULL, "code" text NOT NULL, "customer_id" uuid, "order_reference" text NOT NULL, "discount_minor" integer NOT NULL, "currency" character(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_coupon_redemption" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_loyalty_coupon_redemption_promotion" ON "loyalty_coupon_redemption"  ("promotion_id", "customer_id") `,
    );
    await q.query(
      `CREATE TABLE "loyalty_reward" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "kind" text NOT NULL, "cost_points" integer NOT NULL, "value_minor" integer, "percent" integer, "stock" integer, "per_customer_limit" integer, "active" boolean NOT NULL DEFAULT true, "redeemed_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_loyalty_reward" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "loyalty_reward_redemption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reward_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "ledger_entry_id" uuid NOT NULL, "cost_points" integer NOT NULL, "coupon_code" text, "channel" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_reward_redemption" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_loyalty_reward_redemption_customer" ON "loyalty_reward_redemption"  ("customer_id", "reward_id") `);
    await q.query(
      `CREATE TABLE "loyalty_sweepstake" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "rules_text" text NOT NULL, "eligibility" text NOT NULL DEFAULT '', "prize" text NOT NULL, "winners_count" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "entry_events" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'open', "sealed_seed" text, "seed_hash" text, "list_hash" text, "committed_at" TIMESTAMP WITH TIME ZONE, "seed" text, "winner_entry_ids" text array, "drawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_sweepstake" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "loyalty_sweepstake_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sweepstake_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "source" text NOT NULL, "source_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_loyalty_sweepstake_entry" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_loyalty_sweepstake_entry_customer" ON "loyalty_sweepstake_entry"  ("customer_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_loyalty_sweepstake_entry_source" ON "loyalty_sweepstake_entry"  ("sweepstake_id", "source", "source_id") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."UQ_loyalty_sweepstake_entry_source"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_sweepstake_entry_customer"`);
    await q.query(`DROP TABLE "loyalty_sweepstake_entry"`);
    await q.query(`DROP TABLE "loyalty_sweepstake"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_reward_redemption_customer"`);
    await q.query(`DROP TABLE "loyalty_reward_redemption"`);
    await q.query(`DROP TABLE "loyalty_reward"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_coupon_redemption_promotion"`);
    await q.query(`DROP TABLE "loyalty_coupon_redemption"`);
    await q.query(`DROP INDEX "public"."UQ_loyalty_coupon_code"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_coupon_batch"`);
    await q.query(`DROP TABLE "loyalty_coupon"`);
    await q.query(`DROP TABLE "loyalty_promotion"`);
    await q.query(`DROP INDEX "public"."UQ_loyalty_tier_code"`);
    await q.query(`DROP TABLE "loyalty_tier"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_earning_rule_trigger"`);
    await q.query(`DROP TABLE "loyalty_earning_rule"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_ledger_entry_account"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_ledger_entry_source"`);
    await q.query(`DROP INDEX "public"."IDX_loyalty_ledger_entry_customer"`);
    await q.query(`DROP TABLE "loyalty_ledger_entry"`);
    await q.query(`DROP INDEX "public"."UQ_loyalty_account_customer"`);
    await q.query(`DROP TABLE "loyalty_account"`);
  }
}
