import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eraseShopperDataWorkflow } from "../../../../workflows/erasure/workflows/erase-shopper-data"
import type { AdminCreateErasureType } from "./validators"
import type { AdminErasureListResponse, AdminErasureResponse } from "../../../../types/http"
import { asAnswer } from "../wire"

/** GET /admin/affiliate/erasures: the erasures made, newest first (counts only, never what was erased). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminErasureListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: erasures, metadata } = await query.graph({
    entity: "affiliate_erasure",
    fields: req.queryConfig.fields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ erasures: asAnswer<AdminErasureListResponse["erasures"]>(erasures), count: metadata!.count, count_type: "exact", offset: metadata!.skip, limit: metadata!.take })
}

/**
 * POST /admin/affiliate/erasures `{ order_id }` or `{ email }`: erases what the plugin holds about
 * that shopper (GDPR art. 17) and answers the erasure's record.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateErasureType>, res: MedusaResponse<AdminErasureResponse>) => {
  const { result } = await eraseShopperDataWorkflow(req.scope).run({
    input: { ...req.validatedBody, requested_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ erasure: asAnswer<AdminErasureResponse["erasure"]>(result) })
}
