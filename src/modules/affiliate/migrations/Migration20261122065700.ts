import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Daily rollups for reporting, kept current by the database itself.
 *
 * `affiliate_stat_daily` holds, per campaign, affiliate and UTC day, the clicks (row with empty
 * currency and status) and, per commission currency and conversion status, the live conversions
 * and their commission. Test conversions and soft-deleted rows are not counted.
 *
 * Statement-level triggers update it in the same transaction as the writing statement, whatever
 * writes (the hot paths' prepared SQL, a workflow's ORM update, a payout), so reports never lag
 * and never drift. They read the statement's transition tables and apply one delta per rollup
 * row, so a statement that writes many rows (an import, a retention batch) costs one upsert per
 * day and affiliate, not one per row: per-row triggers made a 200,000-click insert rewrite the
 * same rollup row 200,000 times in one transaction. Deltas are applied in the rollup's key order,
 * so two concurrent statements cannot deadlock on them. Measured against a scheduled job in
 * `npm run bench` (README, "Operating at volume").
 *
 * Hand-written (the table is derived data, not a model), so `plugin:db:generate` does not see it.
 */
const CLICK_KEY = `campaign_id, affiliate_id, (created_at at time zone 'UTC')::date`
const CONVERSION_KEY = `campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, commission_currency, status`
const CONVERSION_CHANGED = `o.status is distinct from n.status or o.commission_amount is distinct from n.commission_amount
  or o.commission_currency is distinct from n.commission_currency or o.deleted_at is distinct from n.deleted_at
  or o.is_test is distinct from n.is_test or o.campaign_id is distinct from n.campaign_id
  or o.affiliate_id is distinct from n.affiliate_id or o.created_at is distinct from n.created_at`
const CLICK_CHANGED = `o.deleted_at is distinct from n.deleted_at or o.campaign_id is distinct from n.campaign_id
  or o.affiliate_id is distinct from n.affiliate_id or o.created_at is distinct from n.created_at`

/** Adds the summed deltas of `rows` (key columns, clicks, conversions, commission) to the rollups. */
const applyDeltas = (rows: string) => `
  insert into affiliate_stat_daily as s (campaign_id, affiliate_id, day, currency_code, status, clicks, conversions, commission)
  select campaign_id, affiliate_id, day, currency_code, status, sum(clicks), sum(conversions), sum(commission)
    from (${rows}) delta
   group by campaign_id, day, affiliate_id, currency_code, status
  having sum(clicks) <> 0 or sum(conversions) <> 0 or sum(commission) <> 0
   order by campaign_id, day, affiliate_id, currency_code, status
  on conflict (campaign_id, day, affiliate_id, currency_code, status) do update
    set clicks = s.clicks + excluded.clicks,
        conversions = s.conversions + excluded.conversions,
        commission = s.commission + excluded.commission;`

/** The rows of `from` that count, through alias `t`, as click deltas of `sign`. */
const clickRows = (from: string, t: string, sign: 1 | -1, also = "true") =>
  `select ${t}.campaign_id, ${t}.affiliate_id, (${t}.created_at at time zone 'UTC')::date as day, '' as currency_code, '' as status,
          ${sign}::bigint as clicks, 0::bigint as conversions, 0::numeric as commission
     from ${from} where ${t}.deleted_at is null and (${also})`

/** The rows of `from` that count (live, not test), through alias `t`, as conversion deltas of `sign`. */
const conversionRows = (from: string, t: string, sign: 1 | -1, also = "true") =>
  `select ${t}.campaign_id, ${t}.affiliate_id, (${t}.created_at at time zone 'UTC')::date as day, ${t}.commission_currency as currency_code,
          ${t}.status, 0::bigint as clicks, ${sign}::bigint as conversions, ${sign} * ${t}.commission_amount as commission
     from ${from} where ${t}.deleted_at is null and not ${t}.is_test and (${also})`

