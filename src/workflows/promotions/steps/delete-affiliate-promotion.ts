import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAffiliatePromotionStepId = "delete-affiliate-promotion"

/**
 * Takes the promotion away from the affiliate (a soft delete: the promotion itself stays in Medusa,
 * and is free to give to another affiliate). 404 when this affiliate does not own it. The
 * compensation restores the link.
 */
export const deleteAffiliatePromotionStep = createStep(
  deleteAffiliatePromotionStepId,
  async ({ affiliate_id, promotion_id }: { affiliate_id: string; promotion_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [owned] = await service.listAffiliatePromotions({ affiliate_id, promotion_id }, { select: ["id"] }, context)
    if (!owned) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate ${affiliate_id} has no promotion ${promotion_id}`)
    }
    await service.softDeleteAffiliatePromotions(owned.id, {}, context)
    return new StepResponse({ id: owned.id }, owned.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliatePromotions(id, {}, context)
  }
)
