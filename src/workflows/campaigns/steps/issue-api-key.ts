import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const issueApiKeyStepId = "issue-affiliate-api-key"

/**
 * Issues a campaign's S2S key (the module stores its hash and ciphertext). The step returns the
 * row, not the key, so the key never sits in workflow storage.
 */
export const issueApiKeyStep = createStep(
  issueApiKeyStepId,
  async ({ campaign_id }: { campaign_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const row = await service.issueApiKey(campaign_id, context)
    return new StepResponse(row, row.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateApiKeys(id, context)
  }
)