/** An update moves a changed row out of its old rollup row and into its new one. */
const BOTH = "old_rows o join new_rows n using (id)"

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

    this.addSql(`create or replace function affiliate_click_stat_insert() returns trigger language plpgsql as $$
      begin ${applyDeltas(clickRows("new_rows n", "n", 1))} return null; end $$;`)
    this.addSql(`create or replace function affiliate_click_stat_delete() returns trigger language plpgsql as $$
      begin ${applyDeltas(clickRows("old_rows o", "o", -1))} return null; end $$;`)
    this.addSql(`create or replace function affiliate_click_stat_update() returns trigger language plpgsql as $$
      begin ${applyDeltas(`${clickRows(BOTH, "o", -1, CLICK_CHANGED)} union all ${clickRows(BOTH, "n", 1, CLICK_CHANGED)}`)}
      return null; end $$;`)
    this.addSql(`create trigger affiliate_click_stat_insert after insert on affiliate_click
      referencing new table as new_rows for each statement execute function affiliate_click_stat_insert();`)
    this.addSql(`create trigger affiliate_click_stat_delete after delete on affiliate_click
      referencing old table as old_rows for each statement execute function affiliate_click_stat_delete();`)
    this.addSql(`create trigger affiliate_click_stat_update after update on affiliate_click
      referencing old table as old_rows new table as new_rows for each statement execute function affiliate_click_stat_update();`)

    this.addSql(`create or replace function affiliate_conversion_stat_insert() returns trigger language plpgsql as $$
      begin ${applyDeltas(conversionRows("new_rows n", "n", 1))} return null; end $$;`)
    this.addSql(`create or replace function affiliate_conversion_stat_delete() returns trigger language plpgsql as $$
      begin ${applyDeltas(conversionRows("old_rows o", "o", -1))} return null; end $$;`)
    // A repeated S2S call only bumps duplicate_count: no figure changes, so no row qualifies.
    this.addSql(`create or replace function affiliate_conversion_stat_update() returns trigger language plpgsql as $$
      begin ${applyDeltas(`${conversionRows(BOTH, "o", -1, CONVERSION_CHANGED)} union all ${conversionRows(BOTH, "n", 1, CONVERSION_CHANGED)}`)}
      return null; end $$;`)
    this.addSql(`create trigger affiliate_conversion_stat_insert after insert on affiliate_conversion
      referencing new table as new_rows for each statement execute function affiliate_conversion_stat_insert();`)
    this.addSql(`create trigger affiliate_conversion_stat_delete after delete on affiliate_conversion
      referencing old table as old_rows for each statement execute function affiliate_conversion_stat_delete();`)
    this.addSql(`create trigger affiliate_conversion_stat_update after update on affiliate_conversion
      referencing old table as old_rows new table as new_rows for each statement execute function affiliate_conversion_stat_update();`)

    // Rows written before this migration.
    this.addSql(`insert into affiliate_stat_daily (campaign_id, affiliate_id, day, clicks)
      select ${CLICK_KEY}, count(*) from affiliate_click where deleted_at is null group by 1, 2, 3
      on conflict do nothing;`)
    this.addSql(`insert into affiliate_stat_daily (campaign_id, affiliate_id, day, currency_code, status, conversions, commission)
      select ${CONVERSION_KEY}, count(*), sum(commission_amount)
        from affiliate_conversion where deleted_at is null and not is_test group by 1, 2, 3, 4, 5
      on conflict do nothing;`)
  }

  override async down(): Promise<void> {
    for (const table of ["affiliate_click", "affiliate_conversion"]) {
      for (const op of ["insert", "delete", "update"]) {
        this.addSql(`drop trigger if exists ${table}_stat_${op} on ${table};`)
        this.addSql(`drop function if exists ${table}_stat_${op}();`)
      }
    }
    this.addSql(`drop table if exists "affiliate_stat_daily";`)
  }
}
