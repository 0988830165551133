import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { changeConversionStatusStep } from "../steps/change-conversion-status"

export type ReviewAction = "approve" | "reject"
export type ReviewConversionInput = { id: string; action: ReviewAction; reason?: string | null; actor: string }

/**
 * An admin reviews a pending conversion: approves it, or rejects it with a reason (kept in
 * `status_reason` and its history). Of two reviews at once exactly one wins; the other is refused
 * with a 409 naming what the conversion became. Test conversions can only be rejected.
 */
export const reviewConversionWorkflow = createWorkflow("review-affiliate-conversion", (input: ReviewConversionInput) => {
  const change = transform({ input }, ({ input }) => ({
    id: input.id,
    actor: input.actor,
    status: (input.action === "approve" ? "approved" : "rejected") as "approved" | "rejected",
    reason: input.reason ?? null,
    from: ["pending" as const],
  }))
  const conversion = changeConversionStatusStep(change)
  emitEventStep({ eventName: AffiliateEvents.CONVERSION_UPDATED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(conversion)
})
