import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795449959255 implements MigrationInterface {
  name = 'Init1795449959255';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "service_desk_team_member" ("team_id" uuid NOT NULL, "staff_user_id" uuid NOT NULL, "supervisor" boolean NOT NULL DEFAULT false, "absent" boolean NOT NULL DEFAULT false, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_759b0acf8c7ff162a9de426720c" PRIMARY KEY ("team_id", "staff_user_id"))`,
    );
    await q.query(
      `CREATE TABLE "service_desk_team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "auto_assign" text NOT NULL DEFAULT 'manual', "last_assigned_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6f3078ba1e4e3c1a08b41cda2f5" UNIQUE ("name"), CONSTRAINT "PK_6f4c2dadddbf2b0122ab4a3007d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "service_desk_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "severity" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "subject" text NOT NULL, "description" text NOT NULL, "customer_id" uuid NOT NULL, "purchase_id" uuid, "team_id" uuid, "assignee_id" uuid, "category" text, "root_cause" text, "outcome" text, "resolution_note" text, "merged_into_id" uuid, "staff_reply_count" integer NOT NULL DEFAULT '0', "reopen_count" integer NOT NULL DEFAULT '0', "first_response_at" TIMESTAMP WITH TIME ZONE, "first_resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "resolution_business_minutes" integer, "sla_due_at" TIMESTAMP WITH TIME ZONE, "sla_warn_at" TIMESTAMP WITH TIME ZONE, "sla_breached" boolean NOT NULL DEFAULT false, "escalated_at" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_13cb3ec8103e4649111137f7331" UNIQUE ("number"), CONSTRAINT "PK_4646d4ac33360dcf328ac4c5d4d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_case_due" ON "service_desk_case"  ("sla_due_at") `);
    await q.query(`CREATE INDEX "IDX_service_desk_case_assignee" ON "service_desk_case"  ("assignee_id", "status") `);
    await q.query(`CREATE INDEX "IDX_service_desk_case_status" ON "service_desk_case"  ("status") `);
    await q.query(`CREATE INDEX "IDX_service_desk_case_customer" ON "service_desk_case"  ("customer_id", "created_at") `);
    await q.query(
      `CREATE TABLE "service_desk_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "author_kind" text NOT NULL, "author_id" uuid, "author_display" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9181dd3484d6e980910bb1c2640" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_message_case" ON "service_desk_message"  ("case_id", "created_at") `);
    await q.query(
      `CREATE TABLE "service_desk_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "public" boolean NOT NULL DEFAULT true, "uploaded_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_246724d13734490b3e2b9471451" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_attachment_case" ON "service_desk_attachment"  ("case_id") `);
    await q.query(
      `CREATE TABLE "service_desk_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6058490b28dc5adfba3ba458636" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_status_change_case" ON "service_desk_status_change"  ("case_id", "at") `);
    await q.query(
      `CREATE TABLE "service_desk_compensation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "type" text NOT NULL, "value_minor" bigint NOT NULL, "currency" character(3) NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "idempotency_key" text NOT NULL, "proposed_by_kind" text NOT NULL, "proposed_by_id" uuid, "proposed_by_display" text, "decided_by_kind" text, "decided_by_id" uuid, "decided_by_display" text, "decision_reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f7688f17f10d89225ef7167e990" UNIQUE ("idempotency_key"), CONSTRAINT "PK_31615e8d6b1bc5d32cbe45ecd1d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_desk_compensation_case" ON "service_desk_compensation"  ("case_id") `);
    await q.query(
      `CREATE TABLE "service_desk_canned_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ab7357c5f77a34d42287bc7f4da" UNIQUE ("name"), CONSTRAINT "PK_625bed1772be90403acf75d7f9f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `ALTER TABLE "service_desk_team_member" ADD CONSTRAINT "FK_427707eafcfb61a9a65bdd0f3fe" FOREIGN KEY ("team_id") REFERENCES "service_desk_team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_team_member" ADD CONSTRAINT "FK_3e2ade71d42b2185f0f42f6412b" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_case" ADD CONSTRAINT "FK_ae119c724047e7892e40b0f71dc" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_case" ADD CONSTRAINT "FK_d2d9f66df8e9630e65a00a1ce66" FOREIGN KEY ("team_id") REFERENCES "service_desk_team"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_case" ADD CONSTRAINT "FK_a6ca4a3cbd223c77b2af93d848d" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_case" ADD CONSTRAINT "FK_e879050141d105e51a77516ba01" FOREIGN KEY ("merged_into_id") REFERENCES "service_desk_case"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_message" ADD CONSTRAINT "FK_c55ab878c8b2ed186ff3126c652" FOREIGN KEY ("case_id") REFERENCES "service_desk_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_attachment" ADD CONSTRAINT "FK_c853400a0c043465396a184915b" FOREIGN KEY ("case_id") REFERENCES "service_desk_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_status_change" ADD CONSTRAINT "FK_cc0c100f7ced146deb3c1ba0cd5" FOREIGN KEY ("case_id") REFERENCES "service_desk_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_desk_compensation" ADD CONSTRAINT "FK_e97b2632e1d969edfb8f8696673" FOREIGN KEY ("case_id") REFERENCES "service_desk_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_desk_compensation" DROP CONSTRAINT "FK_e97b2632e1d969edfb8f8696673"`);
    await q.query(`ALTER TABLE "service_desk_status_change" DROP CONSTRAINT "FK_cc0c100f7ced146deb3c1ba0cd5"`);
    await q.query(`ALTER TABLE "service_desk_attachment" DROP CONSTRAINT "FK_c853400a0c043465396a184915b"`);
    await q.query(`ALTER TABLE "service_desk_message" DROP CONSTRAINT "FK_c55ab878c8b2ed186ff3126c652"`);
    await q.query(`ALTER TABLE "service_desk_case" DROP CONSTRAINT "FK_e879050141d105e51a77516ba01"`);
    await q.query(`ALTER TABLE "service_desk_case" DROP CONSTRAINT "FK_a6ca4a3cbd223c77b2af93d848d"`);
    await q.query(`ALTER TABLE "service_desk_case" DROP CONSTRAINT "FK_d2d9f66df8e9630e65a00a1ce66"`);
    await q.query(`ALTER TABLE "service_desk_case" DROP CONSTRAINT "FK_ae119c724047e7892e40b0f71dc"`);
    await q.query(`ALTER TABLE "service_desk_team_member" DROP CONSTRAINT "FK_3e2ade71d42b2185f0f42f6412b"`);
    await q.query(`ALTER TABLE "service_desk_team_member" DROP CONSTRAINT "FK_427707eafcfb61a9a65bdd0f3fe"`);
    await q.query(`DROP TABLE "service_desk_canned_response"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_compensation_case"`);
    await q.query(`DROP TABLE "service_desk_compensation"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_status_change_case"`);
    await q.query(`DROP TABLE "service_desk_status_change"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_attachment_case"`);
    await q.query(`DROP TABLE "service_desk_attachment"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_message_case"`);
    await q.query(`DROP TABLE "service_desk_message"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_case_customer"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_case_status"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_case_assignee"`);
    await q.query(`DROP INDEX "public"."IDX_service_desk_case_due"`);
    await q.query(`DROP TABLE "service_desk_case"`);
    await q.query(`DROP TABLE "service_desk_team"`);
    await q.query(`DROP TABLE "service_desk_team_member"`);
  }
}
