import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { UpdateCampaignInput } from "../steps/update-campaign"
import { updateCampaignStep } from "../steps/update-campaign"
import { StoredCampaign, validateCampaignStep } from "../steps/validate-campaign"

/**
 * Updates a campaign's settings. The commission rule is validated as it will be stored (merged
 * with the stored campaign) and a new handle must be free. The API key is untouched: shops keep
 * sending the same one.
 */
export const updateCampaignWorkflow = createWorkflow("update-affiliate-campaign", (input: UpdateCampaignInput) => {
  const { data: campaigns } = useQueryGraphStep({
    entity: "affiliate_campaign",
    fields: ["id", "tool_type", "commission_type", "commission_value", "raw_commission_value", "currency_code", "commission_rules", "fraud_rules"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const data = validateCampaignStep({ input, stored: campaigns[0] as unknown as StoredCampaign })
  const campaign = updateCampaignStep(data as UpdateCampaignInput)
  return new WorkflowResponse(campaign)
})
