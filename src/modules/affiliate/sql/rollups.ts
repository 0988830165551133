/*
 * The daily rollups reports read (README, "Operating at volume"): the one place their SQL lives.
 * Migrations import it; `ReportingRepository` reads what it builds.
 *
 * `affiliate_stat_daily` holds, per campaign, affiliate and UTC day, the clicks (on a row with
 * empty currency and status) and, per currency and conversion status, the live conversions, their
 * commission and their sales (order totals). Commission is keyed by the commission's currency and
 * sales by the order's; when the two differ (a flat commission in the campaign's currency) the
 * sales go on a row of their own that counts no conversion. `filtered_clicks` on the click row
 * counts crawlers' visits, which earn no click row (the link appends that delta itself). Test
 * conversions and soft-deleted rows are not counted.
 *
 * Row triggers capture every change in the writing statement's own transaction, whatever writes
 * (the hot paths' prepared SQL, a workflow's ORM update, a payout), as an appended row in
 * `affiliate_stat_delta`: a plain insert, no lock on a shared row. `affiliate_stat_fold()` (the
 * `fold-affiliate-daily-stats` job, every minute) moves the deltas into the rollups in one
 * statement; reports read the rollups plus the deltas not folded yet (`ROLLUPS`), so they are
 * exact at every moment. The two tables are derived data, not models: `plugin:db:generate` does
 * not see them, and these definitions are applied by hand-written migrations (create or replace).
 *
 * Unique clicks (README, "Trust"): a click row counts once in `clicks` and `unique_clicks`; a
 * repeat visit that reused a click appends a delta of its own (`clicks` only). Where traffic came
 * from: every delta of a click or a conversion also carries its visit's country, device and
 * referring host (a conversion its click's; none: "unknown"), and the fold adds them up per
 * dimension into `affiliate_stat_source`, which the breakdowns read (`SOURCE_ROLLUPS`). A click's
 * dimensions never change (retention and erasure keep them, as they keep its device type), so a
 * later change of a conversion takes away exactly what it added.
 */

/** The rollups' figures, in column order. */
export const STAT_COLUMNS =
  "campaign_id, affiliate_id, day, currency_code, status, clicks, unique_clicks, filtered_clicks, conversions, commission, sales"

/** Every figure the rollups hold: the folded rows and the deltas not folded yet. Give it an alias. */
export const ROLLUPS = `(select ${STAT_COLUMNS} from affiliate_stat_daily union all select ${STAT_COLUMNS} from affiliate_stat_delta)`

/** The breakdowns' figures, in column order: per dimension (country, device, referrer) and its key. */
export const SOURCE_COLUMNS = "campaign_id, affiliate_id, day, dimension, key, currency_code, status, clicks, unique_clicks, conversions, commission"

/**
 * The deltas of `source` (the table, or the fold's deleted rows), each as three rows of (dimension,
 * key); deltas without dimensions (crawlers, sales-only rows) are left out.
 */
const exploded = (source: string) => `${source} d cross join lateral (values ('country', d.country), ('device', d.device), ('referrer', d.referrer)) x(dimension, key)
  where d.country <> ''`
const EXPLODED_COLUMNS = "d.campaign_id, d.affiliate_id, d.day, x.dimension, x.key, d.currency_code, d.status"

/** Every figure by where traffic came from: the folded rows and the deltas not folded yet. Give it an alias. */
export const SOURCE_ROLLUPS = `(select ${SOURCE_COLUMNS} from affiliate_stat_source
  union all select ${EXPLODED_COLUMNS}, d.clicks, d.unique_clicks, d.conversions, d.commission from ${exploded("affiliate_stat_delta")})`

const DELTA =
  "insert into affiliate_stat_delta (campaign_id, affiliate_id, day, currency_code, status, clicks, unique_clicks, conversions, commission, sales, country, device, referrer)"
const day = (row: "old" | "new") => `(${row}.created_at at time zone 'UTC')::date`

/** One conversion's figures, added (sign 1) or taken away (-1), with its click's dimensions (`src`). */
const conversionDelta = (row: "old" | "new", sign: 1 | -1) => `
  ${DELTA} values (${row}.campaign_id, ${row}.affiliate_id, ${day(row)}, ${row}.commission_currency, ${row}.status, 0, 0, ${sign}, ${sign} * ${row}.commission_amount,
    case when ${row}.order_currency = ${row}.commission_currency then ${sign} * ${row}.order_total else 0 end,
    coalesce(src.country, 'unknown'), coalesce(src.device, 'unknown'), coalesce(src.referrer, 'unknown'));
  if ${row}.order_currency <> ${row}.commission_currency then
    ${DELTA} values (${row}.campaign_id, ${row}.affiliate_id, ${day(row)}, ${row}.order_currency, ${row}.status, 0, 0, 0, 0, ${sign} * ${row}.order_total, '', '', '');
  end if;`

