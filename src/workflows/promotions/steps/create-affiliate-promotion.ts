import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AffiliatePromotionRecord } from "../../../modules/affiliate/types"

export type AffiliatePromotionInput = { affiliate_id: string; campaign_id: string; promotion_id: string }

export const createAffiliatePromotionStepId = "create-affiliate-promotion"

/**
 * Gives the promotion to the affiliate for the campaign. Two admins linking one promotion at once:
 * the unique index on `promotion_id` keeps one, the other gets a 409. The compensation removes it.
 */
export const createAffiliatePromotionStep = createStep(
  createAffiliatePromotionStepId,
  async (input: AffiliatePromotionInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    try {
      const created = await service.createAffiliatePromotions(input, context)
      return new StepResponse<AffiliatePromotionRecord, string>(created, created.id)
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error)?.message))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `Promotion ${input.promotion_id} already belongs to an affiliate`)
      }
      throw e
    }
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliatePromotions(id, context)
  }
)
