import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetDeliveriesParamsType } from "./validators"

/**
 * GET /admin/affiliate/outbound-deliveries: the outbox, newest first, each delivery with its
 * attempts. Filters `campaign_id`, `conversion_id`, `status`, `is_test`.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetDeliveriesParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig
  const { data: deliveries, metadata } = await query.graph({
    entity: "affiliate_outbound_delivery",
    fields,
    filters: req.filterableFields,
    pagination,
  })
  res.json({ deliveries, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
