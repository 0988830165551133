import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { applyRevisionsStep } from "../steps/apply-revisions"
import { loadOrderConversionsStep } from "../steps/load-order-conversions"

export type ReviseOrderConversionsInput = { order_id: string; cause: "canceled" | "refunded" }

/**
 * After `order.canceled` or `payment.refunded`: reverses the order's conversions, or recomputes
 * their commission on what remains; paid ones get an adjustment instead of a silent rewrite.
 */
export const reviseOrderConversionsWorkflow = createWorkflow("revise-order-affiliate-conversions", (input: ReviseOrderConversionsInput) => {
  const facts = loadOrderConversionsStep({ order_id: input.order_id })
  const apply = transform({ facts, input }, ({ facts, input }) => ({ facts, canceled: input.cause === "canceled" }))
  const revised = applyRevisionsStep(apply)
  emitEventStep({
    eventName: AffiliateEvents.CONVERSION_UPDATED,
    data: transform({ revised }, ({ revised }) => revised.conversions.map((c) => ({ id: c.id as string }))),
  })
  return new WorkflowResponse(revised)
})
