import type { Context } from "@medusajs/framework/types"
import { apiKeyPrefix, hashApiKey, redactApiKeys } from "../utils/api-key"
import type { RateLimit } from "../rate-limit"
import type { ReportingRepository } from "../repositories/reporting"
import type { TrackingRepository } from "../repositories/tracking"
import type { RequestLogInput } from "../types"
import { asTestCommission, type SoldItem } from "../utils/commission"
import { decideConversion } from "../utils/conversion-decision"
import { detectDevice } from "../utils/device"
import { detectSignals, fraudRules } from "../utils/fraud-signals"
import { hashIp } from "../utils/ip-hash"
import { sumAmounts } from "../utils/money"
import { MAX_CLICK_TOKEN_LENGTH } from "../utils/click-token"
import * as answer from "../utils/s2s-answers"
import { flagIsSet, parseS2sInput, type S2sInput } from "../utils/s2s-input"
import type { ConversionListeners } from "./listeners"
import { priceSale } from "./price-sale"

/** One call to `/integration/s2sConvert`, as the HTTP layer read it: the key, wherever it came from, and the decoded parameters. */
export type S2sCall = { request_id: string; method: string; api_key: string | null; params: Record<string, unknown> }

export type S2sCallDeps = {
  tracking: TrackingRepository
  reporting: ReportingRepository
  rateLimit: RateLimit
  rateLimitPerMinute: number
  /** Keys the IP hash. */
  ipHashKey: Buffer
}

type LogFields = Pick<RequestLogInput, "campaign_id" | "key_prefix" | "order_id" | "click_token" | "is_test">

/** The answer, and the conversion the call created, if it did, with who wanted word of it. */
export type S2sOutcome = { answer: answer.S2sAnswer; created: { conversion_id: string; listeners: ConversionListeners } | null }

const answered = (result: answer.S2sAnswer): S2sOutcome => ({ answer: result, created: null })

/**
 * An S2S call from start to answer, kept in the request log whatever the outcome. The order of
 * checks is the contract's: the key is valid and not over its rate, the fields are valid; then the
 * conversion decision shared with the store path (consent, click, time, status); then what the
 * sale earns, and one statement that records the conversion, its items and its log entry. Not a
 * workflow: this is the hot path, two prepared statements measured in `npm run bench`.
 */
