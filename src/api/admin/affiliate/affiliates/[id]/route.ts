import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteAffiliateWorkflow } from "../../../../../workflows/affiliates/workflows/delete-affiliate"
import { updateAffiliateWorkflow } from "../../../../../workflows/affiliates/workflows/update-affiliate"
import { withTrackingLinks } from "../helpers"
import type { AdminUpdateAffiliateType } from "../validators"
import type { AdminAffiliateDeleteResponse, AdminAffiliateResponse } from "../../../../../types/http"
import { asAnswer } from "../../wire"

async function retrieve(req: AuthenticatedMedusaRequest, fields: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "affiliate", fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  return data[0]
}

/** GET /admin/affiliate/affiliates/:id, with a tracking link per campaign not archived. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAffiliateResponse>) => {
  const [affiliate] = await withTrackingLinks(req, [await retrieve(req, req.queryConfig.fields)])
  res.json({ affiliate: asAnswer<AdminAffiliateResponse["affiliate"]>(affiliate) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>, res: MedusaResponse<AdminAffiliateResponse>) => {
  const { id } = req.params
  await updateAffiliateWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  const [affiliate] = await withTrackingLinks(req, [await retrieve(req, req.queryConfig.fields)])
  res.json({ affiliate: asAnswer<AdminAffiliateResponse["affiliate"]>(affiliate) })
}

/** DELETE /admin/affiliate/affiliates/:id: soft delete; its links stop recording clicks. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAffiliateDeleteResponse>) => {
  const { id } = req.params
  await deleteAffiliateWorkflow(req.scope).run({ input: { id } })
  res.json({ id, object: "affiliate", deleted: true })
}
