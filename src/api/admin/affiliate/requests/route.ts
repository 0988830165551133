import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetRequestsParamsType } from "./validators"

/**
 * GET /admin/affiliate/requests: the request log behind "why didn't it fire?" (README, "Troubleshooting"), newest
 * first. Filters `campaign_id`, `outcome`, `source`, `order_id`, `request_id`, `click_token`,
 * `is_test`, `created_at[gte|lte]`. Entries hold a key's prefix, never the key.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetRequestsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig
  const { data: requests, metadata } = await query.graph({
    entity: "affiliate_request_log",
    fields,
    filters: req.filterableFields,
    pagination,
  })
  res.json({ requests, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
