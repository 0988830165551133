import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122065507 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_conversion" drop constraint if exists "affiliate_conversion_order_id_campaign_id_is_test_unique";`);
    this.addSql(`create table if not exists "affiliate_erasure" ("id" text not null, "scope" text check ("scope" in ('order', 'email')) not null, "requested_by" text null, "orders_matched" integer not null default 0, "conversions_cleared" integer not null default 0, "clicks_cleared" integer not null default 0, "deliveries_cleared" integer not null default 0, "attributions_deleted" integer not null default 0, "request_logs_deleted" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_erasure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_erasure_deleted_at" ON "affiliate_erasure" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_retention_run" ("id" text not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "status" text check ("status" in ('running', 'finished', 'failed')) not null default 'running', "request_log_days" integer not null, "click_details_grace_days" integer not null, "request_logs_deleted" integer not null default 0, "clicks_cleared" integer not null default 0, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_retention_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_retention_run_deleted_at" ON "affiliate_retention_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_click" add column if not exists "details_cleared_at" timestamptz null;`);
    this.addSql(`alter table if exists "affiliate_click" alter column "landing_url" type text using ("landing_url"::text);`);
    this.addSql(`alter table if exists "affiliate_click" alter column "landing_url" drop not null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_campaign_id_created_at" ON "affiliate_click" ("campaign_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_affiliate_id_created_at" ON "affiliate_click" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_created_at" ON "affiliate_click" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_expires_at" ON "affiliate_click" ("expires_at") WHERE details_cleared_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_affiliate_conversion_campaign_id_order_id_is_test_unique";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_status";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_conversion_order_id_campaign_id_is_test_unique" ON "affiliate_conversion" ("order_id", "campaign_id", "is_test") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_campaign_id_created_at" ON "affiliate_conversion" ("campaign_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_affiliate_id_created_at" ON "affiliate_conversion" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_created_at" ON "affiliate_conversion" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_status_created_at" ON "affiliate_conversion" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_affiliate_request_log_outcome";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_created_at" ON "affiliate_request_log" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_request_id" ON "affiliate_request_log" ("request_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_click_token" ON "affiliate_request_log" ("click_token") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_erasure" cascade;`);

    this.addSql(`drop table if exists "affiliate_retention_run" cascade;`);

    this.addSql(`drop index if exists "IDX_affiliate_click_campaign_id_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_affiliate_id_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_expires_at";`);
    this.addSql(`alter table if exists "affiliate_click" drop column if exists "details_cleared_at";`);

    // Retention and erasure clear landing URLs; the earlier schema wants one: an empty string, by hand.
    this.addSql(`update "affiliate_click" set "landing_url" = '' where "landing_url" is null;`);
    this.addSql(`alter table if exists "affiliate_click" alter column "landing_url" type text using ("landing_url"::text);`);
    this.addSql(`alter table if exists "affiliate_click" alter column "landing_url" set not null;`);

    this.addSql(`drop index if exists "IDX_affiliate_conversion_order_id_campaign_id_is_test_unique";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_campaign_id_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_affiliate_id_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_status_created_at";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_conversion_campaign_id_order_id_is_test_unique" ON "affiliate_conversion" ("campaign_id", "order_id", "is_test") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_status" ON "affiliate_conversion" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_affiliate_request_log_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_request_log_request_id";`);
    this.addSql(`drop index if exists "IDX_affiliate_request_log_click_token";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_outcome" ON "affiliate_request_log" ("outcome") WHERE deleted_at IS NULL;`);
  }

}
