import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { CLICK_STAT_FUNCTION, CONVERSION_STAT_FUNCTION, FOLD_FUNCTION } from "../sql/rollups";

/*
 * Trust (contract, section 11; README, "Trust"): unique clicks (a click's visitor hash, the
 * campaign's window, unique clicks in the rollups), fraud signals (the campaign's rules, a
 * conversion's signals and its place in the review queue, the affiliates trusted for a signal and
 * the IP hashes they were seen at, a code's coupon counts), and where traffic comes from (a click's
 * country and referring host, and the breakdowns' rollups in `affiliate_stat_source`, sql/rollups.ts).
 *
 * The rollups' part is hand-written (derived data, not models). Clicks recorded before it have no
 * country nor referring host: they are "unknown" in the breakdowns (their device is known).
 */

/** The rollups' functions as Migration20261204212223 left them, for down(). */
const PREVIOUS_CLICK_STAT_FUNCTION = "create or replace function affiliate_click_stat() returns trigger language plpgsql as $$\n  begin\n    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then\n      insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (old.campaign_id, old.affiliate_id, (old.created_at at time zone 'UTC')::date, '', '', -1, 0, 0, 0);\n    end if;\n    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then\n      insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (new.campaign_id, new.affiliate_id, (new.created_at at time zone 'UTC')::date, '', '', 1, 0, 0, 0);\n    end if;\n    return null;\n  end $$;"
const PREVIOUS_CONVERSION_STAT_FUNCTION = "create or replace function affiliate_conversion_stat() returns trigger language plpgsql as $$\n  begin\n    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and not old.is_test then \n  insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (old.campaign_id, old.affiliate_id, (old.created_at at time zone 'UTC')::date, old.commission_currency, old.status, 0, -1, -1 * old.commission_amount,\n    case when old.order_currency = old.commission_currency then -1 * old.order_total else 0 end);\n  if old.order_currency <> old.commission_currency then\n    insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (old.campaign_id, old.affiliate_id, (old.created_at at time zone 'UTC')::date, old.order_currency, old.status, 0, 0, 0, -1 * old.order_total);\n  end if;\n    end if;\n    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and not new.is_test then \n  insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (new.campaign_id, new.affiliate_id, (new.created_at at time zone 'UTC')::date, new.commission_currency, new.status, 0, 1, 1 * new.commission_amount,\n    case when new.order_currency = new.commission_currency then 1 * new.order_total else 0 end);\n  if new.order_currency <> new.commission_currency then\n    insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission, sales) values (new.campaign_id, new.affiliate_id, (new.created_at at time zone 'UTC')::date, new.order_currency, new.status, 0, 0, 0, 1 * new.order_total);\n  end if;\n    end if;\n    return null;\n  end $$;"
const PREVIOUS_FOLD_FUNCTION = "create or replace function affiliate_stat_fold() returns bigint language plpgsql as $$\n  declare moved bigint;\n  begin\n    perform pg_advisory_xact_lock(hashtext('affiliate_stat_fold'));\n    with deltas as (delete from affiliate_stat_delta returning *),\n    summed as (\n      select campaign_id, affiliate_id, day, currency_code, status, sum(clicks) as clicks, sum(filtered_clicks) as filtered_clicks,\n             sum(conversions) as conversions, sum(commission) as commission, sum(sales) as sales, count(*) as n\n        from deltas group by campaign_id, day, affiliate_id, currency_code, status\n    ),\n    applied as (\n      insert into affiliate_stat_daily as s (campaign_id, affiliate_id, day, currency_code, status, clicks, filtered_clicks, conversions, commission, sales)\n      select campaign_id, affiliate_id, day, currency_code, status, clicks, filtered_clicks, conversions, commission, sales from summed\n       order by campaign_id, day, affiliate_id, currency_code, status\n      on conflict (campaign_id, day, affiliate_id, currency_code, status) do update\n        set clicks = s.clicks + excluded.clicks,\n            filtered_clicks = s.filtered_clicks + excluded.filtered_clicks,\n            conversions = s.conversions + excluded.conversions,\n            commission = s.commission + excluded.commission,\n            sales = s.sales + excluded.sales\n    )\n    select coalesce(sum(n), 0) into moved from summed;\n    return moved;\n  end $$;"

