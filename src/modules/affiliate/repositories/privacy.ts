import type { Context } from "@medusajs/framework/types"
import { SqlRepository } from "../sql/sql-repository"
import type { ErasureCounts } from "../types"

/*
 * Retention in small batches: each call is one short statement on rows the hot paths never write
 * (request-log rows past their retention, clicks past their attribution window), so it takes no
 * lock a conversion or a click waits for. The caller loops and pauses between batches.
 *
 * Erasure on request (GDPR art. 17): everything that describes the shopper goes, the money stays.
 * Conversions keep their amounts, status and commission (an affiliate is owed them) and lose the
 * user agent, IP hash, device, context and metadata; their clicks lose every visitor detail and
 * the subs and their token; outbound payloads of those conversions and what the network answered
 * to them are emptied; the carts' attributions and the request-log entries of those orders and
 * tokens go. Run inside one transaction by the service: all of it, or nothing.
 */
export class PrivacyRepository extends SqlRepository {
  /**
   * Deletes up to `batch` request-log rows created before `before`, the oldest first; answers how
   * many. `deleted_at is null` is what lets the batch walk the `created_at` index (partial, like
   * every index Medusa generates): without it each batch sorted the whole table, 2 s at 5 M rows.
   * Nothing soft-deletes request-log rows, so none is left behind.
   */
  async deleteRequestLogsBefore(before: Date, batch: number, sharedContext: Context = {}): Promise<number> {
    const knex = this.knex(sharedContext)
    const result = await knex.raw(
      `delete from affiliate_request_log where id in (
         select id from affiliate_request_log where created_at < ? and deleted_at is null order by created_at limit ?)`,
      [before, batch]
    )
    return result.rowCount ?? 0
  }

  /**
   * Clears the visitor details (user agent, referrer, IP hash, landing URL) of up to `batch` clicks
   * whose window ended before `expiredBefore`; what remains (campaign, affiliate, subs, device,
   * times) still counts in reports.
   */
  async clearClickDetailsExpiredBefore(expiredBefore: Date, batch: number, sharedContext: Context = {}): Promise<number> {
    const knex = this.knex(sharedContext)
    // The visitor hash goes with them, and so does the copy of the IP hash a store conversion
    // took from its click for the fraud signals (README, "Trust"): on the same schedule.
    const { rows } = await knex.raw(
      `with cleared as (
         update affiliate_click set user_agent = null, referrer = null, ip_hash = null, landing_url = null, visitor_hash = null,
                details_cleared_at = now()
          where id in (select id from affiliate_click
                        where details_cleared_at is null and expires_at < ? and deleted_at is null
                        order by expires_at limit ?)
         returning id
       ), conversions as (
         update affiliate_conversion c set ip_hash = null from cleared
          where c.click_id = cleared.id and c.source = 'store' and c.ip_hash is not null and c.deleted_at is null
         returning c.id
       )
       select count(*)::int as n from cleared`,
      [expiredBefore, batch]
    )
    return rows[0].n
  }

  async eraseShopperData(orderIds: string[], cartIds: string[], sharedContext: Context = {}): Promise<ErasureCounts> {
    const knex = this.knex(sharedContext)
    const attributions = cartIds.length
      ? await knex("affiliate_attribution").whereIn("cart_id", cartIds).select("id", "click_id")
      : []
    const conversions = orderIds.length
      ? await knex("affiliate_conversion")
          .whereIn("order_id", orderIds)
          .update({ user_agent: null, ip_hash: null, device_type: null, context: null, metadata: null }, ["id", "click_id"])
      : []
    const clickIds = [...new Set([...attributions, ...conversions].map((r: { click_id: string | null }) => r.click_id).filter(Boolean))] as string[]
    const tokens = clickIds.length
      ? ((await knex("affiliate_click").whereIn("id", clickIds).pluck("click_token")) as string[])
      : []
    const clicksCleared = clickIds.length
      ? await knex("affiliate_click")
          .whereIn("id", clickIds)
          .update({
            user_agent: null, referrer: null, ip_hash: null, landing_url: null, visitor_hash: null,
            sub1: null, sub2: null, sub3: null, sub4: null, sub5: null,
            // The token singles out the shopper's browser: it is replaced, and can never convert again.
            click_token: knex.raw(`'erased_' || id`),
            details_cleared_at: knex.fn.now(),
          })
      : 0
    const requestLogs = orderIds.length || tokens.length
      ? await knex("affiliate_request_log")
          .where((q) => {
            if (orderIds.length) q.whereIn("order_id", orderIds)
            if (tokens.length) q.orWhereIn("click_token", tokens)
          })
          .delete()
      : 0
    // A forwarded conversion's payload holds the token too; one not sent yet will never be. A
    // network may have echoed the order id and token in its answer: the attempts' excerpts go too.
    const deliveries = conversions.length
      ? await knex("affiliate_outbound_delivery")
          .whereIn("conversion_id", conversions.map((c: { id: string }) => c.id))
          .update({ payload: {}, status: knex.raw(`case when status = 'pending' then 'failed' else status end`), next_attempt_at: null }, ["id"])
      : []
    if (deliveries.length) {
      await knex("affiliate_outbound_attempt")
        .whereIn("delivery_id", deliveries.map((d: { id: string }) => d.id))
        .update({ response_excerpt: null })
    }
    const deliveriesCleared = deliveries.length
    const attributionsDeleted = attributions.length ? await knex("affiliate_attribution").whereIn("cart_id", cartIds).delete() : 0
    return {
      conversions_cleared: conversions.length,
      clicks_cleared: clicksCleared,
      deliveries_cleared: deliveriesCleared,
      attributions_deleted: attributionsDeleted,
      request_logs_deleted: requestLogs,
    }
  }
}
