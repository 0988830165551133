import { entityId } from "../utils/entity-id"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { runPrepared } from "../sql/prepared"

/* The affiliate link's hot path: one prepared read and one prepared insert, without the ORM. */

export type ClickTarget = {
  campaign_id: string | null
  campaign_status: "active" | "paused" | "archived" | null
  target_url: string | null
  allowed_redirect_hosts: string[] | null
  attribution_window_days: number | null
  affiliate_id: string | null
  affiliate_status: "active" | "paused" | null
}

/** The campaign (by id or handle) and the affiliate (by code); either may be missing. */
export async function findClickTarget(knex: Knex, campaign: string, affiliateCode: string): Promise<ClickTarget> {
  const rows = await runPrepared<ClickTarget>(knex, "affiliate_click_target", `SELECT c.id AS campaign_id, c.status AS campaign_status, c.target_url, c.allowed_redirect_hosts,
            c.attribution_window_days, a.id AS affiliate_id, a.status AS affiliate_status
       FROM (SELECT 1) one
       LEFT JOIN affiliate_campaign c ON (c.id = $1 OR c.handle = $2) AND c.deleted_at IS NULL
       LEFT JOIN affiliate a ON a.code = $3 AND a.deleted_at IS NULL
      LIMIT 1`,
    [campaign, campaign, affiliateCode]
  )
  return rows[0]
}

export type ClickInsert = {
  click_token: string
  campaign_id: string
  affiliate_id: string
  subs: (string | null)[]
  landing_url: string
  referrer: string | null
  user_agent: string | null
  device_type: string
  ip_hash: string | null
  expires_at: Date
}

export async function insertClick(knex: Knex, click: ClickInsert): Promise<string> {
  const id = entityId("aclk")
  await runPrepared(knex, "affiliate_insert_click", `INSERT INTO affiliate_click (id, click_token, campaign_id, affiliate_id, sub1, sub2, sub3, sub4, sub5,
       landing_url, referrer, user_agent, device_type, ip_hash, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      id, click.click_token, click.campaign_id, click.affiliate_id, ...[0, 1, 2, 3, 4].map((i) => click.subs[i] ?? null),
      click.landing_url, click.referrer, click.user_agent, click.device_type, click.ip_hash, click.expires_at,
    ]
  )
  return id
}

/**
 * Counts a crawler's visit (README, "Bots and in-app browsers"): no click row, only a delta on the
 * day's rollup, appended like the triggers' deltas so no shared row is locked.
 */
export async function countFilteredClick(knex: Knex, campaignId: string, affiliateId: string): Promise<void> {
  await runPrepared(knex, "affiliate_count_filtered_click", `INSERT INTO affiliate_stat_delta (campaign_id, affiliate_id, day, filtered_clicks)
     VALUES ($1, $2, (now() at time zone 'UTC')::date, 1)`,
    [campaignId, affiliateId]
  )
}
