import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795443172456 implements MigrationInterface {
  name = 'Identity1795443172456';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "built_in" boolean NOT NULL DEFAULT false, "permissions" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ae4578dcaed5adff96595e61660" UNIQUE ("name"), CONSTRAINT "PK_b36bcfe02fc8de3c57a8b2391c2" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_41a4f42a05b7aee26f9d3a0bb6b" UNIQUE ("email"), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" text NOT NULL, "secret_hash" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_c4f6ccad30c0862eb54af9fb0ac" UNIQUE ("prefix"), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_id" text, "actor_display" text, "action" text NOT NULL, "object_type" text NOT NULL, "object_id" text, "changes" jsonb, "metadata" jsonb, "request_id" text, "ip" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event"  ("occurred_at") `);
    await q.query(`CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event"  ("actor_id") `);
    await q.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event"  ("action") `);
    await q.query(`CREATE INDEX "IDX_6b46a8bb7a1e71f2a5e4e2b4ea" ON "audit_event"  ("object_type", "object_id") `);
    await q.query(
      `CREATE TABLE "customer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "locale" text NOT NULL DEFAULT 'en', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fdb2f3ad8115da4c7718109a6eb" UNIQUE ("email"), CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "kind" text NOT NULL, "staff_user_id" uuid, "customer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" text, CONSTRAINT "UQ_dcf5c3ee6b3682ac4e724dc9496" UNIQUE ("token_hash"), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_733de5ebddbd6db64021cc7229" ON "auth_session"  ("staff_user_id") `);
    await q.query(`CREATE INDEX "IDX_0a449d6aa9cfc9c250679bb56c" ON "auth_session"  ("customer_id") `);
    await q.query(
      `CREATE TABLE "customer_login_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "code_hash" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_eb658b3d7c0b197ddea40aef26c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_0c68753ab804e36508fbbd540a" ON "customer_login_code"  ("customer_id") `);
    await q.query(
      `CREATE TABLE "known_permission" ("name" text NOT NULL, "owner" text NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2712959206c895f73c625860241" PRIMARY KEY ("name"))`,
    );
    await q.query(
      `CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "staff_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_a802f319abf4af2432d629dfe5c" UNIQUE ("token_hash"), CONSTRAINT "PK_838af121380dfe3a6330e04f5bb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_599beeadd8ca6c5fc80155886d" ON "password_reset_token"  ("staff_user_id") `);
    await q.query(
      `CREATE TABLE "staff_user_role" ("staff_user_id" uuid NOT NULL, "role_id" uuid NOT NULL, CONSTRAINT "PK_edafd58d28852b440bd1ab2b637" PRIMARY KEY ("staff_user_id", "role_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_4851a4ffd1b1be78a3aa851c6a" ON "staff_user_role"  ("staff_user_id") `);
    await q.query(`CREATE INDEX "IDX_a1d835a0c2c688653a758279a9" ON "staff_user_role"  ("role_id") `);
    await q.query(
      `CREATE TABLE "api_key_role" ("api_key_id" uuid NOT NULL, "role_id" uuid NOT NULL, CONSTRAINT "PK_e205e4db9ce4f8194ab1bff3e3c" PRIMARY KEY ("api_key_id", "role_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_912d29e0435c5254f65034efab" ON "api_key_role"  ("api_key_id") `);
    await q.query(`CREATE INDEX "IDX_1b345560f83766d0271230ff06" ON "api_key_role"  ("role_id") `);
    await q.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "FK_1799b360b8b068fa98feb7bef75" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_733de5ebddbd6db64021cc72291" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_0a449d6aa9cfc9c250679bb56c7" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "customer_login_code" ADD CONSTRAINT "FK_0c68753ab804e36508fbbd540ae" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "password_reset_token" ADD CONSTRAINT "FK_599beeadd8ca6c5fc80155886d1" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_user_role" ADD CONSTRAINT "FK_4851a4ffd1b1be78a3aa851c6a4" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "staff_user_role" ADD CONSTRAINT "FK_a1d835a0c2c688653a758279a9e" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "api_key_role" ADD CONSTRAINT "FK_912d29e0435c5254f65034efab8" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "api_key_role" ADD CONSTRAINT "FK_1b345560f83766d0271230ff066" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_key_role" DROP CONSTRAINT "FK_1b345560f83766d0271230ff066"`);
    await q.query(`ALTER TABLE "api_key_role" DROP CONSTRAINT "FK_912d29e0435c5254f65034efab8"`);
    await q.query(`ALTER TABLE "staff_user_role" DROP CONSTRAINT "FK_a1d835a0c2c688653a758279a9e"`);
    await q.query(`ALTER TABLE "staff_user_role" DROP CONSTRAINT "FK_4851a4ffd1b1be78a3aa851c6a4"`);
    await q.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "FK_599beeadd8ca6c5fc80155886d1"`);
    await q.query(`ALTER TABLE "customer_login_code" DROP CONSTRAINT "FK_0c68753ab804e36508fbbd540ae"`);
    await q.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_0a449d6aa9cfc9c250679bb56c7"`);
    await q.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_733de5ebddbd6db64021cc72291"`);
    await q.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_1799b360b8b068fa98feb7bef75"`);
    await q.query(`DROP INDEX "public"."IDX_1b345560f83766d0271230ff06"`);
    await q.query(`DROP INDEX "public"."IDX_912d29e0435c5254f65034efab"`);
    await q.query(`DROP TABLE "api_key_role"`);
    await q.query(`DROP INDEX "public"."IDX_a1d835a0c2c688653a758279a9"`);
    await q.query(`DROP INDEX "public"."IDX_4851a4ffd1b1be78a3aa851c6a"`);
    await q.query(`DROP TABLE "staff_user_role"`);
    await q.query(`DROP INDEX "public"."IDX_599beeadd8ca6c5fc80155886d"`);
    await q.query(`DROP TABLE "password_reset_token"`);
    await q.query(`DROP TABLE "known_permission"`);
    await q.query(`DROP INDEX "public"."IDX_0c68753ab804e36508fbbd540a"`);
    await q.query(`DROP TABLE "customer_login_code"`);
    await q.query(`DROP INDEX "public"."IDX_0a449d6aa9cfc9c250679bb56c"`);
    await q.query(`DROP INDEX "public"."IDX_733de5ebddbd6db64021cc7229"`);
    await q.query(`DROP TABLE "auth_session"`);
    await q.query(`DROP TABLE "customer"`);
    await q.query(`DROP INDEX "public"."IDX_6b46a8bb7a1e71f2a5e4e2b4ea"`);
    await q.query(`DROP INDEX "public"."IDX_45452915f68f5a171bc4107b9e"`);
    await q.query(`DROP INDEX "public"."IDX_f44b7e9c0d50176bc07e018f63"`);
    await q.query(`DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"`);
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP TABLE "api_key"`);
    await q.query(`DROP TABLE "staff_user"`);
    await q.query(`DROP TABLE "role"`);
  }
}
