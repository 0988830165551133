import type { MedusaRequest } from "@medusajs/framework/http"
import { apiKeyPrefix, hashApiKey, redactApiKeys } from "../../../lib/api-key"
import { decideConversion } from "../../../lib/conversion-decision"
import { detectDevice } from "../../../modules/affiliate/utils/device"
import { MAX_CLICK_TOKEN_LENGTH } from "../../../modules/affiliate/utils/click-token"
import { hashIp } from "../../../modules/affiliate/utils/ip-hash"
import { computeCommission } from "../../../modules/affiliate/utils/money"
import { parseS2sInput } from "../../../modules/affiliate/utils/s2s-input"
import { AffiliateEvents, emitAffiliateEvent } from "../../../modules/affiliate/events"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import * as answer from "./answers"
import { readS2sParams } from "./read-input"

type LogFields = { campaign_id: string | null; key_prefix: string | null; order_id: string | null; click_token: string | null; is_test: boolean }

/**
 * Handles one S2S call and keeps it in the request log, whatever the outcome. The order of checks
 * is the contract's: input can be decoded (and stored), the key is valid, not over its rate, the
 * fields are valid; then the conversion decision shared with the store path (consent, click, time,
 * status). Not a workflow: this is the hot path, two prepared statements measured in `npm run bench`.
 */
export async function convert(req: MedusaRequest, service: AffiliateModuleService, requestId: string): Promise<answer.S2sAnswer> {
  const options = service.getOptions()
  const fields: LogFields = { campaign_id: null, key_prefix: null, order_id: null, click_token: null, is_test: false }
  const finish = async (result: answer.S2sAnswer, reason = result.body.message) => {
    await service.logRequest({
      ...fields,
      request_id: requestId,
      source: "s2s",
      method: req.method,
      outcome: result.body.status,
      http_status: result.http,
      reason,
      conversion_id: result.body.conversion_id ?? null,
    })
    return result
  }

  if (req.method !== "GET" && req.method !== "POST") {
    const notAllowed = answer.failed(405, `Method ${req.method} not allowed: use POST or GET`)
    return finish({ ...notAllowed, headers: { Allow: "GET, POST" } })
  }
  const input = await readS2sParams(req)
  if (!("params" in input)) return finish(answer.failed(input.http, input.message, input.errors), input.reason)
  const { params } = input
  // Redacted: a key pasted into the wrong parameter must not land in the log whole either.
  if (typeof params.order_id === "string") fields.order_id = redactApiKeys(params.order_id.slice(0, 255))
  if (typeof params.click_token === "string") fields.click_token = redactApiKeys(params.click_token.slice(0, 128))

  const key = presentedKey(req, params.api_key)
  if (!key) return finish(answer.failed(401, answer.INVALID_API_KEY), "missing API key")
  fields.key_prefix = apiKeyPrefix(key)
  const keyHash = hashApiKey(key)

  // One read finds the key's campaign (its tool type decides which fields are required) and the
  // token's click; a token that is not a string matches no click, so a call refused for its
  // fields is still logged with its campaign. readS2sParams has refused unstorable text already.
  const token = typeof params.click_token === "string" && params.click_token.length <= MAX_CLICK_TOKEN_LENGTH ? params.click_token : ""
  const ctx = await service.findS2sContext(keyHash, token)
  if (!ctx) return finish(answer.failed(401, answer.INVALID_API_KEY), "unknown or revoked API key")
  fields.campaign_id = ctx.campaign_id

  const retryAfter = await service.takeRateLimit(keyHash)
  if (retryAfter) {
    const limited = answer.failed(429, `Rate limit of ${options.rateLimitPerMinute} calls per minute exceeded`)
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
  const orderTotal = data.order_total ?? "0"

  const now = new Date()
  const occurredAt = data.occurred_at ?? now
  const decision = decideConversion({
    attribution: { consent: data.consent ?? "granted", click_token: data.click_token },
    click: ctx.click_id
      ? { campaign_id: ctx.click_campaign_id!, affiliate_id: ctx.affiliate_id!, created_at: ctx.clicked_at!, expires_at: ctx.click_expires_at! }
      : null,
    campaign_id: ctx.campaign_id,
    campaign: { status: ctx.campaign_status },
    affiliate: ctx.affiliate_status ? { status: ctx.affiliate_status } : null,
    occurred_at: occurredAt,
    now,
  })
  if (!decision.record) return finish(answer.forSkipReason(decision.reason), decision.reason)

  // Test conversions are never commissionable: they prove the integration, not a sale.
  const commission = data.test
    ? { amount: "0", currency: orderCurrency }
    : computeCommission(ctx, orderTotal, orderCurrency)
  const limited = data.limited_data_use === true
  const result = await service.recordConversion(
    {
      campaign_id: ctx.campaign_id,
      affiliate_id: ctx.affiliate_id!,
      click_id: ctx.click_id!,
      order_id: data.order_id,
      order_total: orderTotal,
      order_currency: orderCurrency,
      commission_amount: commission.amount,
      commission_currency: commission.currency,
      source: "s2s",
      is_test: fields.is_test,
      limited_data_use: limited,
      user_agent: limited ? null : data.user_agent ?? null,
      ip_hash: limited ? null : hashIp(data.ip, options.encryptionKey),
      device_type: limited ? null : data.device_type ?? (data.user_agent ? detectDevice(data.user_agent) : null),
      context: limited ? null : data.context ?? null,
      occurred_at: occurredAt,
      metadata: limited ? null : data.metadata ?? null,
    },
    { ...fields, request_id: requestId, source: "s2s", method: req.method, http_status: 200 }
  )
  if (!result.created) return answer.duplicate(result.conversion_id)
  await emitAffiliateEvent(req.scope, AffiliateEvents.CONVERSION_CREATED, [result.conversion_id])
  return answer.recorded(result.conversion_id)
}

/** The key from X-API-Key, an Authorization bearer token, or the api_key parameter, in that order. */
function presentedKey(req: MedusaRequest, param: unknown): string | null {
  const header = req.headers["x-api-key"]
  if (typeof header === "string" && header) return header
  const auth = req.headers.authorization
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, "")
  return typeof param === "string" && param ? param : null
}
