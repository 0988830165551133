import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/*
 * Retention in small batches: each call is one short statement on rows the hot paths never write
 * (request-log rows past their retention, clicks past their attribution window), so it takes no
 * lock a conversion or a click waits for. The caller loops and pauses between batches.
 */

/**
 * Deletes up to `batch` request-log rows created before `before`, the oldest first; answers how
 * many. `deleted_at is null` is what lets the batch walk the `created_at` index (partial, like
 * every index Medusa generates): without it each batch sorted the whole table, 2 s at 5 M rows.
 * Nothing soft-deletes request-log rows, so none is left behind.
 */
export async function deleteRequestLogsBefore(knex: Knex, before: Date, batch: number): Promise<number> {
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
export async function clearClickDetailsExpiredBefore(knex: Knex, expiredBefore: Date, batch: number): Promise<number> {
  const result = await knex.raw(
    `update affiliate_click set user_agent = null, referrer = null, ip_hash = null, landing_url = null, details_cleared_at = now()
      where id in (select id from affiliate_click
                    where details_cleared_at is null and expires_at < ? and deleted_at is null
                    order by expires_at limit ?)`,
    [expiredBefore, batch]
  )
  return result.rowCount ?? 0
}
