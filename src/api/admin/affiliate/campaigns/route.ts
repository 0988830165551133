import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCampaignWorkflow } from "../../../../workflows/campaigns/workflows/create-campaign"
import { searchAny } from "../validators"
import type { AdminCreateCampaignType, AdminGetCampaignsParamsType } from "./validators"
import type { AdminCampaignListResponse, AdminCampaignResponse } from "../../../../types/http"
import { asAnswer } from "../wire"

/** GET /admin/affiliate/campaigns: `q` (name or handle), `status`, `type`, paginated. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignsParamsType>, res: MedusaResponse<AdminCampaignListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields
  const { fields, pagination } = req.queryConfig
  const { data: campaigns, metadata } = await query.graph({
    entity: "affiliate_campaign",
    fields,
    filters: { ...filters, ...searchAny(q, ["name", "handle"]) },
    pagination,
  })
  res.json({ campaigns: asAnswer<AdminCampaignListResponse["campaigns"]>(campaigns), count: metadata!.count, count_type: "exact", offset: metadata!.skip, limit: metadata!.take })
}

/**
 * POST /admin/affiliate/campaigns: creates the campaign and its API key. Without a handle, one
 * is derived from the name; an explicit handle that is taken is refused (the workflow checks).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCampaignType>, res: MedusaResponse<AdminCampaignResponse>) => {
  const { result } = await createCampaignWorkflow(req.scope).run({ input: req.validatedBody })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [campaign],
  } = await query.graph(
    { entity: "affiliate_campaign", fields: req.queryConfig.fields, filters: { id: result.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({ campaign: asAnswer<AdminCampaignResponse["campaign"]>(campaign) })
}
