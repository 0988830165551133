import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const claimDeliveriesStepId = "claim-affiliate-outbound-deliveries"

/** Claims the deliveries to send now; the compensation gives them back to the next run. */
export const claimDeliveriesStep = createStep(
  claimDeliveriesStepId,
  async ({ now, delivery_ids }: { now: string; delivery_ids?: string[] }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const claimed = await service.claimOutboundDeliveries(new Date(now), delivery_ids ?? null, context)
    return new StepResponse(claimed, claimed.map((d) => ({ id: d.id, next_attempt_at: d.next_attempt_at })))
  },
  async (previous, { container, context }) => {
    if (!previous?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliateOutboundDeliveries(previous, context)
  }
)
