import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignStep, CreateCampaignInput } from "../steps/create-campaign"
import { issueApiKeyStep } from "../steps/issue-api-key"
import { validateCampaignStep } from "../steps/validate-campaign"

export type CreateCampaignWorkflowInput = Omit<CreateCampaignInput, "handle"> & { handle?: string }

/**
 * Creates a campaign and, on this first save, its S2S API key: the key exists as soon as the
 * campaign has been saved once (README, "API keys"). The handle is checked, or derived from the
 * name, and the commission rule validated before anything is written.
 */
export const createCampaignWorkflow = createWorkflow("create-affiliate-campaign", (input: CreateCampaignWorkflowInput) => {
  const data = validateCampaignStep({ input })
  const campaign = createCampaignStep(data as CreateCampaignInput)
  const keyInput = transform({ campaign }, ({ campaign }) => ({ campaign_id: campaign.id }))
  issueApiKeyStep(keyInput)
  return new WorkflowResponse(campaign)
})
