import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { DAY_MS } from "../utils/time"
import type { ReportTotals, SeriesPoint } from "../types"

/*
 * Reporting reads the daily rollups, never the raw clicks and conversions: `affiliate_stat_daily`
 * plus the deltas the triggers appended since the last fold (`affiliate_stat_delta`; see the
 * migration that creates them), so the figures are exact at every moment. Test conversions are
 * not in them; commission sums only what is still owed or paid (pending, approved, paid), per
 * currency, as decimal strings. `filtered_clicks` counts crawlers' visits, which earn no click.
 */

const STAT_COLUMNS = "campaign_id, affiliate_id, day, currency_code, status, clicks, filtered_clicks, conversions, commission"

/** Every figure the rollups hold: the folded rows and the deltas not folded yet. Give it an alias. */
export const ROLLUPS = `(select ${STAT_COLUMNS} from affiliate_stat_daily union all select ${STAT_COLUMNS} from affiliate_stat_delta)`

const COUNTED = ["pending", "approved", "paid"]

/** Sums as Postgres answers them (bigint and numeric arrive as strings). */
type Counts = { clicks: string; filtered_clicks: string; conversions: string; commission: string }

export type ReportScope = { campaign_ids?: string[]; affiliate_ids?: string[] }

/** Clicks, conversions and commission per campaign (or per affiliate), all time, keyed by its id. */
export async function totals(knex: Knex, by: "campaign_id" | "affiliate_id", scope: ReportScope): Promise<Map<string, ReportTotals>> {
  const rows = (await scoped(knex, scope)
    .select(`${by} as id`, "currency_code")
    .sum({ clicks: "clicks", conversions: "conversions", filtered_clicks: "filtered_clicks" })
    .select(knex.raw(`coalesce(sum(commission) filter (where status = any(?)), 0)::text as commission`, [COUNTED]))
    .groupBy(by, "currency_code")) as unknown as ({ id: string; currency_code: string } & Counts)[]
  const byId = new Map<string, ReportTotals>()
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { clicks: 0, filtered_clicks: 0, conversions: 0, commission: [] }
    byId.set(row.id, entry)
    entry.clicks += Number(row.clicks)
    entry.filtered_clicks += Number(row.filtered_clicks)
    entry.conversions += Number(row.conversions)
    if (row.currency_code) entry.commission.push({ currency_code: row.currency_code, amount: row.commission })
  }
  return byId
}

/** One point per UTC day for the last `days` days, the oldest first, including days with nothing. */
export async function series(knex: Knex, scope: ReportScope, days: number): Promise<SeriesPoint[]> {
  const since = new Date(Date.now() - (days - 1) * DAY_MS)
  since.setUTCHours(0, 0, 0, 0)
  const rows = (await scoped(knex, scope)
    .where("day", ">=", since.toISOString().slice(0, 10))
    .select(knex.raw(`to_char(day, 'YYYY-MM-DD') as day`), "currency_code")
    .sum({ clicks: "clicks", conversions: "conversions", filtered_clicks: "filtered_clicks" })
    .select(knex.raw(`coalesce(sum(commission) filter (where status = any(?)), 0)::text as commission`, [COUNTED]))
    .groupBy("day", "currency_code")) as unknown as ({ day: string; currency_code: string } & Counts)[]
  const points = new Map<string, SeriesPoint>()
  for (let i = 0; i < days; i++) {
    const date = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10)
    points.set(date, { date, clicks: 0, filtered_clicks: 0, conversions: 0, conversion_rate: 0, commission: {} })
  }
  for (const row of rows) {
    const p = points.get(row.day)
    if (!p) continue
    p.clicks += Number(row.clicks)
    p.filtered_clicks += Number(row.filtered_clicks)
    p.conversions += Number(row.conversions)
    if (row.currency_code) p.commission[row.currency_code] = row.commission
  }
  for (const p of points.values()) {
    p.conversion_rate = p.clicks ? Math.round((p.conversions / p.clicks) * 10_000) / 100 : 0
  }
  return [...points.values()]
}

/** Moves the deltas appended since the last fold into the rollups; answers how many it moved. */
export async function foldDailyStats(knex: Knex): Promise<number> {
  const { rows } = await knex.raw("select affiliate_stat_fold() as moved")
  return Number(rows[0].moved)
}

function scoped(knex: Knex, scope: ReportScope) {
  const query = knex.from(knex.raw(`${ROLLUPS} as stats`))
  if (scope.campaign_ids) query.whereIn("campaign_id", scope.campaign_ids)
  if (scope.affiliate_ids) query.whereIn("affiliate_id", scope.affiliate_ids)
  return query
}
