import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sealOutboundKey } from "../../../lib/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CreateCampaignInput = {
  name: string
  handle: string
  type?: "banner" | "text" | "link" | "video"
  tool_type?: "sale" | "lead"
  target_url: string
  allowed_redirect_hosts?: string[]
  integration_method?: "s2s"
  commission_type?: "percentage" | "flat"
  commission_value: number | string
  currency_code?: string | null
  attribution_window_days?: number
  hold_days?: number
  attribution_precedence?: "coupon" | "click"
  orders_per_click?: "every" | "first"
  show_order_ids_on_statement?: boolean
  status?: "active" | "paused" | "archived"
  metadata?: Record<string, unknown> | null
  outbound_url?: string | null
  outbound_method?: "POST" | "GET"
  /** Write-only: the step stores it encrypted. */
  outbound_api_key?: string | null
  outbound_parameter_names?: Record<string, string | undefined> | null
}

export const createCampaignStep = createStep(
  "create-affiliate-campaign",
  async (input: CreateCampaignInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    // bigNumber columns take decimal strings at run time; the generated types only say number.
    const data = sealOutboundKey(input, service.getOptions().encryptionKey)
    const campaign = await service.createAffiliateCampaigns(data as typeof data & { commission_value: number }, context)
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateCampaigns(id, context)
  }
)
