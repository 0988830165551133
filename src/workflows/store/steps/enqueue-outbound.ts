import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildOutboundPayload } from "../../../modules/affiliate/utils/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type EnqueueOutboundInput = {
  conversion_id: string
  campaign_id: string
  outbound: { url: string; method: "POST" | "GET"; names: Record<string, string> | null }
  click_token: string
  order_id: string
  order_total: string
  order_currency: string
}

export const enqueueOutboundStepId = "enqueue-affiliate-outbound"

/**
 * Puts the conversion in the outbox; the delivery job sends it (now and on retries). One row per
 * conversion (unique index), so a repeated event cannot queue it twice.
 */
export const enqueueOutboundStep = createStep(
  enqueueOutboundStepId,
  async (input: EnqueueOutboundInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const delivery = await service.createAffiliateOutboundDeliveries({
      conversion_id: input.conversion_id,
      campaign_id: input.campaign_id,
      url: input.outbound.url,
      method: input.outbound.method,
      payload: buildOutboundPayload({ ...input, is_test: false }, input.outbound.names),
      max_attempts: service.getOptions().outboundMaxAttempts,
      next_attempt_at: new Date(),
    }, context)
    return new StepResponse(delivery, delivery.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateOutboundDeliveries(id, context)
  }
)
