import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const revokeAffiliateTrustStepId = "revoke-affiliate-trust"

/** Ends the affiliate's trust for a signal (404 when there is none); the compensation restores it. */
export const revokeAffiliateTrustStep = createStep(
  revokeAffiliateTrustStepId,
  async (input: { affiliate_id: string; code: string; actor: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const revoked = await service.revokeAffiliateTrust(input.affiliate_id, input.code, input.actor, context)
    if (!revoked) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The affiliate is not trusted for ${input.code}`)
    return new StepResponse(revoked, revoked.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliateTrust(id, context)
  }
)
