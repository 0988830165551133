import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminAffiliateStatsResponse, StatsPeriod } from "../../../../../../types/http"
import type { AdminGetCampaignSeriesParamsType } from "../../../stats/validators"

/**
 * GET /admin/affiliate/affiliates/:id/stats?days=7|30|90: the affiliate's all-time totals, a point
 * per UTC day and the balance, from the same service call as the affiliate's statement page.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignSeriesParamsType>, res: MedusaResponse<AdminAffiliateStatsResponse>) => {
  const { days } = req.validatedQuery as AdminGetCampaignSeriesParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate", fields: ["id"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  const figures = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).affiliateFigures(req.params.id, days)
  res.json({ ...figures, days: days as StatsPeriod })
}
