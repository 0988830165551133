import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Daily rollups for reporting (README, "Operating at volume").
 *
 * `affiliate_stat_daily` holds, per campaign, affiliate and UTC day, the clicks (row with empty
 * currency and status) and, per commission currency and conversion status, the live conversions
 * and their commission; `filtered_clicks` on the click row counts crawlers' visits, which earn no
 * click row (written by the link, not by a trigger). Test conversions and soft-deleted rows are
 * not counted.
 *
 * Row triggers capture every change in the writing statement's own transaction, whatever writes
 * (the hot paths' prepared SQL, a workflow's ORM update, a payout), as an appended delta row in
 * `affiliate_stat_delta`: a plain insert, no lock on a shared row. `affiliate_stat_fold()` (run
 * every minute by a job) moves the deltas into the rollups in one statement; reports read the
 * rollups plus the deltas not folded yet, so they are exact at every moment, with no lag.
 * Measured on the hot paths against upserting the rollups in the trigger itself (one shared row
 * per campaign, affiliate and day: every concurrent click waited on it) and against no triggers
 * at all: see `npm run bench` (b/b', d/d').
 *
 * Hand-written (the tables are derived data, not models), so `plugin:db:generate` does not see them.
 */
const COLUMNS = `"campaign_id" text not null, "affiliate_id" text not null, "day" date not null,
  "currency_code" text not null default '', "status" text not null default '',
  "clicks" bigint not null default 0, "filtered_clicks" bigint not null default 0, "conversions" bigint not null default 0, "commission" numeric not null default 0`
const DELTA = "insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission)"
const day = (row: "old" | "new") => `(${row}.created_at at time zone 'UTC')::date`

export class Migration20261122065700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_stat_daily" (${COLUMNS},
      constraint "affiliate_stat_daily_pkey" primary key ("campaign_id", "day", "affiliate_id", "currency_code", "status"));`)
    this.addSql(`create index if not exists "IDX_affiliate_stat_daily_affiliate_day" on "affiliate_stat_daily" ("affiliate_id", "day");`)
    // No index: rows are only appended here and read whole, by the fold and by the reports.
    this.addSql(`create table if not exists "affiliate_stat_delta" (${COLUMNS});`)

    this.addSql(`create or replace function affiliate_click_stat() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
          ${DELTA} values (old.campaign_id, old.affiliate_id, ${day("old")}, '', '', -1, 0, 0);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
          ${DELTA} values (new.campaign_id, new.affiliate_id, ${day("new")}, '', '', 1, 0, 0);
        end if;
        return null;
      end $$;`)
    this.addSql(`create trigger affiliate_click_stat after insert or delete on affiliate_click
      for each row execute function affiliate_click_stat();`)
    this.addSql(`create trigger affiliate_click_stat_update after update on affiliate_click for each row
      when (old.deleted_at is distinct from new.deleted_at or old.campaign_id is distinct from new.campaign_id
        or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
      execute function affiliate_click_stat();`)

    this.addSql(`create or replace function affiliate_conversion_stat() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and not old.is_test then
          ${DELTA} values (old.campaign_id, old.affiliate_id, ${day("old")}, old.commission_currency, old.status, 0, -1, -old.commission_amount);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and not new.is_test then
          ${DELTA} values (new.campaign_id, new.affiliate_id, ${day("new")}, new.commission_currency, new.status, 0, 1, new.commission_amount);
        end if;
        return null;
      end $$;`)
    this.addSql(`create trigger affiliate_conversion_stat after insert or delete on affiliate_conversion
      for each row execute function affiliate_conversion_stat();`)
    // Not on duplicate_count: a repeated S2S call changes no figure, and fires nothing.
    this.addSql(`create trigger affiliate_conversion_stat_update after update on affiliate_conversion for each row
      when (old.status is distinct from new.status or old.commission_amount is distinct from new.commission_amount
        or old.commission_currency is distinct from new.commission_currency or old.deleted_at is distinct from new.deleted_at
        or old.is_test is distinct from new.is_test or old.campaign_id is distinct from new.campaign_id
        or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
      execute function affiliate_conversion_stat();`)

    // Moves every delta into the rollups in one statement, in the rollups' key order; one fold at
    // a time (deltas committed meanwhile wait for the next). Answers how many deltas it moved.
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
      end $$;`)

    // Rows written before this migration.
    this.addSql(`insert into affiliate_stat_daily (campaign_id, affiliate_id, day, clicks)
      select campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, count(*)
        from affiliate_click where deleted_at is null group by 1, 2, 3
      on conflict do nothing;`)
    this.addSql(`insert into affiliate_stat_daily (campaign_id, affiliate_id, day, currency_code, status, conversions, commission)
      select campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, commission_currency, status, count(*), sum(commission_amount)
        from affiliate_conversion where deleted_at is null and not is_test group by 1, 2, 3, 4, 5
      on conflict do nothing;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists affiliate_click_stat on affiliate_click;`)
    this.addSql(`drop trigger if exists affiliate_click_stat_update on affiliate_click;`)
    this.addSql(`drop trigger if exists affiliate_conversion_stat on affiliate_conversion;`)
    this.addSql(`drop trigger if exists affiliate_conversion_stat_update on affiliate_conversion;`)
    this.addSql(`drop function if exists affiliate_click_stat();`)
    this.addSql(`drop function if exists affiliate_conversion_stat();`)
    this.addSql(`drop function if exists affiliate_stat_fold();`)
    this.addSql(`drop table if exists "affiliate_stat_delta";`)
    this.addSql(`drop table if exists "affiliate_stat_daily";`)
  }
}
