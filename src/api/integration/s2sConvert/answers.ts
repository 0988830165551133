import type { SkipReason } from "../../../lib/conversion-decision"
import type { FieldError } from "../../../lib/s2s-input"

/** The endpoint's response bodies (README, "The S2S endpoint": Answers), with the messages the setup screen documents. */
export type S2sAnswer = {
  http: number
  body: { status: "success" | "duplicate" | "skipped" | "error"; message: string; conversion_id?: string; errors?: FieldError[] }
  headers?: Record<string, string>
}

export const recorded = (conversion_id: string): S2sAnswer => ({
  http: 200,
  body: { status: "success", message: "S2S conversion recorded successfully", conversion_id },
})

export const duplicate = (conversion_id: string): S2sAnswer => ({
  http: 200,
  body: { status: "duplicate", message: "Order already recorded", conversion_id },
})

export const skipped = (message: string): S2sAnswer => ({ http: 200, body: { status: "skipped", message } })

export const failed = (http: number, message: string, errors?: FieldError[]): S2sAnswer => ({
  http,
  body: errors ? { status: "error", message, errors } : { status: "error", message },
})

export const INVALID_API_KEY = "Invalid API key"
export const CONSENT_NOT_GRANTED = "Consent not granted: conversion not recorded"
export const UNKNOWN_CLICK_TOKEN = "Unknown click_token"
export const CLICK_TOKEN_EXPIRED = "click_token expired"

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
  }
}
