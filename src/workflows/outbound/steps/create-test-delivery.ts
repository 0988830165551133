import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildOutboundPayload } from "../../../lib/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Queues a test delivery for a campaign's outbound target: a made-up order marked `test`, tried
 * once. The compensation removes it.
 */
export const createTestDeliveryStep = createStep(
  "create-affiliate-test-delivery",
  async ({ campaign_id }: { campaign_id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const campaign = await service.retrieveAffiliateCampaign(campaign_id)
    if (!campaign.outbound_url) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This campaign has no outbound_url: set one to forward conversions")
    }
    const delivery = await service.createAffiliateOutboundDeliveries({
      campaign_id,
      url: campaign.outbound_url,
      method: campaign.outbound_method,
      payload: buildOutboundPayload(
        { click_token: "test", order_id: `test-${Date.now()}`, order_total: "1", order_currency: campaign.currency_code ?? "usd", is_test: true },
        campaign.outbound_parameter_names as Record<string, string> | null
      ),
      is_test: true,
      max_attempts: 1,
      next_attempt_at: new Date(),
    })
    return new StepResponse(delivery, delivery.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateOutboundDeliveries(id)
  }
)
