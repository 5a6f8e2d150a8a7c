import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base tables, plus what search needs: the unaccent and pg_trgm extensions, one unaccented text
 * search configuration per supported language (English and Spanish with stemming, simple as the fallback),
 * a GIN index on the weighted search vectors and a trigram index on normalised titles (typo tolerance).
 */
export class Init1796447395195 implements MigrationInterface {
  name = 'Init1796447395195';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, base] of [
      ['kb_english', 'english'],
      ['kb_spanish', 'spanish'],
      ['kb_simple', 'simple'],
    ]) {
      await q.query(
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${name}') THEN
             CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${base});
             ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${base === 'simple' ? 'simple' : `${base}_stem`};
           END IF;
         END $$`,
      );
    }
    await q.query(
      `CREATE TABLE "knowledge_base_article" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "status" text NOT NULL, "visibility" text NOT NULL, "category_id" uuid, "default_locale" text NOT NULL, "model_ids" uuid array NOT NULL, "tags" text array NOT NULL, "related_ids" uuid array NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "unpublish_at" TIMESTAMP WITH TIME ZONE, "last_reviewed_at" TIMESTAMP WITH TIME ZONE, "owner_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_article" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_article_category" ON "knowledge_base_article"  ("category_id") `);
    await q.query(`CREATE INDEX "IDX_knowledge_base_article_status" ON "knowledge_base_article"  ("status") `);
    await q.query(
      `CREATE TABLE "knowledge_base_category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "slug" text NOT NULL, "names" jsonb NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_category" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_knowledge_base_category_slug" ON "knowledge_base_category"  ("slug") `);
    await q.query(
      `CREATE TABLE "knowledge_base_vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "customer_id" uuid, "helpful" boolean NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_vote" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_vote_article" ON "knowledge_base_vote"  ("article_id") `);
    await q.query(
      `CREATE TABLE "knowledge_base_suggestion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid, "model_id" uuid, "query_text" text NOT NULL, "article_ids" uuid array NOT NULL, "shown_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_article_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE, "helpful" boolean, "case_id" uuid, "case_opened_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_knowledge_base_suggestion" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_suggestion_customer" ON "knowledge_base_suggestion"  ("customer_id", "shown_at") `);
    await q.query(
      `CREATE TABLE "knowledge_base_search" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "query" text NOT NULL, "locale" text NOT NULL, "result_count" integer NOT NULL, "customer_id" uuid, "clicked_article_id" uuid, "searched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_search" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_search_at" ON "knowledge_base_search"  ("searched_at") `);
    await q.query(
      `CREATE TABLE "knowledge_base_case_signal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "model_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_5db42435c6820c401759b251ec4" UNIQUE ("case_id"), CONSTRAINT "PK_knowledge_base_case_signal" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_case_signal_model" ON "knowledge_base_case_signal"  ("model_id", "opened_at") `);
    await q.query(
      `CREATE TABLE "knowledge_base_guide" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "titles" jsonb NOT NULL, "model_id" uuid, "article_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_guide" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_knowledge_base_guide_slug" ON "knowledge_base_guide"  ("slug") `);
    await q.query(
      `CREATE TABLE "knowledge_base_guide_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "guide_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "article_id" uuid NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_guide_progress" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_knowledge_base_guide_progress" ON "knowledge_base_guide_progress"  ("guide_id", "customer_id", "article_id") `,
    );
    await q.query(
      `CREATE TABLE "knowledge_base_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "locale" text NOT NULL, "number" integer NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "body" text NOT NULL, "note" text, "author" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_revision" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_knowledge_base_revision_number" ON "knowledge_base_revision"  ("article_id", "locale", "number") `,
    );
    await q.query(
      `CREATE TABLE "knowledge_base_translation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "locale" text NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "body_text" text NOT NULL, "title_norm" text NOT NULL, "search_config" text NOT NULL, "search_vector" tsvector, "revision" integer NOT NULL, "source_revision" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_base_translation" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_knowledge_base_translation_locale_slug" ON "knowledge_base_translation"  ("locale", "slug") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_knowledge_base_translation_article_locale" ON "knowledge_base_translation"  ("article_id", "locale") `,
    );
    await q.query(`CREATE INDEX "IDX_knowledge_base_translation_search" ON "knowledge_base_translation" USING GIN ("search_vector")`);
    await q.query(
      `CREATE INDEX "IDX_knowledge_base_translation_title_trgm" ON "knowledge_base_translation" USING GIN ("title_norm" gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_translation_title_trgm"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_translation_search"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_translation_article_locale"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_translation_locale_slug"`);
    await q.query(`DROP TABLE "knowledge_base_translation"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_revision_number"`);
    await q.query(`DROP TABLE "knowledge_base_revision"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_guide_progress"`);
    await q.query(`DROP TABLE "knowledge_base_guide_progress"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_guide_slug"`);
    await q.query(`DROP TABLE "knowledge_base_guide"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_case_signal_model"`);
    await q.query(`DROP TABLE "knowledge_base_case_signal"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_search_at"`);
    await q.query(`DROP TABLE "knowledge_base_search"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_suggestion_customer"`);
    await q.query(`DROP TABLE "knowledge_base_suggestion"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_vote_article"`);
    await q.query(`DROP TABLE "knowledge_base_vote"`);
    await q.query(`DROP INDEX "public"."UQ_knowledge_base_category_slug"`);
    await q.query(`DROP TABLE "knowledge_base_category"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_article_status"`);
    await q.query(`DROP INDEX "public"."IDX_knowledge_base_article_category"`);
    await q.query(`DROP TABLE "knowledge_base_article"`);
    for (const name of ['kb_english', 'kb_spanish', 'kb_simple']) await q.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${name}`);
  }
}
