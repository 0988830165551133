import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { AdminPayoutResponse } from "../../../../../types/http"
import { loadPayouts } from "../helpers"

/**
 * GET /admin/affiliate/payouts/:id: the payout with its lines (what each one pays for), and where
 * the partner asked to be paid (`payout_details`, decrypted for the admin; null when none).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPayoutResponse>) => {
  const [payout] = await loadPayouts(req.scope, [req.params.id])
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const details = await service.retrievePayoutDetails(payout.affiliate_id).catch(() => null)
  res.json({ payout, payout_details: details ? { ...details, updated_at: new Date(details.updated_at).toISOString() } : null })
}
