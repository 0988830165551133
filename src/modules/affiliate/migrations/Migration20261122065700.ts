import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Daily rollups for reporting, kept current by the database itself.
 *
 * `affiliate_stat_daily` holds, per campaign, affiliate and UTC day, the clicks (row with empty
 * currency and status) and, per commission currency and conversion status, the live conversions
 * and their commission. Test conversions and soft-deleted rows are not counted.
 *
 * Triggers update it in the same transaction as the writing statement, whatever writes (the hot
 * paths' prepared SQL, a workflow's ORM update, a payout), so reports never lag and never drift.
 * Measured against a scheduled job in `npm run bench` (README, "Reporting at volume").
 *
 * Hand-written (the table is derived data, not a model), so `plugin:db:generate` does not see it.
 */
export class Migration20261122065700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_stat_daily" (
      "campaign_id" text not null,
      "affiliate_id" text not null,
      "day" date not null,
      "currency_code" text not null default '',
      "status" text not null default '',
      "clicks" bigint not null default 0,
      "conversions" bigint not null default 0,
      "commission" numeric not null default 0,
      constraint "affiliate_stat_daily_pkey" primary key ("campaign_id", "day", "affiliate_id", "currency_code", "status")
    );`)
    this.addSql(`create index if not exists "IDX_affiliate_stat_daily_affiliate_day" on "affiliate_stat_daily" ("affiliate_id", "day");`)

    // One upsert of one rollup row by a delta.
    this.addSql(`create or replace function affiliate_stat_add(
        p_campaign text, p_affiliate text, p_at timestamptz, p_currency text, p_status text,
        p_clicks bigint, p_conversions bigint, p_commission numeric) returns void language plpgsql as $$
      begin
        insert into affiliate_stat_daily as s (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission)
        values (p_campaign, p_affiliate, (p_at at time zone 'UTC')::date, p_currency, p_status, p_clicks, p_conversions, p_commission)
        on conflict (campaign_id, day, affiliate_id, currency_code, status) do update
          set clicks = s.clicks + excluded.clicks,
              conversions = s.conversions + excluded.conversions,
              commission = s.commission + excluded.commission;
      end $$;`)

    this.addSql(`create or replace function affiliate_click_stat() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
          perform affiliate_stat_add(old.campaign_id, old.affiliate_id, old.created_at, '', '', -1, 0, 0);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
          perform affiliate_stat_add(new.campaign_id, new.affiliate_id, new.created_at, '', '', 1, 0, 0);
        end if;
        return null;
      end $$;`)
    this.addSql(`create trigger affiliate_click_stat_insert after insert on affiliate_click
      for each row execute function affiliate_click_stat();`)
    this.addSql(`create trigger affiliate_click_stat_delete after delete on affiliate_click
      for each row execute function affiliate_click_stat();`)
    this.addSql(`create trigger affiliate_click_stat_update after update on affiliate_click for each row
      when (old.deleted_at is distinct from new.deleted_at or old.campaign_id is distinct from new.campaign_id
        or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
      execute function affiliate_click_stat();`)

    // A change moves a conversion between two rollup rows; the rows are always touched in the same
    // order (the smaller status first) so that two concurrent moves cannot deadlock.
    this.addSql(`create or replace function affiliate_conversion_stat() returns trigger language plpgsql as $$
      declare
        old_counted boolean := false;
        new_counted boolean := false;
      begin
        if tg_op in ('UPDATE', 'DELETE') then old_counted := old.deleted_at is null and not old.is_test; end if;
        if tg_op in ('INSERT', 'UPDATE') then new_counted := new.deleted_at is null and not new.is_test; end if;
        if new_counted and (not old_counted or old.status > new.status) then
          perform affiliate_stat_add(new.campaign_id, new.affiliate_id, new.created_at, new.commission_currency, new.status, 0, 1, new.commission_amount);
          new_counted := false;
        end if;
        if old_counted then
          perform affiliate_stat_add(old.campaign_id, old.affiliate_id, old.created_at, old.commission_currency, old.status, 0, -1, -old.commission_amount);
        end if;
        if new_counted then
          perform affiliate_stat_add(new.campaign_id, new.affiliate_id, new.created_at, new.commission_currency, new.status, 0, 1, new.commission_amount);
        end if;
        return null;
      end $$;`)
    this.addSql(`create trigger affiliate_conversion_stat_insert after insert on affiliate_conversion
      for each row execute function affiliate_conversion_stat();`)
    this.addSql(`create trigger affiliate_conversion_stat_delete after delete on affiliate_conversion
      for each row execute function affiliate_conversion_stat();`)
    // Not on duplicate_count: a repeated S2S call changes no figure.
    this.addSql(`create trigger affiliate_conversion_stat_update after update on affiliate_conversion for each row
      when (old.status is distinct from new.status or old.commission_amount is distinct from new.commission_amount
        or old.commission_currency is distinct from new.commission_currency or old.deleted_at is distinct from new.deleted_at
        or old.is_test is distinct from new.is_test or old.campaign_id is distinct from new.campaign_id
        or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
      execute function affiliate_conversion_stat();`)

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
    this.addSql(`drop trigger if exists affiliate_click_stat_insert on affiliate_click;`)
    this.addSql(`drop trigger if exists affiliate_click_stat_delete on affiliate_click;`)
    this.addSql(`drop trigger if exists affiliate_click_stat_update on affiliate_click;`)
    this.addSql(`drop trigger if exists affiliate_conversion_stat_insert on affiliate_conversion;`)
    this.addSql(`drop trigger if exists affiliate_conversion_stat_delete on affiliate_conversion;`)
    this.addSql(`drop trigger if exists affiliate_conversion_stat_update on affiliate_conversion;`)
    this.addSql(`drop function if exists affiliate_click_stat();`)
    this.addSql(`drop function if exists affiliate_conversion_stat();`)
    this.addSql(`drop function if exists affiliate_stat_add(text, text, timestamptz, text, text, bigint, bigint, numeric);`)
    this.addSql(`drop table if exists "affiliate_stat_daily";`)
  }
}
