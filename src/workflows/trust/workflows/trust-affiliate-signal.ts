import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { trustAffiliateSignalStep } from "../steps/trust-affiliate-signal"
import { validateSignalCodeStep } from "../steps/validate-signal-code"

export type AffiliateTrustInput = { affiliate_id: string; code: string; actor: string }

/**
 * "Trust this affiliate for this signal" (README, "Trust"): the signal is no longer raised on the
 * affiliate's conversions, and their pending conversions it held alone leave the review queue (the
 * hold period then approves them as usual). Each conversion's history says who trusted and for what.
 */
export const trustAffiliateSignalWorkflow = createWorkflow("trust-affiliate-signal", (input: AffiliateTrustInput) => {
  const code = validateSignalCodeStep(input)
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-trusted-affiliate",
  })
  const request = transform({ input, code }, ({ input, code }) => ({ affiliate_id: input.affiliate_id, code, actor: input.actor }))
  return new WorkflowResponse(trustAffiliateSignalStep(request))
})
