import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { AdminBalanceListResponse } from "../../../../types/http"
import type { AdminGetBalancesParamsType } from "../payouts/validators"

/**
 * GET /admin/affiliate/balances: per affiliate and currency, the approved conversions and unpaid
 * commission adjustments not yet in a payout (non-zero only; negative when the affiliate owes
 * money back), as decimal strings.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBalancesParamsType>, res: MedusaResponse<AdminBalanceListResponse>) => {
  const { affiliate_id, currency_code } = req.validatedQuery as AdminGetBalancesParamsType
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate_ids = affiliate_id === undefined ? undefined : ([] as string[]).concat(affiliate_id)
  res.json({ balances: await service.listBalances({ affiliate_ids, currency_code }) })
}
