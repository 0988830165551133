import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { setConversionStatusStep } from "../steps/set-conversion-status"
import { ReviewConversionInput, validateConversionReviewStep } from "../steps/validate-conversion-review"

export type { ReviewAction, ReviewConversionInput } from "../steps/validate-conversion-review"

/**
 * An admin approves or rejects a pending conversion, with a reason (required to reject, kept in
 * `status_reason`). Test conversions can only be rejected: they are never commissionable.
 */
export const reviewConversionWorkflow = createWorkflow("review-affiliate-conversion", (input: ReviewConversionInput) => {
  const current = validateConversionReviewStep(input)
  const change = transform({ input, current }, ({ input, current }) => ({
    id: input.id,
    status: (input.action === "approve" ? "approved" : "rejected") as "approved" | "rejected",
    status_reason: input.reason ?? null,
    previous_status_reason: current.status_reason,
  }))
  const conversion = setConversionStatusStep(change)
  emitEventStep({ eventName: AffiliateEvents.CONVERSION_UPDATED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(conversion)
})
