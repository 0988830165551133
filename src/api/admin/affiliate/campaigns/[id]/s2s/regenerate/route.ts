import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { regenerateApiKeyWorkflow } from "../../../../../../../workflows/campaigns/workflows/regenerate-api-key"
import { loadS2sSetup } from "../../../helpers"
import type { AdminRegenerateApiKeyType } from "../../../validators"
import type { AdminS2sSetupResponse } from "../../../../../../../types/http"

/**
 * POST /admin/affiliate/campaigns/:id/s2s/regenerate: issues a new key at once. The old one stops
 * now, or after `grace_period_hours`. Answers like GET …/s2s, with the new key.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRegenerateApiKeyType>, res: MedusaResponse<AdminS2sSetupResponse>) => {
  const { id } = req.params
  await regenerateApiKeyWorkflow(req.scope).run({
    input: { campaign_id: id, grace_period_hours: req.validatedBody.grace_period_hours },
  })
  res.set("Cache-Control", "no-store")
  res.json(await loadS2sSetup(req, id))
}
