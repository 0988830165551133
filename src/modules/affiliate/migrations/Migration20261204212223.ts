import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { CONVERSION_STAT_FUNCTION, CONVERSION_STAT_UPDATE_TRIGGER, FOLD_FUNCTION } from "../sql/rollups";

/**
 * What was sold (contract, section 8): a conversion's items, the rate and rule each was recorded
 * with, the campaign's commission rules, the customer type; and sales (order totals) in the
 * rollups, for the rules' monthly-sales tiers (sql/rollups.ts).
 */
export class Migration20261204212223 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_conversion_item" ("id" text not null, "sku" text not null, "product_id" text null, "category" text[] not null default '{}', "collection" text null, "quantity" integer not null default 1, "item_value" numeric not null, "commission_amount" numeric null, "commission_rate" numeric null, "rule_id" text null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "metadata" jsonb null, "conversion_id" text not null, "raw_item_value" jsonb not null, "raw_commission_amount" jsonb null, "raw_commission_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_conversion_item_pkey" primary key ("id"));`);
    // Only the index items are read by (a conversion's, by sku); it serves the foreign key too.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_item_conversion_id_sku" ON "affiliate_conversion_item" ("conversion_id", "sku") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_conversion_item" add constraint "affiliate_conversion_item_conversion_id_foreign" foreign key ("conversion_id") references "affiliate_conversion" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_campaign" add column if not exists "commission_rules" jsonb not null default '[]';`);

    this.addSql(`alter table if exists "affiliate_conversion" add column if not exists "commission_type" text check ("commission_type" in ('percentage', 'flat')) null, add column if not exists "commission_rate" numeric null, add column if not exists "commission_rule_id" text null, add column if not exists "customer_type" text check ("customer_type" in ('new', 'returning')) null, add column if not exists "raw_commission_rate" jsonb null;`);

    // The shop's validation calls are logged too.
    this.addSql(`alter table if exists "affiliate_request_log" drop constraint if exists "affiliate_request_log_source_check";`);
    this.addSql(`alter table if exists "affiliate_request_log" add constraint "affiliate_request_log_source_check" check("source" in ('s2s', 'store', 's2s_validate'));`);

    this.addSql(`alter table "affiliate_stat_daily" add column if not exists "sales" numeric not null default 0;`);
    this.addSql(`alter table "affiliate_stat_delta" add column if not exists "sales" numeric not null default 0;`);
    this.addSql(CONVERSION_STAT_FUNCTION);
    this.addSql(`drop trigger if exists affiliate_conversion_stat_update on affiliate_conversion;`);
    this.addSql(CONVERSION_STAT_UPDATE_TRIGGER);
    this.addSql(FOLD_FUNCTION);
    // Sales of the conversions recorded before: as deltas, folded by the next run.
    this.addSql(`insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, sales)
      select campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, order_currency, status, sum(order_total)
        from affiliate_conversion where deleted_at is null and not is_test group by 1, 2, 3, 4, 5;`);
  }

  override async down(): Promise<void> {
    // The rollups' functions as they were before sales (Migration20261122065700), then the column.
    this.addSql(`drop trigger if exists affiliate_conversion_stat_update on affiliate_conversion;`);
    this.addSql(`create trigger affiliate_conversion_stat_update after update on affiliate_conversion for each row
      when (old.status is distinct from new.status or old.commission_amount is distinct from new.commission_amount
        or old.commission_currency is distinct from new.commission_currency or old.deleted_at is distinct from new.deleted_at
        or old.is_test is distinct from new.is_test or old.campaign_id is distinct from new.campaign_id
        or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
      execute function affiliate_conversion_stat();`);
    this.addSql(`create or replace function affiliate_conversion_stat() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and not old.is_test then
          insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission)
          values (old.campaign_id, old.affiliate_id, (old.created_at at time zone 'UTC')::date, old.commission_currency, old.status, 0, -1, -old.commission_amount);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and not new.is_test then
          insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission)
          values (new.campaign_id, new.affiliate_id, (new.created_at at time zone 'UTC')::date, new.commission_currency, new.status, 0, 1, new.commission_amount);
        end if;
        return null;
      end $$;`);
    this.addSql(`select affiliate_stat_fold();`);
    this.addSql(`create or replace function affiliate_stat_fold() returns bigint language plpgsql as $$
      declare moved bigint;
      begin
        perform pg_advisory_xact_lock(hashtext('affiliate_stat_fold'));
        with deltas as (delete from affiliate_stat_delta returning *),
        summed as (
          select campaign_id, affiliate_id, day, currency_code, status,
                 sum(clicks) as clicks, sum(filtered_clicks) as filtered_clicks, sum(conversions) as conversions, sum(commission) as commission, count(*) as n
            from deltas group by campaign_id, day, affiliate_id, currency_code, status
        ),
        applied as (
          insert into affiliate_stat_daily as s (campaign_id, affiliate_id, day, currency_code, status, clicks, filtered_clicks, conversions, commission)
          select campaign_id, affiliate_id, day, currency_code, status, clicks, filtered_clicks, conversions, commission from summed
           order by campaign_id, day, affiliate_id, currency_code, status
          on conflict (campaign_id, day, affiliate_id, currency_code, status) do update
            set clicks = s.clicks + excluded.clicks,
                filtered_clicks = s.filtered_clicks + excluded.filtered_clicks,
                conversions = s.conversions + excluded.conversions,
                commission = s.commission + excluded.commission
        )
        select coalesce(sum(n), 0) into moved from summed;
        return moved;
      end $$;`);
    this.addSql(`alter table "affiliate_stat_delta" drop column if exists "sales";`);
    this.addSql(`alter table "affiliate_stat_daily" drop column if exists "sales";`);

    this.addSql(`drop table if exists "affiliate_conversion_item" cascade;`);

    // Validation calls' log entries cannot stay under the older check; they are log rows, not money.
    this.addSql(`delete from "affiliate_request_log" where "source" = 's2s_validate';`);
    this.addSql(`alter table if exists "affiliate_request_log" drop constraint if exists "affiliate_request_log_source_check";`);
    this.addSql(`alter table if exists "affiliate_request_log" add constraint "affiliate_request_log_source_check" check("source" in ('s2s', 'store'));`);

    this.addSql(`alter table if exists "affiliate_campaign" drop column if exists "commission_rules";`);

    this.addSql(`alter table if exists "affiliate_conversion" drop column if exists "commission_type", drop column if exists "commission_rate", drop column if exists "commission_rule_id", drop column if exists "customer_type", drop column if exists "raw_commission_rate";`);
  }

}
