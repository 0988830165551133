import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminApplicationListResponse } from "../../../../types/http"
import { searchAny } from "../validators"
import { asAnswer } from "../wire"
import type { AdminGetApplicationsParamsType } from "./validators"

/** GET /admin/affiliate/applications: filters `status` and `q` (name or email); newest first by default. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetApplicationsParamsType>, res: MedusaResponse<AdminApplicationListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields
  const { data, metadata } = await query.graph({
    entity: "affiliate_application",
    fields: req.queryConfig.fields,
    filters: { ...filters, ...searchAny(q, ["name", "email"]) },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination.order ?? { created_at: "DESC" } },
  })
  res.json({
    applications: asAnswer<AdminApplicationListResponse["applications"]>(data),
    count: metadata!.count,
    count_type: "exact",
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
