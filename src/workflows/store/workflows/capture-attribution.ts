import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { resolveClickStep } from "../steps/resolve-click"
import { upsertAttributionStep } from "../steps/upsert-attribution"
import { ensureCartOpen } from "../steps/validate-cart-open"

export type CaptureAttributionInput = {
  cart_id: string
  click_token?: string | null
  token_source?: "body" | "cookie" | null
  consent?: "granted" | "denied" | null
  consent_source?: string | null
}

/**
 * Stores what a storefront captured for an open cart: the click token (validated first, so an
 * unknown or expired token leaves the cart unchanged) and the shopper's consent, with when and
 * from where. A lock per cart makes concurrent captures for one cart take turns (one attribution
 * per cart).
 */
export const captureAttributionWorkflow = createWorkflow("capture-affiliate-attribution", (input: CaptureAttributionInput) => {
  ensureCartOpen(input.cart_id)
  const lock = transform({ input }, ({ input }) => ({ key: `affiliate-attribution:${input.cart_id}`, timeout: 5, ttl: 10 }))
  acquireLockStep(lock)
  const click = resolveClickStep({ click_token: input.click_token })
  const change = transform({ input, click }, ({ input, click }) => ({
    cart_id: input.cart_id,
    click,
    token_source: input.token_source,
    consent: input.consent,
    consent_source: input.consent_source,
    at: new Date(),
  }))
  const attribution = upsertAttributionStep(change)
  releaseLockStep(lock)
  return new WorkflowResponse(attribution)
})
