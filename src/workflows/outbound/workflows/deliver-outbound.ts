import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDeliveriesStep } from "../steps/claim-deliveries"
import { sendDeliveriesStep } from "../steps/send-deliveries"

export type DeliverOutboundInput = { now?: string; delivery_ids?: string[] }

/**
 * Sends due outbound S2S deliveries (or the given ones, for the admin's test delivery). Run by the
 * `deliver-affiliate-outbound` job every minute; `now` lets tests move the clock.
 */
export const deliverOutboundWorkflow = createWorkflow("deliver-affiliate-outbound", (input: DeliverOutboundInput) => {
  const claim = transform({ input }, ({ input }) => ({ now: input.now ?? new Date().toISOString(), delivery_ids: input.delivery_ids }))
  const deliveries = claimDeliveriesStep(claim)
  const results = sendDeliveriesStep(transform({ deliveries, claim }, ({ deliveries, claim }) => ({ deliveries, now: claim.now })))
  return new WorkflowResponse(results)
})
