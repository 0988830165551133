import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decryptApiKey, redactApiKeys } from "../../../lib/api-key"
import { outboundKeyName, RESPONSE_EXCERPT_LENGTH, retryDelayMs } from "../../../lib/outbound"
import { SIGNATURE_HEADER, signWebhook, WEBHOOK_DISABLE_AFTER, webhookRetryDelayMs } from "../../../lib/webhooks"
import { stripUnstorableText } from "../../../lib/unstorable-text"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ClaimedDelivery } from "../../../modules/affiliate/types"
import type AffiliateModuleService from "../../../modules/affiliate/service"

const TIMEOUT_MS = 10_000

type Answer = { http_status: number | null; error: string | null; response_excerpt: string | null; duration_ms: number }

async function send(delivery: ClaimedDelivery, apiKey: string | null): Promise<Answer> {
  const params = { ...delivery.payload, ...(apiKey ? { [outboundKeyName(delivery.outbound_parameter_names)]: apiKey } : {}) }
  const started = Date.now()
  try {
    const url = new URL(delivery.url)
    if (delivery.method === "GET") for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
    const res = await fetch(url, {
      method: delivery.method,
      headers: delivery.method === "POST" ? { "Content-Type": "application/json" } : {},
      body: delivery.method === "POST" ? JSON.stringify(params) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "manual",
    })
    const text = await res.text()
    return { http_status: res.status, error: null, response_excerpt: kept(text, apiKey, RESPONSE_EXCERPT_LENGTH), duration_ms: Date.now() - started }
  } catch (e) {
    return { http_status: null, error: kept(String((e as Error)?.message ?? e), apiKey, 500), response_excerpt: null, duration_ms: Date.now() - started }
  }
}

/** A key no configured encryption key opens is an attempt that failed, not a fault of the job. */
async function sendWithKey(delivery: ClaimedDelivery, secrets: Buffer[]): Promise<Answer> {
  let key: string | null = null
  try {
    key = delivery.outbound_api_key_ciphertext ? decryptApiKey(delivery.outbound_api_key_ciphertext, secrets) : null
  } catch {
    const error = "The outbound API key cannot be decrypted with the configured encryption keys: set it again on the campaign"
    return { http_status: null, error, response_excerpt: null, duration_ms: 0 }
  }
  return send(delivery, key)
}

/**
 * A webhook's delivery: the stored body, byte for byte, signed with the webhook's secret (opened
 * by the module service). A disabled or deleted webhook's delivery is not sent.
 */
async function sendWebhook(delivery: ClaimedDelivery, service: AffiliateModuleService): Promise<Answer> {
  if (delivery.webhook_status !== "enabled" || !delivery.webhook_secret_ciphertext) {
    return { http_status: null, error: "Not sent: the webhook is disabled or deleted", response_excerpt: null, duration_ms: 0 }
  }
  let secret: string
  try {
    secret = service.decryptSecret(delivery.webhook_secret_ciphertext)
  } catch {
    return { http_status: null, error: "The webhook's secret cannot be decrypted with the configured encryption keys: make a new webhook", response_excerpt: null, duration_ms: 0 }
  }
  const body = JSON.stringify(delivery.payload)
  const started = Date.now()
  try {
    const res = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "medusa-plugin-affiliate-s2s webhooks",
        [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "manual",
    })
    const text = await res.text()
    return { http_status: res.status, error: null, response_excerpt: kept(text, null, RESPONSE_EXCERPT_LENGTH), duration_ms: Date.now() - started }
  } catch (e) {
    return { http_status: null, error: kept(String((e as Error)?.message ?? e), null, 500), response_excerpt: null, duration_ms: Date.now() - started }
  }
}

/**
 * What is stored of a network's answer or error: a network may echo the request, key included,
 * and may answer with characters PostgreSQL cannot store; neither may fail or leak the attempt.
 */
function kept(text: string, apiKey: string | null, max: number): string {
  const withoutKey = apiKey ? text.split(apiKey).join(apiKey.slice(0, 4) + "…") : text
  return stripUnstorableText(redactApiKeys(withoutKey)).slice(0, max)
}

/**
 * Sends each claimed delivery once and records the attempt. A 2xx marks it delivered, and a
 * delivered row is never claimed again; otherwise it is retried with exponential backoff until
 * its attempt limit, then marked failed. Sending cannot be undone, so there is no compensation.
 */
export const sendDeliveriesStep = createStep(
  "send-affiliate-outbound-deliveries",
  async ({ deliveries, now }: { deliveries: ClaimedDelivery[]; now: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const secrets = service.getOptions().decryptionKeys
    const results: { id: string; status: string; http_status: number | null }[] = []
    for (const delivery of deliveries) {
      const webhook = delivery.webhook_id
      const answer = webhook ? await sendWebhook(delivery, service) : await sendWithKey(delivery, secrets)
      await service.createAffiliateOutboundAttempts({ delivery_id: delivery.id, ...answer }, context)
      const attempts = delivery.attempt_count + 1
      const ok = answer.http_status !== null && answer.http_status >= 200 && answer.http_status < 300
      const unsendable = webhook && delivery.webhook_status !== "enabled"
      const status = ok ? "delivered" : attempts >= delivery.max_attempts || unsendable ? "failed" : "pending"
      const retryIn = webhook ? webhookRetryDelayMs(attempts) : retryDelayMs(attempts)
      await service.updateAffiliateOutboundDeliveries({
        id: delivery.id,
        status,
        attempt_count: attempts,
        delivered_at: ok ? new Date() : null,
        next_attempt_at: status === "pending" ? new Date(new Date(now).getTime() + retryIn) : null,
      }, context)
      if (webhook && !unsendable && status !== "pending") {
        const why = answer.http_status !== null ? `HTTP ${answer.http_status}` : answer.error
        await service.recordWebhookOutcome(webhook, ok, `Disabled after ${WEBHOOK_DISABLE_AFTER} failed deliveries in a row; the last failed ${delivery.max_attempts} tries, last with ${why}`, context)
      }
      results.push({ id: delivery.id, status, http_status: answer.http_status })
    }
    return new StepResponse(results)
  }
)
