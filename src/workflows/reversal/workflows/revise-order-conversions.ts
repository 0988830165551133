import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { applyRevisionsStep } from "../steps/apply-revisions"
import { loadRefundedTotalStep } from "../steps/load-refunded-total"

export type ReviseOrderConversionsInput = { order_id: string; cause: "canceled" | "refunded" }

/**
 * After `order.canceled` or `payment.refunded`: reverses the order's conversions, or recomputes
 * their commission on what remains; paid ones get an adjustment instead of a silent rewrite.
 * Each change is in the conversion's history with the actor "store"; each conversion changed
 * emits `affiliate.conversion.updated`.
 */
export const reviseOrderConversionsWorkflow = createWorkflow("revise-order-affiliate-conversions", (input: ReviseOrderConversionsInput) => {
  const refunded_total = loadRefundedTotalStep({ order_id: input.order_id })
  const revision = transform({ input, refunded_total }, ({ input, refunded_total }) => ({
    order_id: input.order_id,
    refunded_total,
    canceled: input.cause === "canceled",
  }))
  const revised = applyRevisionsStep(revision)
  emitEventStep({
    eventName: AffiliateEvents.CONVERSION_UPDATED,
    data: transform({ revised }, ({ revised }) => revised.conversions.map((c) => ({ id: c.id }))),
  })
  return new WorkflowResponse(revised)
})
