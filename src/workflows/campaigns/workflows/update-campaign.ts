import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCampaignStep, UpdateCampaignInput } from "../steps/update-campaign"

/**
 * Updates a campaign's settings. The API key is untouched: shops keep sending the same one.
 * Callers validate the merged settings (commission rule, unique handle) before running it.
 */
export const updateCampaignWorkflow = createWorkflow("update-affiliate-campaign", (input: UpdateCampaignInput) => {
  const campaign = updateCampaignStep(input)
  return new WorkflowResponse(campaign)
})
