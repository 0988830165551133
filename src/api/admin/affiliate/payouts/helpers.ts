import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { AdminPayoutWithLines } from "../../../../types/http"
import { asAnswer } from "../wire"

/** Payouts with their lines, as the admin API answers them; a missing one is a 404. */
export async function loadPayouts(scope: MedusaContainer, ids: string[]): Promise<AdminPayoutWithLines[]> {
  const payouts = await scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrievePayoutsWithLines(ids)
  if (payouts.length < ids.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${ids.find((id) => !payouts.some((p) => p.id === id))} was not found`)
  }
  return asAnswer<AdminPayoutWithLines[]>(payouts)
}
