import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { OrderSale } from "../../../modules/affiliate/conversions/record-order"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const recordOrderConversionsStepId = "record-store-affiliate-conversion"

/**
 * Records the order's conversions (source `store` for a click, `coupon` for an affiliate's code),
 * at most one per campaign, and every reason it records none, in one module call: all of it in one
 * transaction, or nothing. The unique index on (order, campaign) makes a second delivery of the
 * event, or a second server handling it at once, answer `duplicate` instead of counting twice. The
 * compensation takes back everything it wrote.
 */
export const recordOrderConversionsStep = createStep(
  recordOrderConversionsStepId,
  async (sale: OrderSale, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { undo, ...recorded } = await service.recordOrderConversions(sale)
    return new StepResponse(recorded, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).undoOrderConversions(undo)
  }
)
