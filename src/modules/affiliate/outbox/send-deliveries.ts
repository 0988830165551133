import type { Context } from "@medusajs/framework/types"
import { stripUnstorableText } from "../../../lib/unstorable-text"
import type { ClaimedDelivery } from "../types"
import { redactApiKeys } from "../utils/api-key"
import { outboundKeyName, redactOutboundKey, RESPONSE_EXCERPT_LENGTH, retryDelayMs } from "../utils/outbound"
import type { SecretBox } from "../utils/secret-box"
import { sendToTarget, type TargetAnswer, type TargetPolicy } from "../utils/target-guard"
import { SIGNATURE_HEADER, signWebhook, WEBHOOK_DISABLE_AFTER, webhookRetryDelayMs } from "../utils/webhooks"

const TIMEOUT_MS = 10_000
/** How an attempt the target guard stopped reads in `error` (README, "Outbound S2S"). */
export const REFUSED_PREFIX = "Refused: "

export type Attempt = { http_status: number | null; error: string | null; response_excerpt: string | null; duration_ms: number }
export type SentDelivery = { id: string; status: "delivered" | "pending" | "failed"; http_status: number | null }

/** What sending writes: each attempt, and the delivery's new state (the module's generated methods). */
export type DeliveryWrites = {
  recordAttempt(deliveryId: string, attempt: Attempt, sharedContext: Context): Promise<void>
  updateDelivery(update: { id: string; status: string; attempt_count: number; delivered_at: Date | null; next_attempt_at: Date | null }, sharedContext: Context): Promise<void>
  /** A webhook delivery's final outcome (delivered, or failed for good), for the webhook's count of failures in a row. */
  recordWebhookOutcome(webhookId: string, delivered: boolean, reason: string, sharedContext: Context): Promise<void>
}

async function send(delivery: ClaimedDelivery, apiKey: string | null, policy: TargetPolicy): Promise<Attempt> {
  const params = { ...delivery.payload, ...(apiKey ? { [outboundKeyName(delivery.outbound_parameter_names)]: apiKey } : {}) }
  let url = delivery.url
  if (delivery.method === "GET" && URL.canParse(url)) {
    const withQuery = new URL(url)
    for (const [k, v] of Object.entries(params)) withQuery.searchParams.set(k, v)
    url = withQuery.toString()
  }
  const post = delivery.method === "POST"
  const answer = await sendToTarget(
    { url, method: delivery.method, headers: post ? { "Content-Type": "application/json" } : {}, body: post ? JSON.stringify(params) : undefined, timeoutMs: TIMEOUT_MS },
    policy
  )
  return attemptOf(answer, apiKey)
}

/** The attempt a target's answer makes: its status and an excerpt, or why it failed (`apiKey` redacted from both). */
function attemptOf(answer: TargetAnswer, apiKey: string | null): Attempt {
  const base = { http_status: null, error: null, response_excerpt: null, duration_ms: answer.durationMs }
  if (answer.outcome === "answered") return { ...base, http_status: answer.status, response_excerpt: kept(answer.body, apiKey, RESPONSE_EXCERPT_LENGTH) }
  if (answer.outcome === "refused") return { ...base, error: kept(REFUSED_PREFIX + answer.reason, apiKey, 500) }
  return { ...base, error: kept(answer.error, apiKey, 500) }
}

/**
 * A webhook's delivery: the stored body, byte for byte, signed with the webhook's secret (opened
 * here), through the same target guard as outbound S2S. A disabled or deleted webhook's delivery is
 * not sent.
 */
async function sendWebhook(delivery: ClaimedDelivery, secrets: SecretBox, policy: TargetPolicy): Promise<Attempt> {
  const base = { http_status: null, error: null, response_excerpt: null, duration_ms: 0 }
  if (delivery.webhook_status !== "enabled" || !delivery.webhook_secret_ciphertext) return { ...base, error: "Not sent: the webhook is disabled or deleted" }
  const secret = secrets.open(delivery.webhook_secret_ciphertext)?.plain
  if (!secret) return { ...base, error: "The webhook's secret cannot be decrypted with the configured encryption keys: make a new webhook" }
  const body = JSON.stringify(delivery.payload)
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "medusa-plugin-affiliate-s2s webhooks",
    [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
  }
  return attemptOf(await sendToTarget({ url: delivery.url, method: "POST", headers, body, timeoutMs: TIMEOUT_MS }, policy), null)
}

/**
 * What is stored of a network's answer or error: a network may echo the request, key included in
 * whatever encoding it was sent in, and may answer with characters PostgreSQL cannot store; neither
 * may fail or leak the attempt. Redacted whole, then cut, so no part of a key survives at the cut.
 */
function kept(text: string, apiKey: string | null, max: number): string {
  // Again after the S2S redaction: when decoding revealed an S2S key it returns the decoded text.
  return stripUnstorableText(redactOutboundKey(redactApiKeys(redactOutboundKey(text, apiKey)), apiKey)).slice(0, max)
}

/**
 * Sends each claimed delivery once, with the campaign's outbound key (opened here, inside the
 * module), and records the attempt. A 2xx marks it delivered, and a delivered row is never claimed
 * again; otherwise (including a target the guard refused, which may become allowed, and a key no
 * configured encryption key opens) it is retried with exponential backoff until its attempt limit,
 * then marked failed. No transaction spans a network call: each delivery's writes stand alone.
 */
export async function sendDeliveries(
  deps: { secrets: SecretBox; policy: TargetPolicy; writes: DeliveryWrites },
  deliveries: ClaimedDelivery[],
  now: Date,
  sharedContext: Context
): Promise<SentDelivery[]> {
  const results: SentDelivery[] = []
  for (const delivery of deliveries) {
    const webhook = delivery.webhook_id
    const opened = !webhook && delivery.outbound_api_key_ciphertext ? deps.secrets.open(delivery.outbound_api_key_ciphertext) : null
    const answer: Attempt = webhook
      ? await sendWebhook(delivery, deps.secrets, deps.policy)
      : delivery.outbound_api_key_ciphertext && !opened
        ? { http_status: null, response_excerpt: null, duration_ms: 0, error: "The outbound API key cannot be decrypted with the configured encryption keys: set it again on the campaign" }
        : await send(delivery, opened?.plain ?? null, deps.policy)
    await deps.writes.recordAttempt(delivery.id, answer, sharedContext)
    const attempts = delivery.attempt_count + 1
    const ok = answer.http_status !== null && answer.http_status >= 200 && answer.http_status < 300
    const unsendable = !!webhook && delivery.webhook_status !== "enabled"
    const status = ok ? "delivered" : attempts >= delivery.max_attempts || unsendable ? "failed" : "pending"
    const retryIn = webhook ? webhookRetryDelayMs(attempts) : retryDelayMs(attempts)
    await deps.writes.updateDelivery(
      {
        id: delivery.id,
        status,
        attempt_count: attempts,
        delivered_at: ok ? new Date() : null,
        next_attempt_at: status === "pending" ? new Date(now.getTime() + retryIn) : null,
      },
      sharedContext
    )
    if (webhook && !unsendable && status !== "pending") {
      const why = answer.http_status !== null ? `HTTP ${answer.http_status}` : answer.error
      const reason = `Disabled after ${WEBHOOK_DISABLE_AFTER} failed deliveries in a row; the last failed ${delivery.max_attempts} tries, the last with ${why}`
      await deps.writes.recordWebhookOutcome(webhook, ok, reason, sharedContext)
    }
    results.push({ id: delivery.id, status, http_status: answer.http_status })
  }
  return results
}
