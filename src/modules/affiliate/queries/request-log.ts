import { entityId } from "../utils/entity-id"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RequestLogInput } from "../types"
import { runPrepared } from "../sql/prepared"

export const REQUEST_LOG_COLUMNS = `id, request_id, source, method, outcome, http_status, reason, campaign_id, key_prefix,
  order_id, click_token, conversion_id, is_test`

/** Appends one entry to the request log (prepared: every S2S call writes one); returns its id. */
export async function insertRequestLog(knex: Knex, log: RequestLogInput): Promise<string> {
  const id = entityId("areq")
  await runPrepared(knex, "affiliate_insert_request_log", `INSERT INTO affiliate_request_log (${REQUEST_LOG_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`, [
    id,
    log.request_id,
    log.source,
    log.method,
    log.outcome,
    log.http_status,
    log.reason,
    log.campaign_id,
    log.key_prefix,
    log.order_id,
    log.click_token,
    log.conversion_id,
    log.is_test,
  ])
  return id
}
