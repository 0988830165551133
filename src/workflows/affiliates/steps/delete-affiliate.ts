import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAffiliateStepId = "delete-affiliate"

/**
 * Soft-deletes an affiliate: its links stop recording clicks, its clicks and conversions stay
 * for reporting. The compensation restores it.
 */
export const deleteAffiliateStep = createStep(
  deleteAffiliateStepId,
  async ({ id }: { id: string }, { container, context }) => {
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).softDeleteAffiliates(id, {}, context)
    return new StepResponse({ id }, id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliates(id, {}, context)
  }
)
