import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { PayoutRequest } from "../../../modules/affiliate/types"

/** Creates the payouts (one transaction); the compensation deletes them and their lines. */
export const createPayoutsStep = createStep(
  "create-affiliate-payouts",
  async (request: PayoutRequest, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const ids = await service.createPayouts(request, context)
    return new StepResponse(ids, ids)
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deletePayouts(ids, context)
  }
)
