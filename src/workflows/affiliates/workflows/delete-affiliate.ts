import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAffiliateStep } from "../steps/delete-affiliate"

/** Soft-deletes an affiliate: its links stop working, its history stays. */
export const deleteAffiliateWorkflow = createWorkflow("delete-affiliate", (input: { id: string }) => {
  const deleted = deleteAffiliateStep(input)
  return new WorkflowResponse(deleted)
})
