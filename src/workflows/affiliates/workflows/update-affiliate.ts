import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAffiliateStep, UpdateAffiliateInput } from "../steps/update-affiliate"

/** Updates an affiliate. A new code changes its links: the old ones stop recording clicks. */
export const updateAffiliateWorkflow = createWorkflow("update-affiliate", (input: UpdateAffiliateInput) => {
  const affiliate = updateAffiliateStep(input)
  return new WorkflowResponse(affiliate)
})
