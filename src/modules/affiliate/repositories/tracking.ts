import type { Context } from "@medusajs/framework/types"
import { AffiliateEvents } from "../events"
import { LIVE_CLICK } from "../sql/live-click"
import { WANTS_EACH_CONVERSION_MAIL, WEBHOOK_LISTENS } from "../sql/listeners"
import { IP_CONVERSIONS_LAST_HOUR, KNOWN_IP, TRUSTED_SIGNALS } from "../sql/signal-facts"
import { runPrepared } from "../sql/prepared"
import { SqlRepository } from "../sql/sql-repository"
import type { ConversionInsert, RecordedConversion, RecordedLogInput, RequestLogInput, S2sContext } from "../types"
import { entityId } from "../utils/entity-id"
import { rawBigNumber, rawBigNumberSql } from "../utils/money"

/*
 * The two hot paths, the affiliate link and the S2S call, each one prepared read and one prepared
 * write, without the ORM; and the request log every call writes. Prepared statements are planned
 * once per connection (planning was ~1.8 ms of a ~2 ms lookup); the generated service would need
 * several round trips and a unit of work for the same (README, "Performance").
 */

export type ClickTarget = {
  campaign_id: string | null
  campaign_status: "active" | "paused" | "archived" | null
  target_url: string | null
  allowed_redirect_hosts: string[] | null
  attribution_window_days: number | null
  affiliate_id: string | null
  affiliate_status: "active" | "paused" | null
  /** The visitor's live click through this link inside the campaign's unique-click window, if any. */
  repeat_token: string | null
  repeat_expires_at: Date | null
}

/** Where a visit came from: the rollups' dimensions (README, "Trust"). */
export type VisitSource = { country: string; device: string; referrer: string }

export type ClickInsert = {
  click_token: string
  campaign_id: string
  affiliate_id: string
  subs: (string | null)[]
  landing_url: string
  referrer: string | null
  user_agent: string | null
  device_type: string
  ip_hash: string | null
  visitor_hash: string | null
  country: string
  referrer_host: string
  paid_search_param: string | null
  expires_at: Date
}

/** A found click as the cart capture sees it. */
export type LiveClick = { id: string; click_token: string; expires_at: Date }

export const REQUEST_LOG_COLUMNS = `id, request_id, source, method, outcome, http_status, reason, campaign_id, key_prefix,
  order_id, click_token, conversion_id, is_test`

/**
 * The items of a conversion as `jsonb_to_recordset` reads them in the recording statement: the
 * amounts as the decimal text they were priced as, their big-number columns built from it there.
 */
const ITEM_RECORD = `id text, sku text, product_id text, category text[], collection text, quantity int, item_value text,
  commission_amount text, commission_rate text, rule_id text, metadata jsonb`

const rawOrNull = (value: string | null) => (value === null ? null : rawBigNumber(value))

export class TrackingRepository extends SqlRepository {
  /**
   * The campaign (by id or handle) and the affiliate (by code), either may be missing; and, for a
   * visitor hash, the visitor's latest live click through this link inside the campaign's
   * unique-click window: one probe of the (visitor_hash, created_at) index, in the same statement.
   */
  async findClickTarget(campaign: string, affiliateCode: string, visitorHash: string | null, sharedContext: Context = {}): Promise<ClickTarget> {
    const rows = await runPrepared<ClickTarget>(this.knex(sharedContext), "affiliate_click_target", `SELECT c.id AS campaign_id, c.status AS campaign_status, c.target_url, c.allowed_redirect_hosts,
              c.attribution_window_days, a.id AS affiliate_id, a.status AS affiliate_status,
              r.click_token AS repeat_token, r.expires_at AS repeat_expires_at
         FROM (SELECT 1) one
         LEFT JOIN affiliate_campaign c ON (c.id = $1 OR c.handle = $2) AND c.deleted_at IS NULL
         LEFT JOIN affiliate a ON a.code = $3 AND a.deleted_at IS NULL
         LEFT JOIN LATERAL (
           SELECT k.click_token, k.expires_at FROM affiliate_click k
            WHERE k.visitor_hash = $4 AND k.campaign_id = c.id AND k.affiliate_id = a.id AND ${LIVE_CLICK("k")}
              AND k.created_at > now() - make_interval(mins => c.unique_click_window_minutes) AND k.expires_at > now()
            ORDER BY k.created_at DESC LIMIT 1
         ) r ON $4::text IS NOT NULL
        LIMIT 1`,
      [campaign, campaign, affiliateCode, visitorHash]
    )
    return rows[0]
  }

