import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decryptApiKey, redactApiKeys } from "../../../modules/affiliate/utils/api-key"
import { outboundKeyName, redactOutboundKey, RESPONSE_EXCERPT_LENGTH, retryDelayMs } from "../../../modules/affiliate/utils/outbound"
import { stripUnstorableText } from "../../../lib/unstorable-text"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ClaimedDelivery } from "../../../modules/affiliate/types"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { sendToTarget, type TargetPolicy } from "../../../modules/affiliate/utils/target-guard"

const TIMEOUT_MS = 10_000
/** How an attempt the target guard stopped reads in `error` (README, "Outbound S2S"). */
export const REFUSED_PREFIX = "Refused: "

type Answer = { http_status: number | null; error: string | null; response_excerpt: string | null; duration_ms: number }

async function send(delivery: ClaimedDelivery, apiKey: string | null, policy: TargetPolicy): Promise<Answer> {
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
  const base = { http_status: null, error: null, response_excerpt: null, duration_ms: answer.durationMs }
  if (answer.outcome === "answered") return { ...base, http_status: answer.status, response_excerpt: kept(answer.body, apiKey, RESPONSE_EXCERPT_LENGTH) }
  if (answer.outcome === "refused") return { ...base, error: kept(REFUSED_PREFIX + answer.reason, apiKey, 500) }
  return { ...base, error: kept(answer.error, apiKey, 500) }
}

/** A key no configured encryption key opens is an attempt that failed, not a fault of the job. */
async function sendWithKey(delivery: ClaimedDelivery, secrets: Buffer[], policy: TargetPolicy): Promise<Answer> {
  let key: string | null = null
  try {
    key = delivery.outbound_api_key_ciphertext ? decryptApiKey(delivery.outbound_api_key_ciphertext, secrets) : null
  } catch {
    const error = "The outbound API key cannot be decrypted with the configured encryption keys: set it again on the campaign"
    return { http_status: null, error, response_excerpt: null, duration_ms: 0 }
  }
  return send(delivery, key, policy)
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
 * Sends each claimed delivery once and records the attempt. A 2xx marks it delivered, and a
 * delivered row is never claimed again; otherwise (including a target the guard refused, which may
 * become allowed) it is retried with exponential backoff until its attempt limit, then marked
 * failed. Sending cannot be undone, so there is no compensation.
 */
export const sendDeliveriesStep = createStep(
  "send-affiliate-outbound-deliveries",
  async ({ deliveries, now }: { deliveries: ClaimedDelivery[]; now: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { decryptionKeys: secrets, allowPrivateTargets } = service.getOptions()
    const results: { id: string; status: string; http_status: number | null }[] = []
    for (const delivery of deliveries) {
      const answer = await sendWithKey(delivery, secrets, { allowPrivateTargets })
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
