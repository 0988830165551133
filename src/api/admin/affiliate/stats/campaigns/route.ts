import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { AdminGetCampaignTotalsParamsType } from "../validators"
import type { AdminCampaignTotalsResponse } from "../../../../../types/http"

/**
 * GET /admin/affiliate/stats/campaigns[?campaign_id=…]: clicks, live conversions and commission
 * (per currency) for each campaign that has any, for the campaigns table.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignTotalsParamsType>,
  res: MedusaResponse<AdminCampaignTotalsResponse>
) => {
  const { campaign_id } = req.validatedQuery as AdminGetCampaignTotalsParamsType
  const ids = campaign_id === undefined ? undefined : Array.isArray(campaign_id) ? campaign_id : [campaign_id]
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  res.json({ stats: await service.campaignTotals(ids) })
}
