import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteCampaignWorkflow } from "../../../../../workflows/campaigns/workflows/delete-campaign"
import { updateCampaignWorkflow } from "../../../../../workflows/campaigns/workflows/update-campaign"
import type { AdminUpdateCampaignType } from "../validators"
import type { AdminCampaignDeleteResponse, AdminCampaignResponse } from "../../../../../types/http"
import { asAnswer } from "../../wire"

async function retrieve(req: AuthenticatedMedusaRequest, fields: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "affiliate_campaign", fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  return data[0]
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCampaignResponse>) => {
  res.json({ campaign: asAnswer<AdminCampaignResponse["campaign"]>(await retrieve(req, req.queryConfig.fields)) })
}

/** POST /admin/affiliate/campaigns/:id: partial update; the workflow checks the merged commission rule. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCampaignType>, res: MedusaResponse<AdminCampaignResponse>) => {
  await updateCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ campaign: asAnswer<AdminCampaignResponse["campaign"]>(await retrieve(req, req.queryConfig.fields)) })
}

/** DELETE /admin/affiliate/campaigns/:id: soft delete; its links and key stop working. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCampaignDeleteResponse>) => {
  const { id } = req.params
  await deleteCampaignWorkflow(req.scope).run({ input: { id } })
  res.json({ id, object: "affiliate_campaign", deleted: true })
}
