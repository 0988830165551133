import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetClicksParamsType } from "./validators"

/**
 * GET /admin/affiliate/clicks: filters `campaign_id`, `affiliate_id`, `click_token`,
 * `device_type`, `created_at[gte|lte]`; newest first unless `order` says otherwise.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetClicksParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig
  const { data: clicks, metadata } = await query.graph({
    entity: "affiliate_click",
    fields,
    filters: req.filterableFields,
    pagination,
  })
  res.json({ clicks, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
