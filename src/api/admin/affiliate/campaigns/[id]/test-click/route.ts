import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createTestClickWorkflow } from "../../../../../../workflows/clicks/workflows/create-test-click"
import type { AdminTestClickType } from "../../../stats/validators"
import type { AdminTestClickResponse } from "../../../../../../types/http"

/**
 * POST /admin/affiliate/campaigns/:id/test-click, body `{ affiliate_id? }`: records a click (sub1
 * "admin-test") for the campaign's Integration Setup "Send test conversion", which then posts a
 * `test: true` conversion with its token through the real S2S endpoint. Without an affiliate id the
 * oldest active affiliate is used.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTestClickType>, res: MedusaResponse<AdminTestClickResponse>) => {
  const { result } = await createTestClickWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, affiliate_id: req.validatedBody.affiliate_id },
  })
  res.set("Cache-Control", "no-store")
  res.json(result)
}
