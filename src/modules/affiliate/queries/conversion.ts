import { entityId } from "../utils/entity-id"
import { rawBigNumber } from "../utils/money"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ConversionInsert, RecordedConversion, RecordedLogInput } from "../types"
import { runPrepared } from "../sql/prepared"
import { REQUEST_LOG_COLUMNS } from "./request-log"

/*
 * The S2S hot path writes in one prepared statement: the conversion upsert and its request-log
 * entry together. The generated service would need several round trips and an ORM unit of work
 * for the same; measured in `npm run bench` (README, "Performance").
 */

/**
 * Inserts the conversion unless the campaign already has one for this order, and logs the call in
 * the same statement. The unique index decides, so concurrent identical calls record one row;
 * a repeat bumps `duplicate_count` and returns the first row's id.
 */
export async function recordConversion(
  knex: Knex,
  row: ConversionInsert,
  log: RecordedLogInput
): Promise<RecordedConversion> {
  const id = entityId("aconv")
  const requestLogId = entityId("areq")
  const rows = await runPrepared<{ id: string }>(knex, "affiliate_record_conversion", `WITH conversion AS (
       INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total,
         raw_order_total, order_currency, commission_amount, raw_commission_amount, commission_currency,
         source, is_test, limited_data_use, user_agent, ip_hash, device_type, context, occurred_at, metadata, promotion_code)
       VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10::jsonb,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::jsonb,$32)
       ON CONFLICT (campaign_id, order_id, is_test) WHERE deleted_at IS NULL
       DO UPDATE SET duplicate_count = affiliate_conversion.duplicate_count + 1
       RETURNING id
     ), logged AS (
       INSERT INTO affiliate_request_log (${REQUEST_LOG_COLUMNS})
       SELECT $21, $22, $23, $24,
              CASE WHEN conversion.id = $1 THEN 'success' ELSE 'duplicate' END, $30::int,
              CASE WHEN conversion.id = $1 THEN $31 ELSE 'order already recorded' END,
              $25, $26, $27, $28, conversion.id, $29
         FROM conversion
     )
     SELECT id FROM conversion`,
    [
      id, row.campaign_id, row.affiliate_id, row.click_id, row.order_id, row.order_total, rawBigNumber(row.order_total),
      row.order_currency, row.commission_amount, rawBigNumber(row.commission_amount), row.commission_currency,
      row.source, row.is_test, row.limited_data_use, row.user_agent, row.ip_hash, row.device_type, row.context,
      row.occurred_at, row.metadata ? JSON.stringify(row.metadata) : null,
      requestLogId, log.request_id, log.source, log.method,
      log.campaign_id, log.key_prefix, log.order_id, log.click_token, log.is_test, log.http_status,
      log.reason ?? "recorded", row.promotion_code ?? null,
    ]
  )
  const conversionId: string = rows[0].id
  return { conversion_id: conversionId, created: conversionId === id, request_log_id: requestLogId }
}

/**
 * Takes back what `recordConversion` wrote: the conversion it created, or the `duplicate_count`
 * it added to an existing one, and its request-log entry. Run inside one transaction.
 */
export async function undoRecordedConversion(knex: Knex, recorded: RecordedConversion): Promise<void> {
  if (recorded.created) {
    await knex("affiliate_conversion").where({ id: recorded.conversion_id }).delete()
  } else {
    await knex("affiliate_conversion")
      .where({ id: recorded.conversion_id })
      .andWhere("duplicate_count", ">", 0)
      .update({ duplicate_count: knex.raw("duplicate_count - 1") })
  }
  await knex("affiliate_request_log").where({ id: recorded.request_log_id }).delete()
}
