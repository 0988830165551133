import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ErasureCounts } from "../types"

/*
 * Erasure on request (GDPR art. 17): everything that describes the shopper goes, the money stays.
 * Conversions keep their amounts, status and commission (an affiliate is owed them) and lose the
 * user agent, IP hash, device, context and metadata; their clicks lose every visitor detail and
 * the subs; the carts' attributions and the request-log entries of those orders and tokens go.
 * Run inside one transaction by the service: all of it, or nothing.
 */
export async function eraseShopperData(knex: Knex, orderIds: string[], cartIds: string[]): Promise<ErasureCounts> {
  const attributions = cartIds.length
    ? await knex("affiliate_attribution").whereIn("cart_id", cartIds).select("id", "click_id")
    : []
  const conversions = orderIds.length
    ? await knex("affiliate_conversion")
        .whereIn("order_id", orderIds)
        .update({ user_agent: null, ip_hash: null, device_type: null, context: null, metadata: null }, ["id", "click_id"])
    : []
  const clickIds = [...new Set([...attributions, ...conversions].map((r: { click_id: string | null }) => r.click_id).filter(Boolean))] as string[]
  const clicks = clickIds.length
    ? await knex("affiliate_click")
        .whereIn("id", clickIds)
        .update(
          { user_agent: null, referrer: null, ip_hash: null, landing_url: null, sub1: null, sub2: null, sub3: null, sub4: null, sub5: null, details_cleared_at: knex.fn.now() },
          ["click_token"]
        )
    : []
  const tokens = clicks.map((c: { click_token: string }) => c.click_token)
  const requestLogs = orderIds.length || tokens.length
    ? await knex("affiliate_request_log")
        .where((q) => {
          if (orderIds.length) q.whereIn("order_id", orderIds)
          if (tokens.length) q.orWhereIn("click_token", tokens)
        })
        .delete()
    : 0
  const attributionsDeleted = attributions.length ? await knex("affiliate_attribution").whereIn("cart_id", cartIds).delete() : 0
  return {
    conversions_cleared: conversions.length,
    clicks_cleared: clicks.length,
    attributions_deleted: attributionsDeleted,
    request_logs_deleted: requestLogs,
  }
}
