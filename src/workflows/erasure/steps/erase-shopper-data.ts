import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ShopperOrders } from "./find-shopper-orders"

export const eraseShopperDataStepId = "erase-affiliate-shopper-data"

/**
 * Erases the shopper's data and records the erasure in one transaction. An erasure cannot be
 * undone, by design: there is no compensation, and it is the workflow's last step.
 */
export const eraseShopperDataStep = createStep(
  eraseShopperDataStepId,
  async ({ orders, requested_by }: { orders: ShopperOrders; requested_by: string | null }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const erasure = await service.eraseShopper({ ...orders, requested_by }, context)
    return new StepResponse(erasure)
  }
)
