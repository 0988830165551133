import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { S2sContext } from "../types"
import { runPrepared } from "../sql/prepared"

/**
 * The live key's campaign and, if the token exists anywhere, its click, in one prepared read. Null
 * for a bad key: the one definition of a live key (not expired, campaign not deleted).
 */
export async function findS2sContext(knex: Knex, keyHash: string, clickToken: string): Promise<S2sContext | null> {
  const rows = await runPrepared<S2sContext>(knex, "affiliate_s2s_context", `SELECT k.campaign_id, k.key_prefix, c.status AS campaign_status, c.commission_type,
            c.commission_value::text AS commission_value, c.currency_code, c.tool_type,
            clk.id AS click_id, clk.campaign_id AS click_campaign_id, clk.affiliate_id,
            a.status AS affiliate_status, clk.created_at AS clicked_at, clk.expires_at AS click_expires_at
       FROM affiliate_api_key k
       JOIN affiliate_campaign c ON c.id = k.campaign_id AND c.deleted_at IS NULL
       LEFT JOIN affiliate_click clk ON clk.click_token = $1 AND clk.deleted_at IS NULL AND clk.details_cleared_at IS NULL
       LEFT JOIN affiliate a ON a.id = clk.affiliate_id AND a.deleted_at IS NULL
      WHERE k.key_hash = $2 AND k.deleted_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [clickToken, keyHash]
  )
  return rows[0] ?? null
}
