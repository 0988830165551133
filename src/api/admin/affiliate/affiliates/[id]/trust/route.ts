import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import { trustAffiliateSignalWorkflow } from "../../../../../../workflows/trust/workflows/trust-affiliate-signal"
import type { AdminAffiliateTrustListResponse, AdminTrustAffiliateResponse } from "../../../../../../types/http"
import { adminActor } from "../../../actor"
import type { AdminTrustAffiliateType } from "../../validators"
import { asAnswer } from "../../../wire"

/** GET …/affiliates/:id/trust: every decision to trust the affiliate for a signal, revoked ones included, the newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAffiliateTrustListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate", fields: ["id"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  const trust = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).listAffiliateTrust(req.params.id)
  res.json({ trust: asAnswer<AdminAffiliateTrustListResponse["trust"]>(trust) })
}

/**
 * POST …/affiliates/:id/trust `{ code }`: the signal is no longer raised on the affiliate's
 * conversions, and their pending conversions lose it (those it alone held leave the review queue),
 * each with a history row. Trusting again changes nothing and answers the same trust.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTrustAffiliateType>, res: MedusaResponse<AdminTrustAffiliateResponse>) => {
  const { result } = await trustAffiliateSignalWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, code: req.validatedBody.code, actor: adminActor(req) },
  })
  res.json({ trust: asAnswer<AdminTrustAffiliateResponse["trust"]>(result.trust), conversions_updated: result.conversions_updated })
}
