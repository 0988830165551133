import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { AdminRetentionResponse } from "../../../../types/http"
import { asAnswer } from "../wire"

export const RETENTION_RUN_FIELDS = [
  "id", "status", "started_at", "finished_at", "request_log_days", "click_details_grace_days",
  "request_logs_deleted", "clicks_cleared", "error",
]

/**
 * GET /admin/affiliate/retention: the retention settings and the latest runs, with what each
 * removed and when.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRetentionResponse>) => {
  const { requestLogRetentionDays, clickDetailsGraceDays } = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: runs } = await query.graph({
    entity: "affiliate_retention_run",
    fields: RETENTION_RUN_FIELDS,
    pagination: { order: { started_at: "DESC" }, take: 20 },
  })
  res.json({ request_log_days: requestLogRetentionDays, click_details_grace_days: clickDetailsGraceDays, runs: asAnswer<AdminRetentionResponse["runs"]>(runs) })
}
