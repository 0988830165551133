import { createHmac, timingSafeEqual } from "node:crypto"
import { randomBase62 } from "./random"

/*
 * Signed webhooks (README, "Webhooks"): the signature header, the retry schedule and when a
 * webhook gives up. Pure code.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_"
export const SIGNATURE_HEADER = "Affiliate-Signature"
/** Tries of one delivery: the last one about three days after the first (README's schedule). */
export const WEBHOOK_MAX_ATTEMPTS = 10
/** Deliveries in a row that failed for good before the webhook is disabled. */
export const WEBHOOK_DISABLE_AFTER = 20

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** After the n-th failed try: 1 min, 5 min, 30 min, 1 h, 3 h, 6 h, 12 h, 24 h, 24 h. */
const DELAYS = [MINUTE, 5 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR]

export function webhookRetryDelayMs(failedAttempts: number): number {
  return DELAYS[Math.min(Math.max(failedAttempts, 1), DELAYS.length) - 1]
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function signWebhook(secret: string, rawBody: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")
  return `t=${timestamp},v1=${v1}`
}

/**
 * What a receiver runs (the README shows the same in a few lines): the signature must match the
 * raw body, and be at most `toleranceSeconds` old, against replays.
 */
export function verifyWebhook(secret: string, rawBody: string, header: string | undefined, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(String(header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook(secret, rawBody, t).split("v1=")[1], "hex")
  const given = Buffer.from(parts.v1, "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A configuration-time check of a webhook URL: http(s), no user info. */
export function webhookUrlProblem(url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return "url must be an absolute http(s) URL"
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return "url must be an http(s) URL"
  if (u.username || u.password) return "url must not carry a user name or password"
  return null
}

/** A new signing secret: `whsec_` and 32 base62 characters (about 190 bits). */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBase62(32)
}
