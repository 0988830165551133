import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deleteAttributionStep } from "../steps/delete-attribution"
import { validateCartOpenStep } from "../steps/validate-cart-open"

/** Removes an open cart's affiliate attribution: the order will record no conversion. */
export const removeAttributionWorkflow = createWorkflow("remove-affiliate-attribution", (input: { cart_id: string }) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "completed_at"],
    filters: { id: input.cart_id },
    options: { throwIfKeyNotFound: true },
  })
  validateCartOpenStep(transform({ carts }, ({ carts }) => ({ cart: carts[0] })))
  return new WorkflowResponse(deleteAttributionStep(input))
})
