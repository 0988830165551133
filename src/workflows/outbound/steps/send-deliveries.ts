import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decryptApiKey } from "../../../lib/api-key"
import { outboundKeyName, RESPONSE_EXCERPT_LENGTH, retryDelayMs } from "../../../lib/outbound"
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
    return { http_status: res.status, error: null, response_excerpt: text.slice(0, RESPONSE_EXCERPT_LENGTH), duration_ms: Date.now() - started }
  } catch (e) {
    return { http_status: null, error: String((e as Error)?.message ?? e).slice(0, 500), response_excerpt: null, duration_ms: Date.now() - started }
  }
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
    const secret = service.getOptions().encryptionKey
    const results: { id: string; status: string; http_status: number | null }[] = []
    for (const delivery of deliveries) {
      const key = delivery.outbound_api_key_ciphertext ? decryptApiKey(delivery.outbound_api_key_ciphertext, secret) : null
      const answer = await send(delivery, key)
      await service.createAffiliateOutboundAttempts({ delivery_id: delivery.id, ...answer }, context)
      const attempts = delivery.attempt_count + 1
      const ok = answer.http_status !== null && answer.http_status >= 200 && answer.http_status < 300
      const status = ok ? "delivered" : attempts >= delivery.max_attempts ? "failed" : "pending"
      await service.updateAffiliateOutboundDeliveries({
        id: delivery.id,
        status,
        attempt_count: attempts,
        delivered_at: ok ? new Date() : null,
        next_attempt_at: status === "pending" ? new Date(new Date(now).getTime() + retryDelayMs(attempts)) : null,
      }, context)
      results.push({ id: delivery.id, status, http_status: answer.http_status })
    }
    return new StepResponse(results)
  }
)