/** A click row: one click and one unique click, with its dimensions (clicks from before they were kept: "unknown"). */
const clickDelta = (row: "old" | "new", sign: 1 | -1) =>
  `${DELTA} values (${row}.campaign_id, ${row}.affiliate_id, ${day(row)}, '', '', ${sign}, ${sign}, 0, 0, 0,
      coalesce(${row}.country, 'unknown'), ${row}.device_type, coalesce(${row}.referrer_host, 'unknown'));`

export const CLICK_STAT_FUNCTION = `create or replace function affiliate_click_stat() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
      ${clickDelta("old", -1)}
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
      ${clickDelta("new", 1)}
    end if;
    return null;
  end $$;`

export const CONVERSION_STAT_FUNCTION = `create or replace function affiliate_conversion_stat() returns trigger language plpgsql as $$
  declare src record;
  begin
    -- The click's dimensions (one primary-key read); none for a coupon conversion.
    select coalesce(k.country, 'unknown') as country, k.device_type as device, coalesce(k.referrer_host, 'unknown') as referrer into src
      from affiliate_click k where k.id = case when tg_op = 'DELETE' then old.click_id else new.click_id end;
    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and not old.is_test then ${conversionDelta("old", -1)}
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and not new.is_test then ${conversionDelta("new", 1)}
    end if;
    return null;
  end $$;`

/**
 * The conversion's update trigger fires only when a figure can change: not on `duplicate_count`
 * (a repeated S2S call changes nothing) nor on visitor details.
 */
export const CONVERSION_STAT_UPDATE_TRIGGER = `create trigger affiliate_conversion_stat_update after update on affiliate_conversion for each row
  when (old.status is distinct from new.status or old.commission_amount is distinct from new.commission_amount
    or old.commission_currency is distinct from new.commission_currency or old.order_total is distinct from new.order_total
    or old.order_currency is distinct from new.order_currency or old.deleted_at is distinct from new.deleted_at
    or old.is_test is distinct from new.is_test or old.campaign_id is distinct from new.campaign_id
    or old.affiliate_id is distinct from new.affiliate_id or old.created_at is distinct from new.created_at)
  execute function affiliate_conversion_stat();`

/**
 * Moves every delta into the rollups in one statement, in the rollups' key order, and their
 * dimensions into the breakdowns' rollups; one fold at a time (deltas committed meanwhile wait for
 * the next). Answers how many deltas it moved.
 */
export const FOLD_FUNCTION = `create or replace function affiliate_stat_fold() returns bigint language plpgsql as $$
  declare moved bigint;
  begin
    perform pg_advisory_xact_lock(hashtext('affiliate_stat_fold'));
    with deltas as (delete from affiliate_stat_delta returning *),
    summed as (
      select campaign_id, affiliate_id, day, currency_code, status, sum(clicks) as clicks, sum(unique_clicks) as unique_clicks,
             sum(filtered_clicks) as filtered_clicks, sum(conversions) as conversions, sum(commission) as commission, sum(sales) as sales, count(*) as n
        from deltas group by campaign_id, day, affiliate_id, currency_code, status
    ),
    applied as (
      insert into affiliate_stat_daily as s (${STAT_COLUMNS})
      select ${STAT_COLUMNS} from summed
       order by campaign_id, day, affiliate_id, currency_code, status
      on conflict (campaign_id, day, affiliate_id, currency_code, status) do update
        set clicks = s.clicks + excluded.clicks,
            unique_clicks = s.unique_clicks + excluded.unique_clicks,
            filtered_clicks = s.filtered_clicks + excluded.filtered_clicks,
            conversions = s.conversions + excluded.conversions,
            commission = s.commission + excluded.commission,
            sales = s.sales + excluded.sales
    ),
    sourced as (
      select ${EXPLODED_COLUMNS}, sum(d.clicks) as clicks, sum(d.unique_clicks) as unique_clicks,
             sum(d.conversions) as conversions, sum(d.commission) as commission
        from ${exploded("deltas")}
       group by ${EXPLODED_COLUMNS}
    ),
    applied_sources as (
      insert into affiliate_stat_source as s (${SOURCE_COLUMNS})
      select ${SOURCE_COLUMNS} from sourced
       order by campaign_id, dimension, day, affiliate_id, key, currency_code, status
      on conflict (campaign_id, dimension, day, affiliate_id, key, currency_code, status) do update
        set clicks = s.clicks + excluded.clicks,
            unique_clicks = s.unique_clicks + excluded.unique_clicks,
            conversions = s.conversions + excluded.conversions,
            commission = s.commission + excluded.commission
    )
    select coalesce(sum(n), 0) into moved from summed;
    return moved;
  end $$;`
