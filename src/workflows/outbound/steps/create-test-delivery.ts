import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildOutboundPayload } from "../../../modules/affiliate/utils/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type TestDeliveryCampaign = {
  id: string
  outbound_url: string | null
  outbound_method: "POST" | "GET"
  outbound_parameter_names: Record<string, string> | null
  currency_code: string | null
}

export const createTestDeliveryStepId = "create-affiliate-test-delivery"

/**
 * Queues a test delivery for a campaign's outbound target: a made-up order marked `test`, tried
 * once. The compensation removes it.
 */
export const createTestDeliveryStep = createStep(
  createTestDeliveryStepId,
  async ({ campaign }: { campaign: TestDeliveryCampaign }, { container, context }) => {
    if (!campaign.outbound_url) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This campaign has no outbound_url: set one to forward conversions")
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const delivery = await service.createAffiliateOutboundDeliveries(
      {
        campaign_id: campaign.id,
        url: campaign.outbound_url,
        method: campaign.outbound_method,
        payload: buildOutboundPayload(
          { click_token: "test", order_id: `test-${Date.now()}`, order_total: "1", order_currency: campaign.currency_code ?? "usd", is_test: true },
          campaign.outbound_parameter_names
        ),
        is_test: true,
        max_attempts: 1,
        next_attempt_at: new Date(),
      },
      context
    )
    return new StepResponse(delivery, delivery.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateOutboundDeliveries(id, context)
  }
)
