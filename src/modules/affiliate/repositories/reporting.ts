import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { decodeCursor, encodeCursor, countMatches, CREATED_AT_TEXT, where } from "../sql/list-filters"
import { ROLLUPS, SOURCE_ROLLUPS } from "../sql/rollups"
import { SqlRepository } from "../sql/sql-repository"
import type { BreakdownDimension, BreakdownRow, ExportBatch, ExportRequest, ListPage, ListPageRequest, ListTable, ReportTotals, SeriesPoint, ShopConversion } from "../types"
import { formatAmount } from "../utils/money"
import { DAY_MS } from "../utils/time"

/*
 * Reporting reads the daily rollups (sql/rollups.ts), never the raw clicks and conversions: the
 * folded rows plus the deltas the triggers appended since the last fold, so the figures are exact
 * at every moment. Test conversions are not in them; commission sums only what is still owed or
 * paid (pending, approved, paid), per currency, as decimal strings. `filtered_clicks` counts
 * crawlers' visits, which earn no click. Lists and exports of the tables that grow with traffic
 * walk an index on (filter, created_at), newest first, and never count or sort millions of rows.
 */

const COUNTED = ["pending", "approved", "paid"]

/** Sums as Postgres answers them (bigint and numeric arrive as strings). */
type Counts = { clicks: string; unique_clicks: string; filtered_clicks: string; conversions: string; commission: string }

export type ReportScope = { campaign_ids?: string[]; affiliate_ids?: string[] }

const CONVERSION_COLUMNS = [
  "c.id", "c.created_at", "c.occurred_at", "c.campaign_id", "cp.name AS campaign_name", "c.affiliate_id",
  "a.code AS affiliate_code", "a.name AS affiliate_name", "c.source", "c.promotion_code", "c.status", "c.status_reason",
  "c.order_id", "c.order_total::text AS order_total", "c.order_currency", "c.commission_amount::text AS commission_amount",
  "c.commission_currency", "c.is_test", "c.click_id",
]

const CLICK_COLUMNS = [
  "c.id", "c.created_at", "c.campaign_id", "c.affiliate_id", "a.code AS affiliate_code", "c.sub1", "c.sub2", "c.sub3",
  "c.sub4", "c.sub5", "c.device_type", "c.referrer", "c.landing_url", "c.expires_at",
]

/** A rollup row's counters (one row per currency and status) added to an entity's, a day's or a key's. */
function addCounts(into: { clicks: number; unique_clicks: number; conversions: number; filtered_clicks?: number }, row: Partial<Counts>) {
  into.clicks += Number(row.clicks)
  into.unique_clicks += Number(row.unique_clicks)
  into.conversions += Number(row.conversions)
  if (into.filtered_clicks !== undefined) into.filtered_clicks += Number(row.filtered_clicks)
}

/** Whether a rollup row holds commission: a currency only sales were in (a flat commission paid in another) earns none. */
const earnedCommission = (row: { currency_code: string; conversions: unknown }) => Boolean(row.currency_code) && Number(row.conversions) !== 0

export class ReportingRepository extends SqlRepository {
  /** Clicks, conversions and commission per campaign (or per affiliate), all time, keyed by its id. */
  async totals(by: "campaign_id" | "affiliate_id", scope: ReportScope, sharedContext: Context = {}): Promise<Map<string, ReportTotals>> {
    const knex = this.knex(sharedContext)
    const rows = (await scoped(knex, scope)
      .select(`${by} as id`, "currency_code")
      .sum({ clicks: "clicks", unique_clicks: "unique_clicks", conversions: "conversions", filtered_clicks: "filtered_clicks" })
      .select(knex.raw(`coalesce(sum(commission) filter (where status = any(?)), 0)::text as commission`, [COUNTED]))
      .groupBy(by, "currency_code")) as unknown as ({ id: string; currency_code: string } & Counts)[]
    const byId = new Map<string, ReportTotals>()
    for (const row of rows) {
      const entry = byId.get(row.id) ?? { clicks: 0, unique_clicks: 0, filtered_clicks: 0, conversions: 0, commission: [] }
      byId.set(row.id, entry)
      addCounts(entry, row)
      if (earnedCommission(row)) entry.commission.push({ currency_code: row.currency_code, amount: row.commission })
    }
    return byId
  }

