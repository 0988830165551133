import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAttributionStep } from "../steps/delete-attribution"

/** Removes a cart's affiliate attribution: the order will record no conversion. */
export const removeAttributionWorkflow = createWorkflow("remove-affiliate-attribution", (input: { cart_id: string }) => {
  return new WorkflowResponse(deleteAttributionStep(input))
})
