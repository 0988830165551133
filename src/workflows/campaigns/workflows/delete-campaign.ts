import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deleteCampaignStep } from "../steps/delete-campaign"

/** Soft-deletes a campaign: its links and key stop working, its history stays. */
export const deleteCampaignWorkflow = createWorkflow("delete-affiliate-campaign", (input: { id: string }) => {
  useQueryGraphStep({ entity: "affiliate_campaign", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
  const deleted = deleteCampaignStep(input)
  return new WorkflowResponse(deleted)
})
