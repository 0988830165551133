import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const rememberAffiliateIpStepId = "remember-affiliate-ip"

export type RememberAffiliateIpInput = {
  affiliate_id: string
  /** The request's IP (hashed by the module), or the hash an application already holds. */
  ip?: string | null
  ip_hash?: string | null
  source: "application" | "portal_login"
}

/**
 * Notes where an affiliate was seen (their application, a portal login), for `self_referral_ip`
 * (README, "Trust"); only the keyed hash is kept. Nothing without an IP. The compensation deletes
 * the row only when this step made it.
 */
export const rememberAffiliateIpStep = createStep(
  rememberAffiliateIpStepId,
  async (input: RememberAffiliateIpInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const seen = await service.rememberAffiliateIp(input.affiliate_id, { ip: input.ip, ip_hash: input.ip_hash, source: input.source }, context)
    return new StepResponse(seen, seen?.created ? seen.id : null)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).forgetAffiliateIp(id, context)
  }
)
