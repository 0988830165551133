import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121231059 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_outbound_delivery" drop constraint if exists "affiliate_outbound_delivery_conversion_id_unique";`);
    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_cart_id_unique";`);
    this.addSql(`create table if not exists "affiliate_attribution" ("id" text not null, "cart_id" text not null, "click_token" text null, "token_source" text check ("token_source" in ('body', 'cookie')) null, "token_captured_at" timestamptz null, "consent" text check ("consent" in ('granted', 'denied')) null, "consent_at" timestamptz null, "consent_source" text null, "click_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_click_id" ON "affiliate_attribution" ("click_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_deleted_at" ON "affiliate_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_attribution_cart_id_unique" ON "affiliate_attribution" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_commission_adjustment" ("id" text not null, "amount" numeric not null, "currency_code" text not null, "reason" text not null, "conversion_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_adjustment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_adjustment_conversion_id" ON "affiliate_commission_adjustment" ("conversion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_adjustment_deleted_at" ON "affiliate_commission_adjustment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_outbound_delivery" ("id" text not null, "conversion_id" text null, "campaign_id" text not null, "url" text not null, "method" text check ("method" in ('POST', 'GET')) not null default 'POST', "payload" jsonb not null, "status" text check ("status" in ('pending', 'delivered', 'failed')) not null default 'pending', "is_test" boolean not null default false, "attempt_count" integer not null default 0, "max_attempts" integer not null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_outbound_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_outbound_delivery_deleted_at" ON "affiliate_outbound_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_outbound_delivery_status_next_attempt_at" ON "affiliate_outbound_delivery" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_outbound_delivery_conversion_id_unique" ON "affiliate_outbound_delivery" ("conversion_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_outbound_attempt" ("id" text not null, "http_status" integer null, "error" text null, "response_excerpt" text null, "duration_ms" integer not null, "delivery_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_outbound_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_outbound_attempt_delivery_id" ON "affiliate_outbound_attempt" ("delivery_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_outbound_attempt_deleted_at" ON "affiliate_outbound_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_attribution" add constraint "affiliate_attribution_click_id_foreign" foreign key ("click_id") references "affiliate_click" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "affiliate_commission_adjustment" add constraint "affiliate_commission_adjustment_conversion_id_foreign" foreign key ("conversion_id") references "affiliate_conversion" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_outbound_attempt" add constraint "affiliate_outbound_attempt_delivery_id_foreign" foreign key ("delivery_id") references "affiliate_outbound_delivery" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_campaign" add column if not exists "outbound_url" text null, add column if not exists "outbound_method" text check ("outbound_method" in ('POST', 'GET')) not null default 'POST', add column if not exists "outbound_api_key_ciphertext" text null, add column if not exists "outbound_parameter_names" jsonb null;`);

    this.addSql(`alter table if exists "affiliate_conversion" add column if not exists "refunded_total" numeric not null default 0, add column if not exists "raw_refunded_total" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_outbound_attempt" drop constraint if exists "affiliate_outbound_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_attribution" cascade;`);

    this.addSql(`drop table if exists "affiliate_commission_adjustment" cascade;`);

    this.addSql(`drop table if exists "affiliate_outbound_delivery" cascade;`);

    this.addSql(`drop table if exists "affiliate_outbound_attempt" cascade;`);

    this.addSql(`alter table if exists "affiliate_campaign" drop column if exists "outbound_url", drop column if exists "outbound_method", drop column if exists "outbound_api_key_ciphertext", drop column if exists "outbound_parameter_names";`);

    this.addSql(`alter table if exists "affiliate_conversion" drop column if exists "refunded_total", drop column if exists "raw_refunded_total";`);
  }

}
