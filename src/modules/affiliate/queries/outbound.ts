import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ClaimedDelivery } from "../types"
import { runPrepared } from "../sql/prepared"

/** How long a claimed delivery stays invisible to other workers while it is being sent. */
const LEASE_MS = 5 * 60 * 1000

/**
 * Claims due pending deliveries (or the given ones) for this worker. SKIP LOCKED and the lease let
 * several server instances run the job at once without sending the same delivery twice.
 */
export async function claimDeliveries(knex: Knex, now: Date, ids: string[] | null, limit = 50): Promise<ClaimedDelivery[]> {
  return runPrepared<ClaimedDelivery>(
    knex,
    "affiliate_claim_outbound",
    `WITH due AS (
       SELECT id, next_attempt_at FROM affiliate_outbound_delivery
        WHERE status = 'pending' AND deleted_at IS NULL
          AND ($3::text[] IS NULL AND next_attempt_at <= $1 OR id = ANY($3::text[]))
        ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
     )
     UPDATE affiliate_outbound_delivery d SET next_attempt_at = $2, updated_at = now()
       FROM due, affiliate_campaign c
      WHERE d.id = due.id AND c.id = d.campaign_id
     RETURNING d.id, d.url, d.method, d.payload, d.attempt_count, d.max_attempts, due.next_attempt_at,
               c.outbound_api_key_ciphertext, c.outbound_parameter_names`,
    [now, new Date(now.getTime() + LEASE_MS), ids, limit]
  )
}
