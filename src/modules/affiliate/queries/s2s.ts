import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { runPrepared } from "./prepared"

/*
 * The S2S hot path in two prepared statements: one read (key, campaign, click, affiliate) and one
 * write (conversion upsert and its request-log entry together). The generated service would need
 * five round trips and an ORM unit of work for the same; measured in `npm run bench` (README).
 */

export type S2sContext = {
  campaign_id: string
  key_hash: string
  key_prefix: string
  campaign_status: "active" | "paused" | "archived"
  commission_type: "percentage" | "flat"
  commission_value: string
  currency_code: string | null
  click_id: string | null
  click_campaign_id: string | null
  affiliate_id: string | null
  affiliate_status: "active" | "paused" | null
  clicked_at: Date | null
  click_expires_at: Date | null
}

/**
 * The live key's campaign and, if the token exists anywhere, its click. Null for a bad key: the
 * one definition of a live key (not expired, campaign not deleted).
 */
export async function findS2sContext(knex: Knex, keyHash: string, clickToken: string): Promise<S2sContext | null> {
  const rows = await runPrepared<S2sContext>(knex, "affiliate_s2s_context", `SELECT k.campaign_id, k.key_hash, k.key_prefix, c.status AS campaign_status, c.commission_type,
            c.commission_value::text AS commission_value, c.currency_code,
            clk.id AS click_id, clk.campaign_id AS click_campaign_id, clk.affiliate_id,
            a.status AS affiliate_status, clk.created_at AS clicked_at, clk.expires_at AS click_expires_at
       FROM affiliate_api_key k
       JOIN affiliate_campaign c ON c.id = k.campaign_id AND c.deleted_at IS NULL
       LEFT JOIN affiliate_click clk ON clk.click_token = $1 AND clk.deleted_at IS NULL
       LEFT JOIN affiliate a ON a.id = clk.affiliate_id AND a.deleted_at IS NULL
      WHERE k.key_hash = $2 AND k.deleted_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [clickToken, keyHash]
  )
  return rows[0] ?? null
}

export type RequestLogInput = {
  request_id: string
  source: "s2s" | "store"
  method: string | null
  outcome: "success" | "duplicate" | "skipped" | "error"
  http_status: number | null
  reason: string
  campaign_id: string | null
  key_prefix: string | null
  order_id: string | null
  click_token: string | null
  conversion_id: string | null
  is_test: boolean
}

const LOG_COLUMNS = `id, request_id, source, method, outcome, http_status, reason, campaign_id, key_prefix,
  order_id, click_token, conversion_id, is_test`

export async function insertRequestLog(knex: Knex, log: RequestLogInput): Promise<void> {
  await runPrepared(knex, "affiliate_insert_request_log", `INSERT INTO affiliate_request_log (${LOG_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`, [
    generateEntityId(undefined, "areq"),
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
}

export type ConversionInsert = {
  campaign_id: string
  affiliate_id: string
  click_id: string
  order_id: string
  order_total: string
  order_currency: string
  commission_amount: string
  commission_currency: string
  source: "s2s" | "store"
  is_test: boolean
  limited_data_use: boolean
  user_agent: string | null
  ip_hash: string | null
  device_type: string | null
  context: string | null
  occurred_at: Date
  metadata: Record<string, unknown> | null
}

/**
 * Inserts the conversion unless the campaign already has one for this order, and logs the call in
 * the same statement. The unique index decides, so concurrent identical calls record one row;
 * a repeat bumps `duplicate_count` and returns the first row's id.
 */
export async function recordConversion(
  knex: Knex,
  row: ConversionInsert,
  log: Omit<RequestLogInput, "outcome" | "conversion_id" | "reason">
): Promise<{ conversion_id: string; duplicate: boolean }> {
  const id = generateEntityId(undefined, "aconv")
  const raw = (value: string) => JSON.stringify({ value, precision: 20 })
  const rows = await runPrepared<{ id: string }>(knex, "affiliate_record_conversion", `WITH conversion AS (
       INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total,
         raw_order_total, order_currency, commission_amount, raw_commission_amount, commission_currency,
         source, is_test, limited_data_use, user_agent, ip_hash, device_type, context, occurred_at, metadata)
       VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10::jsonb,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::jsonb)
       ON CONFLICT (campaign_id, order_id, is_test) WHERE deleted_at IS NULL
       DO UPDATE SET duplicate_count = affiliate_conversion.duplicate_count + 1
       RETURNING id
     ), logged AS (
       INSERT INTO affiliate_request_log (${LOG_COLUMNS})
       SELECT $21, $22, $23, $24,
              CASE WHEN conversion.id = $1 THEN 'success' ELSE 'duplicate' END, $30::int,
              CASE WHEN conversion.id = $1 THEN 'recorded' ELSE 'order already recorded' END,
              $25, $26, $27, $28, conversion.id, $29
         FROM conversion
     )
     SELECT id FROM conversion`,
    [
      id, row.campaign_id, row.affiliate_id, row.click_id, row.order_id, row.order_total, raw(row.order_total),
      row.order_currency, row.commission_amount, raw(row.commission_amount), row.commission_currency,
      row.source, row.is_test, row.limited_data_use, row.user_agent, row.ip_hash, row.device_type, row.context,
      row.occurred_at, row.metadata ? JSON.stringify(row.metadata) : null,
      generateEntityId(undefined, "areq"), log.request_id, log.source, log.method,
      log.campaign_id, log.key_prefix, log.order_id, log.click_token, log.is_test, log.http_status,
    ]
  )
  const conversionId: string = rows[0].id
  return { conversion_id: conversionId, duplicate: conversionId !== id }
}