  /** One point per UTC day for the last `days` days, the oldest first, including days with nothing. */
  async series(scope: ReportScope, days: number, sharedContext: Context = {}): Promise<SeriesPoint[]> {
    const knex = this.knex(sharedContext)
    const since = new Date(Date.now() - (days - 1) * DAY_MS)
    since.setUTCHours(0, 0, 0, 0)
    const rows = (await scoped(knex, scope)
      .where("day", ">=", since.toISOString().slice(0, 10))
      .select(knex.raw(`to_char(day, 'YYYY-MM-DD') as day`), "currency_code")
      .sum({ clicks: "clicks", unique_clicks: "unique_clicks", conversions: "conversions", filtered_clicks: "filtered_clicks" })
      .select(knex.raw(`coalesce(sum(commission) filter (where status = any(?)), 0)::text as commission`, [COUNTED]))
      .groupBy("day", "currency_code")) as unknown as ({ day: string; currency_code: string } & Counts)[]
    const points = new Map<string, SeriesPoint>()
    for (let i = 0; i < days; i++) {
      const date = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10)
      points.set(date, { date, clicks: 0, unique_clicks: 0, filtered_clicks: 0, conversions: 0, conversion_rate: 0, commission: {} })
    }
    for (const row of rows) {
      const p = points.get(row.day)
      if (!p) continue
      addCounts(p, row)
      if (earnedCommission(row)) p.commission[row.currency_code] = row.commission
    }
    for (const p of points.values()) {
      p.conversion_rate = p.clicks ? Math.round((p.conversions / p.clicks) * 10_000) / 100 : 0
    }
    return [...points.values()]
  }

  /**
   * Clicks (raw and unique), live conversions and commission per key of one dimension (country,
   * device, referring host) over the last `days` UTC days, the most clicked first; from the
   * breakdowns' rollups and the deltas not folded yet, never from raw rows.
   */
  async breakdown(scope: ReportScope, by: BreakdownDimension, days: number, sharedContext: Context = {}): Promise<BreakdownRow[]> {
    const knex = this.knex(sharedContext)
    const since = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10)
    const query = knex.from(knex.raw(`${SOURCE_ROLLUPS} as src`)).where("dimension", by).where("day", ">=", since)
    if (scope.campaign_ids) query.whereIn("campaign_id", scope.campaign_ids)
    if (scope.affiliate_ids) query.whereIn("affiliate_id", scope.affiliate_ids)
    const rows = (await query
      .select("key", "currency_code")
      .sum({ clicks: "clicks", unique_clicks: "unique_clicks", conversions: "conversions" })
      .select(knex.raw(`coalesce(sum(commission) filter (where status = any(?)), 0)::text as commission`, [COUNTED]))
      .groupBy("key", "currency_code")) as unknown as ({ key: string; currency_code: string } & Omit<Counts, "filtered_clicks">)[]
    const byKey = new Map<string, BreakdownRow>()
    for (const row of rows) {
      const entry = byKey.get(row.key) ?? { key: row.key, clicks: 0, unique_clicks: 0, conversions: 0, commission: [] }
      byKey.set(row.key, entry)
      addCounts(entry, row)
      if (earnedCommission(row)) entry.commission.push({ currency_code: row.currency_code, amount: row.commission })
    }
    return [...byKey.values()]
      .filter((r) => r.clicks || r.unique_clicks || r.conversions)
      .map((r) => ({ ...r, commission: r.commission.sort((a, b) => a.currency_code.localeCompare(b.currency_code)) }))
      .sort((a, b) => b.clicks - a.clicks || b.conversions - a.conversions || a.key.localeCompare(b.key))
  }

  /** Moves the deltas appended since the last fold into the rollups; answers how many it moved. */
  async fold(sharedContext: Context = {}): Promise<number> {
    const knex = this.knex(sharedContext)
    const { rows } = await knex.raw("select affiliate_stat_fold() as moved")
    return Number(rows[0].moved)
  }

  /**
   * The affiliate's live sales in the campaign and currency from `since` (the month's first day,
   * UTC) until now: what `min_monthly_sales` tiers compare with (utils/commission-rules.ts).
   */
  async salesSince(campaignId: string, affiliateId: string, currency: string, since: string, sharedContext: Context = {}): Promise<string> {
    const { rows } = await this.knex(sharedContext).raw(
      `SELECT coalesce(sum(sales), 0)::text AS sales FROM ${ROLLUPS} stats
        WHERE campaign_id = ? AND affiliate_id = ? AND currency_code = ? AND day >= ? AND status = ANY(?)`,
      [campaignId, affiliateId, currency, since, COUNTED]
    )
    return rows[0].sales
  }

  /** One page of a table that grows with traffic, newest first, with its total (exact or estimated) and a cursor. */
  async listPage(table: ListTable, request: ListPageRequest, sharedContext: Context = {}): Promise<ListPage> {
    const knex = this.knex(sharedContext)
    const filtered = () => where(knex(table), table, request.filters)
    const page = filtered()
      .select("id", knex.raw(`${CREATED_AT_TEXT} as created_at_text`))
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
      .limit(request.limit + 1)
      .offset(request.offset ?? 0)
    if (request.after) {
      const [createdAt, id] = decodeCursor(request.after)
      page.where("created_at", "<=", createdAt).andWhere((q) => q.where("created_at", "<", createdAt).orWhere("id", "<", id))
    }
    const [rows, count] = await Promise.all([
      page as unknown as Promise<{ id: string; created_at_text: string }[]>,
      request.count === false ? { count: 0, count_type: "estimate" as const } : countMatches(knex, filtered()),
    ])
    const more = rows.length > request.limit
    const shown = rows.slice(0, request.limit)
    const last = shown[shown.length - 1]
    return {
      ids: shown.map((r) => r.id),
      next_cursor: more && last ? encodeCursor(last.created_at_text, last.id) : null,
      ...count,
    }
  }

  /** Conversions by id, in the order given, with their items, as a shop reads them back: amounts as the currency writes them, no visitor data. */
  async shopConversions(ids: string[], sharedContext: Context = {}): Promise<ShopConversion[]> {
    if (!ids.length) return []
    const knex = this.knex(sharedContext)
    const [rows, items] = await Promise.all([
      knex("affiliate_conversion")
        .whereIn("id", ids)
        .select("id", "order_id", "status", "order_currency", "commission_currency", "created_at", knex.raw("order_total::text AS order_total"), knex.raw("commission_amount::text AS commission_amount")),
      knex("affiliate_conversion_item")
        .whereIn("conversion_id", ids)
        .whereNull("deleted_at")
        .orderBy("id")
        .select("id", "conversion_id", "sku", "product_id", "category", "collection", "quantity", "status", "rule_id", knex.raw("item_value::text AS item_value"), knex.raw("commission_amount::text AS commission_amount")),
    ])
    const byId = new Map(rows.map((r: any) => [r.id, r]))
    return ids.map((id) => {
      const r = byId.get(id)
      return {
        id: r.id,
        order_id: r.order_id,
        status: r.status,
        order_total: formatAmount(r.order_total, r.order_currency),
        order_currency: r.order_currency,
        commission_amount: formatAmount(r.commission_amount, r.commission_currency),
        commission_currency: r.commission_currency,
        created_at: new Date(r.created_at).toISOString(),
        items: items
          .filter((i: any) => i.conversion_id === id)
          .map(({ conversion_id: _, ...i }: any) => ({
            ...i,
            item_value: formatAmount(i.item_value, r.order_currency),
            commission_amount: i.commission_amount === null ? null : formatAmount(i.commission_amount, r.order_currency),
          })),
      }
    })
  }

  /** One batch of an export, by keyset after the batch before: the same cost per batch at any depth. */
  async exportBatch(request: ExportRequest, sharedContext: Context = {}): Promise<ExportBatch> {
    const knex = this.knex(sharedContext)
    const table = request.kind === "conversions" ? "affiliate_conversion" : "affiliate_click"
    const page = where(knex(table), table, request.filters)
      .select("*", knex.raw(`${CREATED_AT_TEXT} AS created_at_text`))
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
      .limit(request.limit)
    if (request.after) {
      const [createdAt, id] = decodeCursor(request.after)
      page.where("created_at", "<=", createdAt).andWhere((q) => q.where("created_at", "<", createdAt).orWhere("id", "<", id))
    }
    const columns = request.kind === "conversions" ? CONVERSION_COLUMNS : CLICK_COLUMNS
    const query = knex
      .from(page.as("c"))
      .leftJoin("affiliate as a", "a.id", "c.affiliate_id")
      .select(columns.map((c) => knex.raw(c)))
      .select("c.created_at_text")
      .orderBy([{ column: "c.created_at", order: "desc" }, { column: "c.id", order: "desc" }])
    if (request.kind === "conversions") query.leftJoin("affiliate_campaign as cp", "cp.id", "c.campaign_id")
    const rows = (await query) as (Record<string, unknown> & { id: string; created_at_text: string })[]
    const last = rows[rows.length - 1]
    return {
      rows: rows.map(({ created_at_text: _, ...row }) => row),
      next: rows.length === request.limit && last ? encodeCursor(last.created_at_text, last.id) : null,
    }
  }
}

function scoped(knex: Knex, scope: ReportScope) {
  const query = knex.from(knex.raw(`${ROLLUPS} as stats`))
  if (scope.campaign_ids) query.whereIn("campaign_id", scope.campaign_ids)
  if (scope.affiliate_ids) query.whereIn("affiliate_id", scope.affiliate_ids)
  return query
}
