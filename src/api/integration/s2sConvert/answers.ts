import type { FieldError } from "../../../lib/s2s-input"

/** The contract's response bodies (S2S-CONTRACT.md section 4); the seed's messages verbatim. */
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
