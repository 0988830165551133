import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminGetCampaignSeriesParamsType } from "../../../stats/validators"
import type { AdminCampaignSeriesResponse, StatsPeriod } from "../../../../../../types/http"

/**
 * GET /admin/affiliate/campaigns/:id/stats?days=7|30|90: a point per UTC day (clicks, live
 * conversions, conversion rate in %, commission per currency) and the campaign's all-time totals.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignSeriesParamsType>,
  res: MedusaResponse<AdminCampaignSeriesResponse>
) => {
  const { id } = req.params
  const { days } = req.validatedQuery as AdminGetCampaignSeriesParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate_campaign", fields: ["id"], filters: { id } }, { throwIfKeyNotFound: true })
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [series, [totals]] = await Promise.all([service.campaignSeries(id, days), service.campaignTotals([id])])
  // The validator let through 7, 30 or 90 only.
  res.json({ days: days as StatsPeriod, series, totals: totals ?? { campaign_id: id, clicks: 0, unique_clicks: 0, filtered_clicks: 0, conversions: 0, commission: [] } })
}
