import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { PayoutRequest } from "../../../modules/affiliate/types"

export const createPayoutsStepId = "create-affiliate-payouts"

/**
 * Creates the payouts (one transaction; `actor` goes into each conversion's history); the
 * compensation deletes them, their lines and those history rows.
 */
export const createPayoutsStep = createStep(
  createPayoutsStepId,
  async ({ actor, ...request }: PayoutRequest & { actor: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const ids = await service.createPayouts(request, actor, context)
    return new StepResponse(ids, ids)
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deletePayouts(ids, context)
  }
)
