import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPayoutResponse } from "../../../../../types/http"
import { loadPayouts } from "../helpers"

/** GET /admin/affiliate/payouts/:id: the payout with its lines (what each one pays for). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPayoutResponse>) => {
  const [payout] = await loadPayouts(req.scope, [req.params.id])
  res.json({ payout })
}
