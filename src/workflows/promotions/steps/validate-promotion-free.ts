import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const validatePromotionFreeStepId = "validate-affiliate-promotion-free"

/**
 * One affiliate per promotion: a promotion another affiliate (or this one) already owns is a 409,
 * said before the unique index has to. Reads only: nothing to compensate.
 */
export const validatePromotionFreeStep = createStep(
  validatePromotionFreeStepId,
  async ({ promotion_id }: { promotion_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [owned] = await service.listAffiliatePromotions({ promotion_id }, { select: ["id", "affiliate_id"] }, context)
    if (owned) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Promotion ${promotion_id} already belongs to affiliate ${owned.affiliate_id}: unlink it first`)
    }
    return new StepResponse(undefined)
  }
)
