import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokeAffiliateTrustWorkflow } from "../../../../../../../workflows/trust/workflows/revoke-affiliate-trust"
import type { AdminRevokeTrustResponse } from "../../../../../../../types/http"
import { adminActor } from "../../../../actor"
import { asAnswer } from "../../../../wire"

/**
 * DELETE …/affiliates/:id/trust/:code: ends the trust; the affiliate's later conversions raise the
 * signal again. 404 when the affiliate is not trusted for it; 400 for an unknown code.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRevokeTrustResponse>) => {
  const { result } = await revokeAffiliateTrustWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, code: req.params.code, actor: adminActor(req) },
  })
  res.json({ trust: asAnswer<AdminRevokeTrustResponse["trust"]>(result) })
}
