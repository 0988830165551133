import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCampaignStep } from "../steps/delete-campaign"

/** Soft-deletes a campaign: its links and key stop working, its history stays. */
export const deleteCampaignWorkflow = createWorkflow("delete-affiliate-campaign", (input: { id: string }) => {
  const deleted = deleteCampaignStep(input)
  return new WorkflowResponse(deleted)
})
