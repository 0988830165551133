import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignStep, CreateCampaignInput } from "../steps/create-campaign"
import { issueApiKeyStep } from "../steps/issue-api-key"

/**
 * Creates a campaign and, on this first save, its S2S API key (seed 000: the key exists as soon
 * as the campaign has been saved once).
 */
export const createCampaignWorkflow = createWorkflow("create-affiliate-campaign", (input: CreateCampaignInput) => {
  const campaign = createCampaignStep(input)
  const keyInput = transform({ campaign }, ({ campaign }) => ({ campaign_id: campaign.id }))
  issueApiKeyStep(keyInput)
  return new WorkflowResponse(campaign)
})
