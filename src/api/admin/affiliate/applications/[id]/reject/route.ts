import { adminActor } from "../../../actor"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminApplicationResponse } from "../../../../../../types/http"
import { rejectAffiliateApplicationWorkflow } from "../../../../../../workflows/partners/workflows/reject-application"
import { applicationFields } from "../../query-config"
import type { AdminRejectApplicationType } from "../../validators"
import { loadApplication } from "../route"

/** POST /admin/affiliate/applications/:id/reject `{ reason }`: the applicant's mail quotes the reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRejectApplicationType>, res: MedusaResponse<AdminApplicationResponse>) => {
  await rejectAffiliateApplicationWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody.reason, reviewed_by: adminActor(req) },
  })
  res.json(await loadApplication(req, req.params.id, applicationFields))
}
