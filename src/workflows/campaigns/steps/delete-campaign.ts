import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteCampaignStepId = "delete-affiliate-campaign"

/**
 * Soft-deletes a campaign. Its keys stop answering at once (the S2S lookup skips deleted
 * campaigns) while its clicks and conversions stay for reporting. The compensation restores it.
 */
export const deleteCampaignStep = createStep(
  deleteCampaignStepId,
  async ({ id }: { id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.softDeleteAffiliateCampaigns(id, {}, context)
    return new StepResponse({ id }, id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliateCampaigns(id, {}, context)
  }
)
