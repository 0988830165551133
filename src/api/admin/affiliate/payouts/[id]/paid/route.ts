import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markPayoutPaidWorkflow } from "../../../../../../workflows/payouts/workflows/mark-payout-paid"
import type { AdminPayoutResponse } from "../../../../../../types/http"
import { adminActor } from "../../../actor"
import { loadPayouts } from "../../helpers"
import type { AdminMarkPayoutPaidType } from "../../validators"

/**
 * POST /admin/affiliate/payouts/:id/paid `{ reference }`: the payout is `paid` with the
 * reference, and its conversions `paid`. An already paid payout is a 409.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkPayoutPaidType>, res: MedusaResponse<AdminPayoutResponse>) => {
  const input = { id: req.params.id, reference: req.validatedBody.reference, actor: adminActor(req) }
  await markPayoutPaidWorkflow(req.scope).run({ input })
  const [payout] = await loadPayouts(req.scope, [req.params.id])
  res.json({ payout })
}
