import type { SkipReason } from "./conversion-decision"
import { z } from "@medusajs/framework/zod"
import type { FieldError } from "./s2s-input"

export const RECORDED = "S2S conversion recorded successfully"
export const ALREADY_RECORDED = "Order already recorded"
export const INVALID_API_KEY = "Invalid API key"
export const CONSENT_NOT_GRANTED = "Consent not granted: conversion not recorded"
export const UNKNOWN_CLICK_TOKEN = "Unknown click_token"
export const CLICK_TOKEN_EXPIRED = "click_token expired"
export const CLICK_ALREADY_CONVERTED = "Click already converted: this campaign credits only the first order of a click"

/*
 * The bodies as sent, and no other key: the builders below make them without `request_id`, which
 * the route adds to every answer. The builders are checked against these schemas and the OpenAPI
 * document is generated from them, so the two cannot drift apart.
 */
const request_id = z.string().describe("This call's id, also in the X-Request-Id header: quote it when asking for support.")
const fieldError = z.object({ field: z.string(), message: z.string() }) satisfies z.ZodType<FieldError>

export const S2sSuccessBody = z.strictObject({ status: z.literal("success"), message: z.literal(RECORDED), conversion_id: z.string(), request_id })
export const S2sDuplicateBody = z.strictObject({
  status: z.literal("duplicate"),
  message: z.literal(ALREADY_RECORDED),
  conversion_id: z.string().describe("The conversion first recorded for this order_id."),
  request_id,
})
export const S2sSkippedBody = z.strictObject({ status: z.literal("skipped"), message: z.string(), request_id })
export const S2sErrorBody = z.strictObject({ status: z.literal("error"), message: z.string(), request_id })
export const S2sInvalidBody = S2sErrorBody.extend({ errors: z.array(fieldError).min(1) })

type Built<T extends z.ZodType> = Omit<z.output<T>, "request_id">

/** One answer of the endpoint: HTTP status, JSON body (without `request_id`) and extra headers. */
export type S2sAnswer = {
  http: number
  body: { status: "success" | "duplicate" | "skipped" | "error"; message: string; conversion_id?: string; errors?: FieldError[]; results?: unknown[] }
  headers?: Record<string, string>
}

export const recorded = (conversion_id: string): S2sAnswer => ({
  http: 200,
  body: { status: "success", message: RECORDED, conversion_id } satisfies Built<typeof S2sSuccessBody>,
})

export const duplicate = (conversion_id: string): S2sAnswer => ({
  http: 200,
  body: { status: "duplicate", message: ALREADY_RECORDED, conversion_id } satisfies Built<typeof S2sDuplicateBody>,
})

export const skipped = (message: string): S2sAnswer => ({
  http: 200,
  body: { status: "skipped", message } satisfies Built<typeof S2sSkippedBody>,
})

export const failed = (http: number, message: string, errors?: FieldError[]): S2sAnswer => ({
  http,
  body: (errors ? { status: "error", message, errors } : { status: "error", message }) satisfies
    | Built<typeof S2sInvalidBody>
    | Built<typeof S2sErrorBody>,
})

const occurredAtProblem = (message: string) => failed(400, `Invalid occurred_at: ${message}`, [{ field: "occurred_at", message }])

/**
 * The S2S answer for each reason the conversion decision gives: a refused token is a 422, a bad
 * `occurred_at` a 400, and what the shop cannot change (consent, paused partners) a final 200.
 */
export function forSkipReason(reason: SkipReason): S2sAnswer {
  switch (reason) {
    case "consent_not_granted":
      return skipped(CONSENT_NOT_GRANTED)
    case "no_attribution":
    case "no_click_token":
    case "unknown_click":
      return failed(422, UNKNOWN_CLICK_TOKEN)
    case "click_expired":
      return failed(422, CLICK_TOKEN_EXPIRED)
    case "occurred_in_future":
      return occurredAtProblem("is in the future")
    case "occurred_before_click":
      return occurredAtProblem("is before the click")
    case "campaign_paused":
      return skipped("Campaign is paused: conversion not recorded")
    case "campaign_archived":
      return skipped("Campaign is archived: conversion not recorded")
    case "affiliate_paused":
      return skipped("Affiliate is paused: conversion not recorded")
    case "click_already_converted":
      return skipped(CLICK_ALREADY_CONVERTED)
  }
}

export type S2sAnswerDescription = { description: string; body: z.ZodType; headers?: Record<string, string> }

/**
 * Every answer the endpoint gives, by HTTP status, as the README's "Answers" table lists them and
 * the OpenAPI document publishes them. Each also carries the X-Request-Id header.
 */
export const S2S_ANSWERS = {
  200: {
    description: "Final, do not retry: `success` (recorded), `duplicate` (this order_id was recorded before) or `skipped` (consent denied, campaign or affiliate paused, or a later order of a click when the campaign credits only the first).",
    body: z.discriminatedUnion("status", [S2sSuccessBody, S2sDuplicateBody, S2sSkippedBody]),
  },
  400: {
    description:
      "Undecodable input, a missing or invalid field, an unknown top-level parameter, text holding a NUL or an unpaired UTF-16 surrogate, or a body that ended before it was complete: `message` names the field and `errors` lists each one. Fix the call; do not retry it.",
    body: S2sInvalidBody,
  },
  401: { description: `Missing, unknown or revoked API key (\`${INVALID_API_KEY}\`).`, body: S2sErrorBody },
  405: { description: "Another method than GET or POST.", body: S2sErrorBody, headers: { Allow: "The methods the endpoint takes: `GET, POST`." } },
  413: { description: "The body is larger than 16 KB.", body: S2sErrorBody },
  415: { description: "A POST body other than application/json or application/x-www-form-urlencoded.", body: S2sErrorBody },
  422: {
    description: `\`${UNKNOWN_CLICK_TOKEN}\` (unknown, case-altered, or of another campaign) or \`${CLICK_TOKEN_EXPIRED}\` (after the attribution window).`,
    body: S2sErrorBody,
  },
  429: {
    description: "Over the key's rate limit (at most N calls in any 60 seconds, for all server processes together): retry after Retry-After.",
    body: S2sErrorBody,
    headers: { "Retry-After": "Seconds to wait before retrying." },
  },
  500: { description: "A fault of the server: nothing was recorded; retry with backoff (a repeat answers `duplicate` if it was).", body: S2sErrorBody },
} satisfies Record<number, S2sAnswerDescription>