const SOURCE_TABLE = `create table if not exists "affiliate_stat_source" ("campaign_id" text not null, "affiliate_id" text not null, "day" date not null,
  "dimension" text not null, "key" text not null, "currency_code" text not null default '', "status" text not null default '',
  "clicks" bigint not null default 0, "unique_clicks" bigint not null default 0, "conversions" bigint not null default 0, "commission" numeric not null default 0,
  constraint "affiliate_stat_source_pkey" primary key ("campaign_id", "dimension", "day", "affiliate_id", "key", "currency_code", "status"));`

export class Migration20261204231145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_trust" drop constraint if exists "affiliate_trust_affiliate_id_code_unique";`);
    this.addSql(`alter table if exists "affiliate_known_ip" drop constraint if exists "affiliate_known_ip_affiliate_id_ip_hash_unique";`);
    this.addSql(`create table if not exists "affiliate_known_ip" ("id" text not null, "affiliate_id" text not null, "ip_hash" text not null, "source" text not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_known_ip_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_known_ip_deleted_at" ON "affiliate_known_ip" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_known_ip_affiliate_id_ip_hash_unique" ON "affiliate_known_ip" ("affiliate_id", "ip_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_known_ip_last_seen_at" ON "affiliate_known_ip" ("last_seen_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_trust" ("id" text not null, "affiliate_id" text not null, "code" text not null, "created_by" text null, "revoked_at" timestamptz null, "revoked_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_trust_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_trust_deleted_at" ON "affiliate_trust" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_trust_affiliate_id_code_unique" ON "affiliate_trust" ("affiliate_id", "code") WHERE revoked_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_campaign" add column if not exists "unique_click_window_minutes" integer not null default 60, add column if not exists "fraud_rules" jsonb not null default '{"fast_conversion_seconds":10,"ip_velocity_per_hour":10,"forbid_paid_search":false,"leaked_code_share":0.5,"disabled":[]}';`);

    this.addSql(`alter table if exists "affiliate_click" add column if not exists "visitor_hash" text null, add column if not exists "country" text null, add column if not exists "referrer_host" text null, add column if not exists "paid_search_param" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_visitor_hash_created_at" ON "affiliate_click" ("visitor_hash", "created_at") WHERE visitor_hash IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_conversion" add column if not exists "signals" jsonb not null default '[]', add column if not exists "flagged" boolean not null default false;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_review_queue" ON "affiliate_conversion" ("created_at") WHERE flagged = true AND status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_affiliate_id_ip_hash_created_at" ON "affiliate_conversion" ("affiliate_id", "ip_hash", "created_at") WHERE ip_hash IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_promotion" add column if not exists "conversions" integer not null default 0, add column if not exists "conversions_without_click" integer not null default 0;`);

    // Nothing reads these two by their soft-delete column.
    this.addSql(`drop index if exists "IDX_affiliate_known_ip_deleted_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_trust_deleted_at";`);

    // Unique clicks: every click row so far counted once in both.
    this.addSql(`alter table "affiliate_stat_daily" add column if not exists "unique_clicks" bigint not null default 0;`);
    this.addSql(`alter table "affiliate_stat_delta" add column if not exists "unique_clicks" bigint not null default 0,
      add column if not exists "country" text not null default '', add column if not exists "device" text not null default '',
      add column if not exists "referrer" text not null default '';`);
    this.addSql(`update "affiliate_stat_daily" set "unique_clicks" = "clicks" where "clicks" <> 0;`);
    this.addSql(`update "affiliate_stat_delta" set "unique_clicks" = "clicks" where "clicks" <> 0;`);

    // Where traffic came from, per dimension; what was recorded before, from the raw rows.
    this.addSql(SOURCE_TABLE);
    this.addSql(`create index if not exists "IDX_affiliate_stat_source_affiliate" on "affiliate_stat_source" ("affiliate_id", "dimension", "day");`);
    this.addSql(`insert into affiliate_stat_source (campaign_id, affiliate_id, day, dimension, key, clicks, unique_clicks)
      select k.campaign_id, k.affiliate_id, (k.created_at at time zone 'UTC')::date, x.dimension, x.key, count(*), count(*)
        from affiliate_click k cross join lateral (values ('country', 'unknown'), ('device', k.device_type), ('referrer', 'unknown')) x(dimension, key)
       where k.deleted_at is null group by 1, 2, 3, 4, 5;`);
    this.addSql(`insert into affiliate_stat_source (campaign_id, affiliate_id, day, dimension, key, currency_code, status, conversions, commission)
      select c.campaign_id, c.affiliate_id, (c.created_at at time zone 'UTC')::date, x.dimension, x.key, c.commission_currency, c.status, count(*), sum(c.commission_amount)
        from affiliate_conversion c left join affiliate_click k on k.id = c.click_id
        cross join lateral (values ('country', 'unknown'), ('device', coalesce(k.device_type, 'unknown')), ('referrer', 'unknown')) x(dimension, key)
       where c.deleted_at is null and not c.is_test group by 1, 2, 3, 4, 5, 6, 7;`);
    this.addSql(CLICK_STAT_FUNCTION);
    this.addSql(CONVERSION_STAT_FUNCTION);
    this.addSql(FOLD_FUNCTION);

    // Approved applications' addresses are their affiliates' own (self_referral_ip).
    this.addSql(`insert into affiliate_known_ip (id, affiliate_id, ip_hash, source, last_seen_at)
      select 'akip_' || upper(replace(gen_random_uuid()::text, '-', '')), affiliate_id, ip_hash, 'application', coalesce(reviewed_at, created_at)
        from affiliate_application where affiliate_id is not null and ip_hash is not null and deleted_at is null
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    // Into the rollups first, with the functions that know the new columns; then the rollups as
    // they were: a click is a click row again (repeat visits were counted in clicks only).
    this.addSql(`select affiliate_stat_fold();`);
    this.addSql(PREVIOUS_CLICK_STAT_FUNCTION);
    this.addSql(PREVIOUS_CONVERSION_STAT_FUNCTION);
    this.addSql(PREVIOUS_FOLD_FUNCTION);
    this.addSql(`update "affiliate_stat_daily" set "clicks" = "unique_clicks" where "clicks" <> "unique_clicks";`);
    this.addSql(`alter table "affiliate_stat_daily" drop column if exists "unique_clicks";`);
    this.addSql(`alter table "affiliate_stat_delta" drop column if exists "unique_clicks", drop column if exists "country",
      drop column if exists "device", drop column if exists "referrer";`);
    this.addSql(`drop table if exists "affiliate_stat_source";`);

    this.addSql(`drop table if exists "affiliate_known_ip" cascade;`);

    this.addSql(`drop table if exists "affiliate_trust" cascade;`);

    this.addSql(`alter table if exists "affiliate_campaign" drop column if exists "unique_click_window_minutes", drop column if exists "fraud_rules";`);

    this.addSql(`drop index if exists "IDX_affiliate_click_visitor_hash_created_at";`);
    this.addSql(`alter table if exists "affiliate_click" drop column if exists "visitor_hash", drop column if exists "country", drop column if exists "referrer_host", drop column if exists "paid_search_param";`);

    this.addSql(`drop index if exists "IDX_affiliate_conversion_review_queue";`);
    this.addSql(`drop index if exists "IDX_affiliate_conversion_affiliate_id_ip_hash_created_at";`);
    this.addSql(`alter table if exists "affiliate_conversion" drop column if exists "signals", drop column if exists "flagged";`);

    this.addSql(`alter table if exists "affiliate_promotion" drop column if exists "conversions", drop column if exists "conversions_without_click";`);
  }

}
