import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetConversionsParamsType } from "./validators"

/**
 * GET /admin/affiliate/conversions: filters `campaign_id`, `affiliate_id`, `click_id`, `status`,
 * `source`, `is_test`, `order_id`, `created_at[gte|lte]`; newest first unless `order` says otherwise.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetConversionsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig
  const { data: conversions, metadata } = await query.graph({
    entity: "affiliate_conversion",
    fields,
    filters: req.filterableFields,
    pagination,
  })
  res.json({ conversions, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
