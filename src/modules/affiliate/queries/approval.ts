import type { Knex } from "@medusajs/framework/mikro-orm/knex"

const HOLD_PERIOD_REASON = "approved after the hold period"

/**
 * Approves up to `batch` live pending conversions recorded at least their campaign's `hold_days`
 * before `now`, the oldest first; answers their ids. A conversion reversed or rejected during the
 * hold is no longer pending, and a partly refunded one keeps its recomputed commission. The scan
 * walks the (status, created_at) index no further than the shortest hold of any campaign, and
 * skips rows another worker holds, so two workers never approve the same row.
 */
export async function approveHeldConversions(knex: Knex, now: Date, batch: number): Promise<string[]> {
  const { rows } = await knex.raw(
    `WITH due AS (
       SELECT c.id
         FROM affiliate_conversion c
         JOIN affiliate_campaign cp ON cp.id = c.campaign_id
        WHERE c.status = 'pending' AND NOT c.is_test AND c.deleted_at IS NULL
          AND c.created_at <= ?::timestamptz - make_interval(days => (SELECT coalesce(min(hold_days), 0) FROM affiliate_campaign))
          AND c.created_at <= ?::timestamptz - make_interval(days => cp.hold_days)
        ORDER BY c.created_at
        LIMIT ?
        FOR UPDATE OF c SKIP LOCKED
     )
     UPDATE affiliate_conversion c SET status = 'approved', status_reason = ?, updated_at = now()
       FROM due WHERE c.id = due.id
     RETURNING c.id`,
    [now, now, batch, HOLD_PERIOD_REASON]
  )
  return (rows as { id: string }[]).map((r) => r.id)
}

/** Takes back an approval run (a compensation): those conversions pending again, if nothing moved them since. */
export async function reopenApprovedConversions(knex: Knex, ids: string[]): Promise<void> {
  if (!ids.length) return
  await knex("affiliate_conversion")
    .whereIn("id", ids)
    .andWhere({ status: "approved", status_reason: HOLD_PERIOD_REASON })
    .update({ status: "pending", status_reason: null })
}
