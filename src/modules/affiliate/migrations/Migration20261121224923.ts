import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121224923 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_conversion" drop constraint if exists "affiliate_conversion_campaign_id_order_id_is_test_unique";`);
    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_click_token_unique";`);
    this.addSql(`alter table if exists "affiliate_api_key" drop constraint if exists "affiliate_api_key_key_hash_unique";`);
    this.addSql(`alter table if exists "affiliate_campaign" drop constraint if exists "affiliate_campaign_handle_unique";`);
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_code_unique";`);
    this.addSql(`create table if not exists "affiliate" ("id" text not null, "code" text not null, "name" text not null, "email" text not null, "status" text check ("status" in ('active', 'paused')) not null default 'active', "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_deleted_at" ON "affiliate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_code_unique" ON "affiliate" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_campaign" ("id" text not null, "name" text not null, "handle" text not null, "type" text check ("type" in ('banner', 'text', 'link', 'video')) not null default 'link', "tool_type" text check ("tool_type" in ('sale', 'lead')) not null default 'sale', "target_url" text not null, "allowed_redirect_hosts" text[] not null default '{}', "integration_method" text check ("integration_method" in ('s2s')) not null default 's2s', "commission_type" text check ("commission_type" in ('percentage', 'flat')) not null default 'percentage', "commission_value" numeric not null, "currency_code" text null, "attribution_window_days" integer not null default 30, "status" text check ("status" in ('active', 'paused', 'archived')) not null default 'active', "metadata" jsonb null, "raw_commission_value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_campaign_deleted_at" ON "affiliate_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_campaign_handle_unique" ON "affiliate_campaign" ("handle") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_api_key" ("id" text not null, "key_hash" text not null, "key_ciphertext" text not null, "key_prefix" text not null, "expires_at" timestamptz null, "campaign_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_api_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_api_key_campaign_id" ON "affiliate_api_key" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_api_key_deleted_at" ON "affiliate_api_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_api_key_key_hash_unique" ON "affiliate_api_key" ("key_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_click" ("id" text not null, "click_token" text not null, "sub1" text null, "sub2" text null, "sub3" text null, "sub4" text null, "sub5" text null, "landing_url" text not null, "referrer" text null, "user_agent" text null, "device_type" text check ("device_type" in ('desktop', 'mobile', 'tablet', 'bot', 'other')) not null default 'other', "ip_hash" text null, "expires_at" timestamptz not null, "campaign_id" text not null, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_click_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_campaign_id" ON "affiliate_click" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_affiliate_id" ON "affiliate_click" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_deleted_at" ON "affiliate_click" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_click_click_token_unique" ON "affiliate_click" ("click_token") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_conversion" ("id" text not null, "order_id" text not null, "order_total" numeric not null, "order_currency" text not null, "commission_amount" numeric not null, "commission_currency" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'paid', 'reversed')) not null default 'pending', "status_reason" text null, "source" text check ("source" in ('s2s', 'store')) not null, "is_test" boolean not null default false, "limited_data_use" boolean not null default false, "user_agent" text null, "ip_hash" text null, "device_type" text null, "context" text null, "occurred_at" timestamptz not null, "duplicate_count" integer not null default 0, "metadata" jsonb null, "campaign_id" text not null, "affiliate_id" text not null, "click_id" text not null, "raw_order_total" jsonb not null, "raw_commission_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_conversion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_campaign_id" ON "affiliate_conversion" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_affiliate_id" ON "affiliate_conversion" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_click_id" ON "affiliate_conversion" ("click_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_deleted_at" ON "affiliate_conversion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_conversion_campaign_id_order_id_is_test_unique" ON "affiliate_conversion" ("campaign_id", "order_id", "is_test") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_status" ON "affiliate_conversion" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_request_log" ("id" text not null, "request_id" text not null, "source" text check ("source" in ('s2s', 'store')) not null default 's2s', "method" text null, "outcome" text check ("outcome" in ('success', 'duplicate', 'skipped', 'error')) not null, "http_status" integer null, "reason" text not null, "campaign_id" text null, "key_prefix" text null, "order_id" text null, "click_token" text null, "conversion_id" text null, "is_test" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_request_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_deleted_at" ON "affiliate_request_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_campaign_id_created_at" ON "affiliate_request_log" ("campaign_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_order_id" ON "affiliate_request_log" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_request_log_outcome" ON "affiliate_request_log" ("outcome") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_api_key" add constraint "affiliate_api_key_campaign_id_foreign" foreign key ("campaign_id") references "affiliate_campaign" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_click" add constraint "affiliate_click_campaign_id_foreign" foreign key ("campaign_id") references "affiliate_campaign" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_click" add constraint "affiliate_click_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_conversion" add constraint "affiliate_conversion_campaign_id_foreign" foreign key ("campaign_id") references "affiliate_campaign" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_conversion" add constraint "affiliate_conversion_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_conversion" add constraint "affiliate_conversion_click_id_foreign" foreign key ("click_id") references "affiliate_click" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_conversion" drop constraint if exists "affiliate_conversion_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_api_key" drop constraint if exists "affiliate_api_key_campaign_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_campaign_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_conversion" drop constraint if exists "affiliate_conversion_campaign_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_conversion" drop constraint if exists "affiliate_conversion_click_id_foreign";`);

    this.addSql(`drop table if exists "affiliate" cascade;`);

    this.addSql(`drop table if exists "affiliate_campaign" cascade;`);

    this.addSql(`drop table if exists "affiliate_api_key" cascade;`);

    this.addSql(`drop table if exists "affiliate_click" cascade;`);

    this.addSql(`drop table if exists "affiliate_conversion" cascade;`);

    this.addSql(`drop table if exists "affiliate_request_log" cascade;`);
  }

}
