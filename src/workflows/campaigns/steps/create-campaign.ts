import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FraudRules } from "../../../modules/affiliate/utils/fraud-signals"
import { sealOutboundKey } from "../../../modules/affiliate/utils/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { CampaignRecord } from "../../../modules/affiliate/types"
import type { CommissionRuleInput } from "../../../modules/affiliate/utils/commission-rules"

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
  /** Ordered; the validation step gives each its id. */
  commission_rules?: CommissionRuleInput[]
  attribution_window_days?: number
  hold_days?: number
  attribution_precedence?: "coupon" | "click"
  orders_per_click?: "every" | "first"
  show_order_ids_on_statement?: boolean
  unique_click_window_minutes?: number
  /** Keys left out keep their stored values (their defaults on a new campaign): the validation step merges them. */
  fraud_rules?: Partial<FraudRules>
  status?: "active" | "paused" | "archived"
  metadata?: Record<string, unknown> | null
  outbound_url?: string | null
  outbound_method?: "POST" | "GET"
  /** Write-only: the step stores it encrypted. */
  outbound_api_key?: string | null
  outbound_parameter_names?: Record<string, string | undefined> | null
}

/** How the generated methods type what the campaign stores as a decimal string and a JSON array. */
export type StoredShapes = { commission_value: number; commission_rules?: Record<string, unknown>; fraud_rules?: Record<string, unknown> }

export const createCampaignStepId = "create-affiliate-campaign"

export const createCampaignStep = createStep(
  createCampaignStepId,
  async (input: CreateCampaignInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const data = sealOutboundKey(input, (plain) => service.encryptSecret(plain))
    // bigNumber columns take decimal strings, and json columns arrays, at run time; the generated
    // types only say number and object.
    const campaign = await service.createAffiliateCampaigns(data as Omit<typeof data, "commission_rules" | "fraud_rules"> & StoredShapes, context)
    return new StepResponse<CampaignRecord, string>(campaign, campaign.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateCampaigns(id, context)
  }
)
