import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { PayoutDetailsPlain } from "../../../modules/affiliate/types"

/**
 * Stores a partner's payout details encrypted with the plugin's key (through the module service:
 * nothing else sees the key), replacing earlier ones. The compensation puts the earlier ones back.
 */
export const savePayoutDetailsStep = createStep(
  "save-affiliate-payout-details",
  async ({ affiliate_id, details }: { affiliate_id: string; details: PayoutDetailsPlain }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [previous] = await service.listAffiliatePayoutDetails({ affiliate_id }, {}, context)
    const row = { method: details.method, details_ciphertext: service.encryptSecret(JSON.stringify(details)) }
    const saved = previous
      ? await service.updateAffiliatePayoutDetails({ id: previous.id, ...row }, context)
      : await service.createAffiliatePayoutDetails({ affiliate_id, ...row }, context)
    const undo = previous
      ? { id: previous.id, restore: { method: previous.method, details_ciphertext: previous.details_ciphertext } }
      : { id: saved.id, restore: null }
    return new StepResponse({ id: saved.id, method: saved.method }, undo)
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.restore) await service.updateAffiliatePayoutDetails({ id: undo.id, ...undo.restore }, context)
    else await service.deleteAffiliatePayoutDetails(undo.id, context)
  }
)