  async insertClick(click: ClickInsert, sharedContext: Context = {}): Promise<string> {
    const id = entityId("aclk")
    await runPrepared(this.knex(sharedContext), "affiliate_insert_click", `INSERT INTO affiliate_click (id, click_token, campaign_id, affiliate_id, sub1, sub2, sub3, sub4, sub5,
         landing_url, referrer, user_agent, device_type, ip_hash, expires_at, visitor_hash, country, referrer_host, paid_search_param)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
      [
        id, click.click_token, click.campaign_id, click.affiliate_id, ...[0, 1, 2, 3, 4].map((i) => click.subs[i] ?? null),
        click.landing_url, click.referrer, click.user_agent, click.device_type, click.ip_hash, click.expires_at,
        click.visitor_hash, click.country, click.referrer_host, click.paid_search_param,
      ]
    )
    return id
  }

  /**
   * Counts a crawler's visit (README, "Bots and in-app browsers"): no click row, only a delta on the
   * day's rollup, appended like the triggers' deltas so no shared row is locked.
   */
  async countFilteredClick(campaignId: string, affiliateId: string, sharedContext: Context = {}): Promise<void> {
    await runPrepared(this.knex(sharedContext), "affiliate_count_filtered_click", `INSERT INTO affiliate_stat_delta (campaign_id, affiliate_id, day, filtered_clicks)
       VALUES ($1, $2, (now() at time zone 'UTC')::date, 1)`,
      [campaignId, affiliateId]
    )
  }

  /**
   * Counts a repeat visit that reused the visitor's click (README, "Trust"): no click row, a delta
   * on the day's rollup with one raw click and no unique one, where the visit came from.
   */
  async countRepeatClick(campaignId: string, affiliateId: string, source: VisitSource, sharedContext: Context = {}): Promise<void> {
    await runPrepared(this.knex(sharedContext), "affiliate_count_repeat_click", `INSERT INTO affiliate_stat_delta (campaign_id, affiliate_id, day, clicks, country, device, referrer)
       VALUES ($1, $2, (now() at time zone 'UTC')::date, 1, $3, $4, $5)`,
      [campaignId, affiliateId, source.country, source.device, source.referrer]
    )
  }

  /** The live click of a token, matched byte for byte, or null (the cart capture's lookup). */
  async findLiveClick(clickToken: string, sharedContext: Context = {}): Promise<LiveClick | null> {
    const rows = await runPrepared<LiveClick>(this.knex(sharedContext), "affiliate_live_click",
      `SELECT clk.id, clk.click_token, clk.expires_at FROM affiliate_click clk WHERE clk.click_token = $1 AND ${LIVE_CLICK("clk")}`,
      [clickToken]
    )
    return rows[0] ?? null
  }

  /**
   * The live key's campaign and, if the token names a live click anywhere, that click, in one
   * prepared read. Null for a bad key: the one definition of a live key (not expired, campaign not
   * deleted). With the facts the fraud signals need (sql/signal-facts.ts): the subqueries on the
   * call's IP hash run only when it has one.
   */
  async findS2sContext(keyHash: string, clickToken: string, ipHash: string | null, sharedContext: Context = {}): Promise<S2sContext | null> {
    const rows = await runPrepared<S2sContext>(this.knex(sharedContext), "affiliate_s2s_context", `SELECT k.campaign_id, k.key_prefix, c.status AS campaign_status, c.commission_type,
              c.commission_value::text AS commission_value, c.currency_code, c.commission_rules, c.tool_type, c.orders_per_click,
              c.fraud_rules, clk.id AS click_id, clk.campaign_id AS click_campaign_id, clk.affiliate_id,
              a.status AS affiliate_status, clk.created_at AS clicked_at, clk.expires_at AS click_expires_at,
              clk.paid_search_param, ${TRUSTED_SIGNALS("clk.affiliate_id")} AS trusted_signals,
              ${KNOWN_IP("clk.affiliate_id", "$3::text")} AS known_ip,
              ${IP_CONVERSIONS_LAST_HOUR("clk.affiliate_id", "$3::text")} AS ip_conversions_last_hour,
              ${WEBHOOK_LISTENS(`'${AffiliateEvents.CONVERSION_CREATED}'`)} AS webhooks_listen,
              coalesce(${WANTS_EACH_CONVERSION_MAIL("a")}, false) AS affiliate_wants_mail
         FROM affiliate_api_key k
         JOIN affiliate_campaign c ON c.id = k.campaign_id AND c.deleted_at IS NULL
         LEFT JOIN affiliate_click clk ON clk.click_token = $1 AND ${LIVE_CLICK("clk")}
         LEFT JOIN affiliate a ON a.id = clk.affiliate_id AND a.deleted_at IS NULL
        WHERE k.key_hash = $2 AND k.deleted_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [clickToken, keyHash, ipHash]
    )
    return rows[0] ?? null
  }

