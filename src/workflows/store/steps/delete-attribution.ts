import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAttributionStepId = "delete-affiliate-attribution"

/** Removes a cart's attribution (soft delete, so the compensation can restore it). */
export const deleteAttributionStep = createStep(
  deleteAttributionStepId,
  async ({ cart_id }: { cart_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const rows = await service.listAffiliateAttributions({ cart_id }, { select: ["id"] }, context)
    const ids = rows.map((r) => r.id)
    if (ids.length) await service.softDeleteAffiliateAttributions(ids, {}, context)
    return new StepResponse({ deleted: ids.length > 0 }, ids)
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliateAttributions(ids, {}, context)
  }
)
