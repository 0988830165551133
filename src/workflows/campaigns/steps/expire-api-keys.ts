import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ExpireApiKeysInput = { campaign_id: string; expires_at: Date }

export const expireApiKeysStepId = "expire-affiliate-api-keys"

/**
 * Ends the campaign's live keys at `expires_at` (now, or after a grace period). Keys that already
 * end sooner keep their earlier end. The compensation restores each key's previous end.
 */
export const expireApiKeysStep = createStep(
  expireApiKeysStepId,
  async ({ campaign_id, expires_at }: ExpireApiKeysInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const keys = await service.listAffiliateApiKeys({ campaign_id }, { select: ["id", "expires_at"] }, context)
    const live = keys.filter((k) => !k.expires_at || new Date(k.expires_at) > expires_at)
    if (live.length) {
      await service.updateAffiliateApiKeys(live.map((k) => ({ id: k.id, expires_at })), context)
    }
    return new StepResponse(undefined, live.map((k) => ({ id: k.id, expires_at: k.expires_at })))
  },
  async (previous, { container, context }) => {
    if (!previous?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliateApiKeys(previous, context)
  }
)
