import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { DAY_MS } from "../../../lib/time"
import type { CampaignTotals, SeriesPoint } from "../types"

/*
 * Read-only aggregates for the admin dashboard. Test conversions never count; commission sums only
 * what is still owed or paid (pending, approved, paid), per currency, as decimal strings.
 */

const COUNTED = ["pending", "approved", "paid"]

export async function campaignTotals(knex: Knex, campaignIds?: string[]): Promise<CampaignTotals[]> {
  const clickQuery = knex("affiliate_click")
    .select("campaign_id")
    .count({ clicks: "*" })
    .whereNull("deleted_at")
    .groupBy("campaign_id")
  const conversionQuery = knex("affiliate_conversion")
    .select("campaign_id", "commission_currency")
    .count({ conversions: "*" })
    .select(knex.raw(`COALESCE(SUM(commission_amount) FILTER (WHERE status = ANY(?)), 0)::text AS commission`, [COUNTED]))
    .whereNull("deleted_at")
    .where("is_test", false)
    .groupBy("campaign_id", "commission_currency")
  if (campaignIds?.length) {
    clickQuery.whereIn("campaign_id", campaignIds)
    conversionQuery.whereIn("campaign_id", campaignIds)
  }
  const [clicks, conversions] = await Promise.all([clickQuery, conversionQuery])
  const byId = new Map<string, CampaignTotals>()
  const entry = (id: string) => {
    if (!byId.has(id)) byId.set(id, { campaign_id: id, clicks: 0, conversions: 0, commission: [] })
    return byId.get(id)!
  }
  for (const row of clicks as unknown as { campaign_id: string; clicks: string }[]) {
    entry(row.campaign_id).clicks = Number(row.clicks)
  }
  for (const row of conversions as unknown as {
    campaign_id: string
    commission_currency: string
    conversions: string
    commission: string
  }[]) {
    const e = entry(row.campaign_id)
    e.conversions += Number(row.conversions)
    e.commission.push({ currency_code: row.commission_currency, amount: row.commission })
  }
  return [...byId.values()]
}

/** One point per UTC day, the oldest first, including days with nothing. */
export async function campaignSeries(knex: Knex, campaignId: string, days: number): Promise<SeriesPoint[]> {
  const since = new Date(Date.now() - (days - 1) * DAY_MS)
  since.setUTCHours(0, 0, 0, 0)
  const [clicks, conversions] = await Promise.all([
    knex.raw(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, COUNT(*)::int AS n
         FROM affiliate_click WHERE campaign_id = ? AND deleted_at IS NULL AND created_at >= ? GROUP BY 1`,
      [campaignId, since]
    ),
    knex.raw(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, commission_currency AS currency,
              COUNT(*)::int AS n, COALESCE(SUM(commission_amount) FILTER (WHERE status = ANY(?)), 0)::text AS commission
         FROM affiliate_conversion
        WHERE campaign_id = ? AND deleted_at IS NULL AND is_test = false AND created_at >= ? GROUP BY 1, 2`,
      [COUNTED, campaignId, since]
    ),
  ])
  const points = new Map<string, SeriesPoint>()
  for (let i = 0; i < days; i++) {
    const date = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10)
    points.set(date, { date, clicks: 0, conversions: 0, conversion_rate: 0, commission: {} })
  }
  for (const row of clicks.rows as { day: string; n: number }[]) {
    const p = points.get(row.day)
    if (p) p.clicks = row.n
  }
  for (const row of conversions.rows as { day: string; currency: string; n: number; commission: string }[]) {
    const p = points.get(row.day)
    if (!p) continue
    p.conversions += row.n
    p.commission[row.currency] = row.commission
  }
  for (const p of points.values()) {
    p.conversion_rate = p.clicks ? Math.round((p.conversions / p.clicks) * 10_000) / 100 : 0
  }
  return [...points.values()]
}
