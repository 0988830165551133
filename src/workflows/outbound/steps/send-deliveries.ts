import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ClaimedDelivery } from "../../../modules/affiliate/types"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const sendDeliveriesStepId = "send-affiliate-outbound-deliveries"

/**
 * Sends each claimed delivery once and records its attempt, in one module call (the module opens
 * the campaign's outbound key; no key leaves it). Sending cannot be undone, so there is no
 * compensation.
 */
export const sendDeliveriesStep = createStep(
  sendDeliveriesStepId,
  async ({ deliveries, now }: { deliveries: ClaimedDelivery[]; now: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    return new StepResponse(await service.sendOutboundDeliveries(deliveries, new Date(now), context))
  }
)
