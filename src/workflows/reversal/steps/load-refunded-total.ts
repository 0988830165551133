import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const loadRefundedTotalStepId = "load-affiliate-order-refunded-total"

/** How much of the order has been refunded so far, over all its payment collections. Reads only. */
export const loadRefundedTotalStep = createStep(loadRefundedTotalStepId, async ({ order_id }: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.refunded_amount"],
    filters: { id: order_id },
  })
  const refunded = MathBN.sum(...(order?.payment_collections ?? []).map((pc: { refunded_amount?: unknown } | null) => (pc?.refunded_amount ?? 0) as number))
  return new StepResponse(refunded.toFixed())
})
