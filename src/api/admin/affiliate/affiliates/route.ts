import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliateWorkflow } from "../../../../workflows/affiliates/workflows/create-affiliate"
import { searchAny } from "../validators"
import { withTrackingLinks } from "./helpers"
import type { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"
import type { AdminAffiliateListResponse, AdminAffiliateResponse } from "../../../../types/http"
import { asAnswer } from "../wire"

/**
 * GET /admin/affiliate/affiliates: `q` (code, name or email), `status`, paginated;
 * `with_tracking_links=true` adds each affiliate's links.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>, res: MedusaResponse<AdminAffiliateListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, with_tracking_links, ...filters } = req.filterableFields
  const { fields, pagination } = req.queryConfig
  const { data, metadata } = await query.graph({
    entity: "affiliate",
    fields,
    filters: { ...filters, ...searchAny(q, ["code", "name", "email"]) },
    pagination,
  })
  const affiliates = with_tracking_links ? await withTrackingLinks(req, data) : data
  res.json({ affiliates: asAnswer<AdminAffiliateListResponse["affiliates"]>(affiliates), count: metadata!.count, count_type: "exact", offset: metadata!.skip, limit: metadata!.take })
}

/** POST /admin/affiliate/affiliates: a taken code is a 422 (the workflow checks), never a database error. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>, res: MedusaResponse<AdminAffiliateResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { result } = await createAffiliateWorkflow(req.scope).run({ input: req.validatedBody })
  const {
    data: [affiliate],
  } = await query.graph(
    { entity: "affiliate", fields: req.queryConfig.fields, filters: { id: result.id } },
    { throwIfKeyNotFound: true }
  )
  const [withLinks] = await withTrackingLinks(req, [affiliate])
  res.json({ affiliate: asAnswer<AdminAffiliateResponse["affiliate"]>(withLinks) })
}
