import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AdminBreakdownResponse } from "../../../types/http"
import type { AdminGetBreakdownParamsType } from "./stats/validators"

/**
 * GET …/campaigns/:id/breakdown and …/affiliates/:id/breakdown `?by=country|device|referrer&days=`:
 * clicks (raw and unique), live conversions and commission per key over the last `days` UTC days,
 * the most clicked first, from the rollups (README, "Trust"). 404 for an unknown campaign or affiliate.
 */
export function breakdownHandler(entity: "affiliate_campaign" | "affiliate") {
  return async (req: AuthenticatedMedusaRequest<unknown, AdminGetBreakdownParamsType>, res: MedusaResponse<AdminBreakdownResponse>) => {
    const { by, days } = req.validatedQuery as AdminGetBreakdownParamsType
    const { id } = req.params
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    await query.graph({ entity, fields: ["id"], filters: { id } }, { throwIfKeyNotFound: true })
    const scope = entity === "affiliate" ? { affiliate_id: id } : { campaign_id: id }
    const rows = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).trafficBreakdown(scope, by, days)
    res.json({ by, days, rows })
  }
}
