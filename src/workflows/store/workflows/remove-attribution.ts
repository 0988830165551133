import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAttributionStep } from "../steps/delete-attribution"
import { ensureCartOpen } from "../steps/validate-cart-open"

/** Removes an open cart's affiliate attribution: the order will record no conversion. */
export const removeAttributionWorkflow = createWorkflow("remove-affiliate-attribution", (input: { cart_id: string }) => {
  ensureCartOpen(input.cart_id)
  return new WorkflowResponse(deleteAttributionStep(input))
})
