import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { HOUR_MS } from "../../../modules/affiliate/utils/time"
import { expireApiKeysStep } from "../steps/expire-api-keys"
import { issueApiKeyStep } from "../steps/issue-api-key"

export type RegenerateApiKeyInput = { campaign_id: string; grace_period_hours?: number }

/**
 * Issues a new key at once. The old one stops working now, or after `grace_period_hours` so that
 * shops can switch without losing conversions.
 */
export const regenerateApiKeyWorkflow = createWorkflow("regenerate-affiliate-api-key", (input: RegenerateApiKeyInput) => {
  useQueryGraphStep({ entity: "affiliate_campaign", fields: ["id"], filters: { id: input.campaign_id }, options: { throwIfKeyNotFound: true } })
  const expiry = transform({ input }, ({ input }) => ({
    campaign_id: input.campaign_id,
    expires_at: new Date(Date.now() + (input.grace_period_hours ?? 0) * HOUR_MS),
  }))
  expireApiKeysStep(expiry)
  const key = issueApiKeyStep({ campaign_id: input.campaign_id })
  return new WorkflowResponse(key)
})