  /** A live key's campaign (and the prefix the log may show), or null: the same definition of a live key as the S2S call's. */
  async findKeyCampaign(keyHash: string, sharedContext: Context = {}): Promise<{ campaign_id: string; key_prefix: string } | null> {
    const rows = await runPrepared<{ campaign_id: string; key_prefix: string }>(this.knex(sharedContext), "affiliate_key_campaign", `SELECT k.campaign_id, k.key_prefix
         FROM affiliate_api_key k
         JOIN affiliate_campaign c ON c.id = k.campaign_id AND c.deleted_at IS NULL
        WHERE k.key_hash = $1 AND k.deleted_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [keyHash]
    )
    return rows[0] ?? null
  }

  /**
   * Whether this order would be a repeat order of the click: another order already earned a
   * conversion through it (live and test apart, as the unique index keeps them; a reversed one, a
   * canceled or refunded order, does not count), and this order is not recorded yet (a repeated
   * report of it stays its `duplicate`). Run only for a campaign that credits the first order of a
   * click: one probe of the click_id index and one of the (order, campaign) unique index.
   */
  async isRepeatOrder(click: { id: string; campaign_id: string }, orderId: string, isTest: boolean, sharedContext: Context = {}): Promise<boolean> {
    const rows = await runPrepared<{ repeat: boolean }>(this.knex(sharedContext), "affiliate_is_repeat_order", `SELECT EXISTS (
         SELECT 1 FROM affiliate_conversion
          WHERE click_id = $1 AND deleted_at IS NULL AND order_id <> $3 AND is_test = $4 AND status <> 'reversed'
       ) AND NOT EXISTS (
         SELECT 1 FROM affiliate_conversion
          WHERE order_id = $3 AND campaign_id = $2 AND is_test = $4 AND deleted_at IS NULL
       ) AS repeat`,
      [click.id, click.campaign_id, orderId, isTest]
    )
    return rows[0].repeat
  }

  /**
   * Records a conversion with its items and its request-log entry in one prepared statement,
   * unless the campaign already has one for this order. The unique index decides, so concurrent
   * identical calls record one row; a repeat bumps `duplicate_count`, writes no item, and returns
   * the first row's id.
   */
  async recordConversion(row: ConversionInsert, log: RecordedLogInput, sharedContext: Context = {}): Promise<RecordedConversion> {
    const id = entityId("aconv")
    const requestLogId = entityId("areq")
    const { commission } = row
    const items = commission.items.map((item) => ({ ...item, id: entityId("acit"), metadata: row.limited_data_use ? null : item.metadata }))
    const rows = await runPrepared<{ id: string }>(this.knex(sharedContext), "affiliate_record_conversion", `WITH conversion AS (
         INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total,
           raw_order_total, order_currency, commission_amount, raw_commission_amount, commission_currency,
           source, is_test, limited_data_use, user_agent, ip_hash, device_type, context, occurred_at, metadata, promotion_code,
           commission_type, commission_rate, raw_commission_rate, commission_rule_id, customer_type, signals, flagged)
         VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10::jsonb,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::jsonb,$32,$33,$34,$35::jsonb,$36,$37,$39::jsonb,$40)
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
       ), items AS (
         INSERT INTO affiliate_conversion_item (id, conversion_id, sku, product_id, category, collection, quantity, item_value,
           raw_item_value, commission_amount, raw_commission_amount, commission_rate, raw_commission_rate, rule_id, metadata)
         SELECT i.id, conversion.id, i.sku, i.product_id, coalesce(i.category, '{}'), i.collection, i.quantity,
                i.item_value::numeric, ${rawBigNumberSql("i.item_value")}, i.commission_amount::numeric, ${rawBigNumberSql("i.commission_amount")},
                i.commission_rate::numeric, ${rawBigNumberSql("i.commission_rate")}, i.rule_id, i.metadata
           FROM conversion, jsonb_to_recordset($38::jsonb) AS i(${ITEM_RECORD})
          WHERE conversion.id = $1
       )
       SELECT id FROM conversion`,
      [
        id, row.campaign_id, row.affiliate_id, row.click_id, row.order_id, row.order_total, rawBigNumber(row.order_total),
        row.order_currency, commission.commission_amount, rawBigNumber(commission.commission_amount), commission.commission_currency,
        row.source, row.is_test, row.limited_data_use, row.user_agent, row.ip_hash, row.device_type, row.context,
        row.occurred_at, row.metadata ? JSON.stringify(row.metadata) : null,
        requestLogId, log.request_id, log.source, log.method,
        log.campaign_id, log.key_prefix, log.order_id, log.click_token, log.is_test, log.http_status,
        log.reason ?? "recorded", row.promotion_code ?? null,
        commission.commission_type, commission.commission_rate, rawOrNull(commission.commission_rate), commission.commission_rule_id,
        row.customer_type, JSON.stringify(items), JSON.stringify(row.signals), row.signals.length > 0,
      ]
    )
    const conversionId: string = rows[0].id
    return { conversion_id: conversionId, created: conversionId === id, request_log_id: requestLogId }
  }

  /**
   * Takes back what `recordConversion` wrote: the conversion it created (with its items), or the
   * `duplicate_count` it added to an existing one, and its request-log entry. Run in one transaction.
   */
  async undoRecordedConversion(recorded: RecordedConversion, sharedContext: Context = {}): Promise<void> {
    const knex = this.knex(sharedContext)
    if (recorded.created) {
      await knex("affiliate_conversion_item").where({ conversion_id: recorded.conversion_id }).delete()
      await knex("affiliate_conversion").where({ id: recorded.conversion_id }).delete()
    } else {
      await knex("affiliate_conversion")
        .where({ id: recorded.conversion_id })
        .andWhere("duplicate_count", ">", 0)
        .update({ duplicate_count: knex.raw("duplicate_count - 1") })
    }
    await knex("affiliate_request_log").where({ id: recorded.request_log_id }).delete()
  }

  /** Appends one entry to the request log (prepared: every S2S call writes one); returns its id. */
  async insertRequestLog(log: RequestLogInput, sharedContext: Context = {}): Promise<string> {
    const id = entityId("areq")
    await runPrepared(this.knex(sharedContext), "affiliate_insert_request_log", `INSERT INTO affiliate_request_log (${REQUEST_LOG_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`, [
      id, log.request_id, log.source, log.method, log.outcome, log.http_status, log.reason, log.campaign_id, log.key_prefix,
      log.order_id, log.click_token, log.conversion_id, log.is_test,
    ])
    return id
  }
}
