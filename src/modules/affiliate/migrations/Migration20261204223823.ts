import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204223823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_payout_details" drop constraint if exists "affiliate_payout_details_affiliate_id_unique";`);
    this.addSql(`alter table if exists "affiliate_enrollment" drop constraint if exists "affiliate_enrollment_affiliate_id_campaign_id_unique";`);
    this.addSql(`alter table if exists "affiliate_application" drop constraint if exists "affiliate_application_confirm_token_hash_unique";`);
    this.addSql(`create table if not exists "affiliate_application" ("id" text not null, "name" text not null, "email" text not null, "website" text null, "promotion_plan" text not null, "status" text check ("status" in ('pending_confirmation', 'pending', 'approved', 'rejected')) not null default 'pending_confirmation', "confirm_token_hash" text null, "confirm_expires_at" timestamptz null, "confirmed_at" timestamptz null, "ip_hash" text null, "reviewed_at" timestamptz null, "reviewed_by" text null, "rejection_reason" text null, "affiliate_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_application_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_application_deleted_at" ON "affiliate_application" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_application_confirm_token_hash_unique" ON "affiliate_application" ("confirm_token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_application_status_created_at" ON "affiliate_application" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_application_ip_hash_created_at" ON "affiliate_application" ("ip_hash", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_application_email" ON "affiliate_application" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_enrollment" ("id" text not null, "affiliate_id" text not null, "campaign_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_enrollment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_enrollment_deleted_at" ON "affiliate_enrollment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_enrollment_affiliate_id_campaign_id_unique" ON "affiliate_enrollment" ("affiliate_id", "campaign_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_payout_details" ("id" text not null, "affiliate_id" text not null, "method" text check ("method" in ('paypal', 'bank')) not null, "details_ciphertext" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_details_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_details_deleted_at" ON "affiliate_payout_details" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_payout_details_affiliate_id_unique" ON "affiliate_payout_details" ("affiliate_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_program_settings" ("id" text not null, "applications_open" boolean not null default false, "auto_approve" boolean not null default false, "terms_url" text null, "application_campaign_ids" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_program_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_settings_deleted_at" ON "affiliate_program_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_webhook" ("id" text not null, "url" text not null, "events" text[] not null, "secret_ciphertext" text not null, "status" text check ("status" in ('enabled', 'disabled')) not null default 'enabled', "disabled_reason" text null, "consecutive_failures" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_webhook_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_webhook_deleted_at" ON "affiliate_webhook" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate" add column if not exists "email_notifications" text check ("email_notifications" in ('each', 'daily', 'off')) not null default 'off';`);

    this.addSql(`alter table if exists "affiliate_outbound_delivery" add column if not exists "webhook_id" text null, add column if not exists "event_type" text null;`);
    this.addSql(`alter table if exists "affiliate_outbound_delivery" alter column "campaign_id" type text using ("campaign_id"::text);`);
    this.addSql(`alter table if exists "affiliate_outbound_delivery" alter column "campaign_id" drop not null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_outbound_delivery_webhook_id_created_at" ON "affiliate_outbound_delivery" ("webhook_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_application" cascade;`);

    this.addSql(`drop table if exists "affiliate_enrollment" cascade;`);

    this.addSql(`drop table if exists "affiliate_payout_details" cascade;`);

    this.addSql(`drop table if exists "affiliate_program_settings" cascade;`);

    this.addSql(`drop table if exists "affiliate_webhook" cascade;`);

    this.addSql(`alter table if exists "affiliate" drop column if exists "email_notifications";`);

    // Webhook deliveries have no campaign: they go with the webhooks (and their attempts with them).
    this.addSql(`delete from "affiliate_outbound_attempt" where "delivery_id" in (select "id" from "affiliate_outbound_delivery" where "webhook_id" is not null);`);
    this.addSql(`delete from "affiliate_outbound_delivery" where "webhook_id" is not null;`);
    this.addSql(`drop index if exists "IDX_affiliate_outbound_delivery_webhook_id_created_at";`);
    this.addSql(`alter table if exists "affiliate_outbound_delivery" drop column if exists "webhook_id", drop column if exists "event_type";`);

    this.addSql(`alter table if exists "affiliate_outbound_delivery" alter column "campaign_id" type text using ("campaign_id"::text);`);
    this.addSql(`alter table if exists "affiliate_outbound_delivery" alter column "campaign_id" set not null;`);
  }

}