export async function recordS2sCall(deps: S2sCallDeps, call: S2sCall, sharedContext: Context): Promise<S2sOutcome> {
  const { params } = call
  // Redacted: a key pasted into the wrong parameter must not land in the log whole either.
  const fields: LogFields = {
    campaign_id: null,
    key_prefix: null,
    order_id: typeof params.order_id === "string" ? redactApiKeys(params.order_id.slice(0, 255)) : null,
    click_token: typeof params.click_token === "string" ? redactApiKeys(params.click_token.slice(0, 128)) : null,
    is_test: false,
  }
  const finish = async (result: answer.S2sAnswer, reason = result.body.message) => {
    await deps.tracking.insertRequestLog(
      { ...fields, request_id: call.request_id, source: "s2s", method: call.method, outcome: result.body.status, http_status: result.http, reason, conversion_id: null },
      sharedContext
    )
    return answered(result)
  }

  if (!call.api_key) return finish(answer.failed(401, answer.INVALID_API_KEY), "missing API key")
  fields.key_prefix = apiKeyPrefix(call.api_key)
  const keyHash = hashApiKey(call.api_key)
  // One read finds the key's campaign (its tool type decides which fields are required) and the
  // token's click; a token that is not a string matches no click, so a call refused for its
  // fields is still logged with its campaign.
  const token = typeof params.click_token === "string" && params.click_token.length <= MAX_CLICK_TOKEN_LENGTH ? params.click_token : ""
  // The fraud signals' reads on the call's IP hash ride in the same statement (checked as a field
  // below); a limited-data call's IP is not used at all (as the schema reads the flag).
  const ipHash = !flagIsSet(params.limited_data_use) && typeof params.ip === "string" && params.ip.length <= 64 ? hashIp(params.ip, deps.ipHashKey) : null
  const ctx = await deps.tracking.findS2sContext(keyHash, token, ipHash, sharedContext)
  if (!ctx) return finish(answer.failed(401, answer.INVALID_API_KEY), "unknown or revoked API key")
  fields.campaign_id = ctx.campaign_id

  const retryAfter = await deps.rateLimit.take(keyHash)
  if (retryAfter) {
    const limited = answer.failed(429, `Rate limit of ${deps.rateLimitPerMinute} calls per minute exceeded`)
    return finish({ ...limited, headers: { "Retry-After": String(retryAfter) } }, "rate_limited")
  }

  const parsed = parseS2sInput(params, ctx.tool_type)
  if ("errors" in parsed) return finish(answer.failed(400, parsed.message, parsed.errors))
  const data = parsed.data
  fields.is_test = data.test ?? false
  // A lead names no order total: it is recorded as 0 in the campaign's currency (its commission is flat).
  const orderCurrency = data.order_currency ?? ctx.currency_code
  if (!orderCurrency) {
    const message = "is required: this lead campaign has no currency of its own"
    return finish(answer.failed(400, `Invalid order_currency: ${message}`, [{ field: "order_currency", message }]))
  }

  const now = new Date()
  const occurredAt = data.occurred_at ?? now
  // A third statement, only for a campaign that credits the first order of a click.
  const clickConverted =
    ctx.orders_per_click === "first" && ctx.click_id && ctx.click_campaign_id === ctx.campaign_id
      ? await deps.tracking.isRepeatOrder({ id: ctx.click_id, campaign_id: ctx.campaign_id }, data.order_id, fields.is_test, sharedContext)
      : false
  const decision = decideConversion({
    attribution: { consent: data.consent ?? "granted", click_token: data.click_token },
    click: ctx.click_id
      ? { campaign_id: ctx.click_campaign_id!, affiliate_id: ctx.affiliate_id!, created_at: ctx.clicked_at!, expires_at: ctx.click_expires_at! }
      : null,
    campaign_id: ctx.campaign_id,
    campaign: { status: ctx.campaign_status, orders_per_click: ctx.orders_per_click },
    affiliate: ctx.affiliate_status ? { status: ctx.affiliate_status } : null,
    click_converted: clickConverted,
    occurred_at: occurredAt,
    now,
  })
  if (!decision.record) return finish(answer.forSkipReason(decision.reason), decision.reason)

  const items = soldItems(data)
  const orderTotal = data.order_total ?? (items.length ? sumAmounts(items.map((i) => i.item_value)) : "0")
  const sale = { order_total: orderTotal, order_currency: orderCurrency, items, occurred_at: occurredAt }
  const priced = await priceSale(deps.reporting, ctx, ctx.affiliate_id!, sale, data.customer_type ?? null, sharedContext)
  // Test conversions are never commissionable: they prove the integration, not a sale.
  const commission = data.test ? asTestCommission(priced) : priced
  const limited = data.limited_data_use === true
  // Never refuses nor changes the answer: a signal holds the conversion for review. Test conversions
  // earn nothing to review; a limited-data call's IP is not used.
  const signals = fields.is_test
    ? []
    : detectSignals(
        {
          order_email: null,
          affiliate_email: null,
          clicked_at: ctx.clicked_at,
          occurred_at: occurredAt,
          known_ip: limited ? null : ctx.known_ip,
          ip_conversions_last_hour: limited || ctx.ip_conversions_last_hour === null ? null : ctx.ip_conversions_last_hour + 1,
          coupon: null,
          paid_search_parameter: ctx.paid_search_param,
        },
        fraudRules(ctx.fraud_rules),
        ctx.trusted_signals
      )
  const result = await deps.tracking.recordConversion(
    {
      campaign_id: ctx.campaign_id,
      affiliate_id: ctx.affiliate_id!,
      click_id: ctx.click_id!,
      order_id: data.order_id,
      order_total: orderTotal,
      order_currency: orderCurrency,
      source: "s2s",
      is_test: fields.is_test,
      limited_data_use: limited,
      user_agent: limited ? null : data.user_agent ?? null,
      ip_hash: limited || !data.ip ? null : ipHash,
      device_type: limited ? null : data.device_type ?? (data.user_agent ? detectDevice(data.user_agent) : null),
      context: limited ? null : data.context ?? null,
      occurred_at: occurredAt,
      metadata: limited ? null : data.metadata ?? null,
      customer_type: data.customer_type ?? null,
      commission,
      signals,
    },
    { ...fields, request_id: call.request_id, source: "s2s", method: call.method, http_status: 200 },
    sharedContext
  )
  if (!result.created) return answered(answer.duplicate(result.conversion_id))
  return {
    answer: answer.recorded(result.conversion_id),
    created: {
      conversion_id: result.conversion_id,
      listeners: { webhooks: ctx.webhooks_listen, partner_mail: ctx.affiliate_wants_mail && !fields.is_test },
    },
  }
}

/** The call's items as the module keeps them (an S2S call names one category at most). */
function soldItems(data: S2sInput): SoldItem[] {
  return (data.items ?? []).map((item) => ({
    sku: item.sku,
    product_id: item.product_id ?? null,
    category: item.category ? [item.category] : [],
    collection: item.collection ?? null,
    quantity: item.quantity ?? 1,
    item_value: item.item_value,
    metadata: item.metadata ?? null,
  }))
}
