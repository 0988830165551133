import type { Context } from "@medusajs/framework/types"
import { WEBHOOK_LISTENS } from "../sql/listeners"
import { runPrepared } from "../sql/prepared"
import { SqlRepository } from "../sql/sql-repository"
import type { ClaimedDelivery } from "../types"

/** How long a claimed delivery stays invisible to other workers while it is being sent. */
const LEASE_MS = 5 * 60 * 1000

/** The outbox of outbound S2S and webhook deliveries: workers claim what is due. */
export class OutboxRepository extends SqlRepository {
  /**
   * Claims due pending deliveries (or the given ones) for this worker. SKIP LOCKED and the lease let
   * several server instances run the job at once without sending the same delivery twice.
   */
  async claimDeliveries(now: Date, ids: string[] | null, limit = 50, sharedContext: Context = {}): Promise<ClaimedDelivery[]> {
    return runPrepared<ClaimedDelivery>(
      this.knex(sharedContext),
      "affiliate_claim_outbox",
      `WITH due AS (
         SELECT id, next_attempt_at FROM affiliate_outbound_delivery
          WHERE status = 'pending' AND deleted_at IS NULL
            AND ($3::text[] IS NULL AND next_attempt_at <= $1 OR id = ANY($3::text[]))
          ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
       )
       UPDATE affiliate_outbound_delivery d SET next_attempt_at = $2, updated_at = now()
         FROM due
        WHERE d.id = due.id
       RETURNING d.id, d.url, d.method, d.payload, d.attempt_count, d.max_attempts, due.next_attempt_at, d.webhook_id, d.event_type,
                 (SELECT c.outbound_api_key_ciphertext FROM affiliate_campaign c WHERE c.id = d.campaign_id) AS outbound_api_key_ciphertext,
                 (SELECT c.outbound_parameter_names FROM affiliate_campaign c WHERE c.id = d.campaign_id) AS outbound_parameter_names,
                 (SELECT w.secret_ciphertext FROM affiliate_webhook w WHERE w.id = d.webhook_id AND w.deleted_at IS NULL) AS webhook_secret_ciphertext,
                 (SELECT w.status FROM affiliate_webhook w WHERE w.id = d.webhook_id AND w.deleted_at IS NULL) AS webhook_status`,
      [now, new Date(now.getTime() + LEASE_MS), ids, limit]
    )
  }

  /**
   * A webhook delivery's final outcome: a success resets the webhook's count of deliveries that
   * failed in a row; a failure adds one, and the `disableAfter`-th disables the webhook with the
   * reason. One statement, so concurrent workers count right.
   */
  async recordWebhookOutcome(webhookId: string, delivered: boolean, reason: string, disableAfter: number, sharedContext: Context = {}): Promise<void> {
    await this.knex(sharedContext).raw(
      `UPDATE affiliate_webhook SET
          consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures + 1 END,
          status = CASE WHEN NOT ? AND consecutive_failures + 1 >= ? THEN 'disabled' ELSE status END,
          disabled_reason = CASE WHEN NOT ? AND consecutive_failures + 1 >= ? AND status = 'enabled' THEN ? ELSE disabled_reason END,
          updated_at = now()
        WHERE id = ? AND deleted_at IS NULL`,
      [delivered, delivered, disableAfter, delivered, disableAfter, reason, webhookId]
    )
  }

  /**
   * Whether any enabled webhook asked for `type`: read for every event before any workflow runs, so
   * prepared (a handful of rows).
   */
  async webhookListens(type: string, sharedContext: Context = {}): Promise<boolean> {
    const rows = await runPrepared<{ listens: boolean }>(
      this.knex(sharedContext),
      "affiliate_webhook_listens",
      `SELECT ${WEBHOOK_LISTENS("$1::text")} AS listens`,
      [type]
    )
    return rows[0].listens
  }
}
