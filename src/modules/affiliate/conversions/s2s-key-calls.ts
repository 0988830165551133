import type { Context } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { apiKeyPrefix, hashApiKey } from "../utils/api-key"
import type { RateLimit } from "../rate-limit"
import type { ReportingRepository } from "../repositories/reporting"
import type { TrackingRepository } from "../repositories/tracking"
import type { ShopConversion } from "../types"
import * as answer from "../utils/s2s-answers"
import { validationBody } from "../utils/validation-input"
import { type ApplyChunk, validateEach, type ValidationSummary } from "./validate-conversions"

/*
 * The shop's own calls besides reporting a sale (contract, section 9): validating what it
 * reported, and reading it back. Both authenticate with the campaign's API key, wherever it is
 * sent, and count against the same per-key rate limit as `s2sConvert`.
 */

export type S2sKeyCall = { request_id: string; method: string; api_key: string | null }

export type S2sKeyDeps = { tracking: TrackingRepository; rateLimit: RateLimit; rateLimitPerMinute: number }

type Authorized = { campaign_id: string; key_prefix: string }

/** The key's campaign, or the answer that refuses the call (401, 429) and why. */
async function authorize(deps: S2sKeyDeps, apiKey: string | null, sharedContext: Context): Promise<Authorized | { refused: answer.S2sAnswer; reason: string; key_prefix: string | null }> {
  if (!apiKey) return { refused: answer.failed(401, answer.INVALID_API_KEY), reason: "missing API key", key_prefix: null }
  const keyHash = hashApiKey(apiKey)
  const found = await deps.tracking.findKeyCampaign(keyHash, sharedContext)
  if (!found) return { refused: answer.failed(401, answer.INVALID_API_KEY), reason: "unknown or revoked API key", key_prefix: apiKeyPrefix(apiKey) }
  const retryAfter = await deps.rateLimit.take(keyHash)
  if (!retryAfter) return { campaign_id: found.campaign_id, key_prefix: apiKeyPrefix(apiKey) }
  const limited = answer.failed(429, `Rate limit of ${deps.rateLimitPerMinute} calls per minute exceeded`)
  return { refused: { ...limited, headers: { "Retry-After": String(retryAfter) } }, reason: "rate_limited", key_prefix: apiKeyPrefix(apiKey) }
}

const bodyErrors = (error: z.ZodError) =>
  error.issues.map((issue) => ({
    field: issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map(String).join(".") || "body",
    message: issue.code === "unrecognized_keys" ? "unknown field: the body takes test and conversions" : issue.message,
  }))

/**
 * `POST /integration/s2sValidate`: each entry applied on its own (`validateEach`), one request-log
 * entry for the whole call with the counts in its reason (`source: "s2s_validate"`).
 */
export async function validateS2sCall(
  deps: S2sKeyDeps & { apply: (campaignId: string) => ApplyChunk; onFault: (e: unknown) => void },
  call: S2sKeyCall & { body: unknown },
  sharedContext: Context
): Promise<answer.S2sAnswer> {
  const authorized = await authorize(deps, call.api_key, sharedContext)
  const log = async (result: answer.S2sAnswer, reason: string, fields: { campaign_id: string | null; key_prefix: string | null }) => {
    await deps.tracking.insertRequestLog(
      {
        ...fields, request_id: call.request_id, source: "s2s_validate", method: call.method, outcome: result.body.status,
        http_status: result.http, reason, order_id: null, click_token: null, conversion_id: null, is_test: false,
      },
      sharedContext
    )
    return result
  }
  if ("refused" in authorized) return log(authorized.refused, authorized.reason, { campaign_id: null, key_prefix: authorized.key_prefix })
  const parsed = validationBody.safeParse(call.body)
  if (!parsed.success) {
    const errors = bodyErrors(parsed.error)
    return log(answer.failed(400, `Invalid ${errors[0].field}: ${errors[0].message}`, errors), errors[0].message, authorized)
  }
  const summary: ValidationSummary = await validateEach(
    deps.apply(authorized.campaign_id),
    { campaign_id: authorized.campaign_id, conversions: parsed.data.conversions, test: parsed.data.test, actor: "s2s" },
    deps.onFault
  )
  return log({ http: 200, body: { status: "success", message: summary.message, results: summary.results } }, summary.message, authorized)
}

const listQuery = z.strictObject({
  api_key: z.string().optional(),
  status: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(["pending", "approved", "rejected", "paid", "reversed"], { error: "must be pending, approved, rejected, paid or reversed (comma-separated)" })))
    .optional(),
  created_at: z
    .strictObject({
      gte: z.iso.datetime({ offset: true, error: "must be ISO 8601 with a time zone" }).optional(),
      lte: z.iso.datetime({ offset: true, error: "must be ISO 8601 with a time zone" }).optional(),
    })
    .optional(),
  test: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.string().regex(/^\d{1,4}$/, "must be a whole number from 1 to 1000").transform(Number).pipe(z.number().min(1, "must be a whole number from 1 to 1000").max(1000, "must be a whole number from 1 to 1000")).optional(),
  after: z.string().max(200).optional(),
})

export type ShopConversionPage = { conversions: ShopConversion[]; next_cursor: string | null }

/**
 * `GET /integration/s2sConversions`: the key's campaign's conversions, newest first, a page at a
 * time by cursor (an index walk at any depth), with their items and no visitor data.
 */
export async function listS2sCall(
  deps: S2sKeyDeps & { reporting: ReportingRepository },
  call: S2sKeyCall & { query: Record<string, unknown> },
  sharedContext: Context
): Promise<{ answer: answer.S2sAnswer } | { page: ShopConversionPage }> {
  const authorized = await authorize(deps, call.api_key, sharedContext)
  if ("refused" in authorized) return { answer: authorized.refused }
  const parsed = listQuery.safeParse(call.query)
  if (!parsed.success) {
    const errors = bodyErrors(parsed.error)
    return { answer: answer.failed(400, `Invalid ${errors[0].field}: ${errors[0].message}`, errors) }
  }
  const { status, created_at, test, limit, after } = parsed.data
  const range = created_at && { ...(created_at.gte && { $gte: created_at.gte }), ...(created_at.lte && { $lte: created_at.lte }) }
  const page = await deps.reporting.listPage(
    "affiliate_conversion",
    { filters: { campaign_id: authorized.campaign_id, status, is_test: test ?? false, created_at: range }, limit: limit ?? 100, after, count: false },
    sharedContext
  )
  return { page: { conversions: await deps.reporting.shopConversions(page.ids, sharedContext), next_cursor: page.next_cursor } }
}
