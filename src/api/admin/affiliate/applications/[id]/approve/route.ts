import { adminActor } from "../../../actor"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminApplicationResponse } from "../../../../../../types/http"
import { approveAffiliateApplicationWorkflow } from "../../../../../../workflows/partners/workflows/approve-application"
import { applicationFields } from "../../query-config"
import type { AdminApproveApplicationType } from "../../validators"
import { loadApplication } from "../route"

/**
 * POST /admin/affiliate/applications/:id/approve `{ code? }`: makes the affiliate (the code given,
 * or one from the name), joins it to the program's campaigns and mails the partner a link to set
 * a password. Only a confirmed application in the queue (`pending`); a taken code is a 422.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminApproveApplicationType>, res: MedusaResponse<AdminApplicationResponse>) => {
  const { publicUrl } = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  await approveAffiliateApplicationWorkflow(req.scope).run({
    input: { id: req.params.id, code: req.validatedBody.code, reviewed_by: adminActor(req), public_url: publicUrl },
  })
  res.json(await loadApplication(req, req.params.id, applicationFields))
}
