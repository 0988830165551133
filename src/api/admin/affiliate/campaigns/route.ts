import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCampaignWorkflow } from "../../../../workflows/campaigns/workflows/create-campaign"
import { searchAny } from "../validators"
import { assertHandleFree, freeHandleFor } from "./helpers"
import type { AdminCreateCampaignType, AdminGetCampaignsParamsType } from "./validators"

/** GET /admin/affiliate/campaigns: `q` (name or handle), `status`, `type`, paginated. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields
  const { fields, pagination } = req.queryConfig
  const { data: campaigns, metadata } = await query.graph({
    entity: "affiliate_campaign",
    fields,
    filters: { ...filters, ...searchAny(q, ["name", "handle"]) },
    pagination,
  })
  res.json({ campaigns, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/**
 * POST /admin/affiliate/campaigns: creates the campaign and its API key. Without a handle, one
 * is derived from the name; an explicit handle that is taken is refused.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCampaignType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const body = req.validatedBody
  let handle = body.handle
  if (handle) {
    await assertHandleFree(req.scope, handle)
  } else {
    handle = await freeHandleFor(req.scope, body.name)
  }
  const { result } = await createCampaignWorkflow(req.scope).run({
    input: {
      ...body,
      handle,
      // Percentage commissions are paid in the order's currency: a campaign currency means nothing.
      currency_code: body.commission_type === "flat" ? body.currency_code : null,
    },
  })
  const {
    data: [campaign],
  } = await query.graph(
    { entity: "affiliate_campaign", fields: req.queryConfig.fields, filters: { id: result.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({ campaign })
}
