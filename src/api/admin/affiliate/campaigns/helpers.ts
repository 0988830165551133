import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { buildS2sSetup, S2sSetup } from "../../../../lib/s2s-setup"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { publicBase } from "../public-url"

export const UNREADABLE_KEY =
  "The campaign's API key was encrypted with another encryption key: add that key to previousEncryptionKeys " +
  "(AFFILIATE_PREVIOUS_ENCRYPTION_KEYS) to show it again, or regenerate the key"

/**
 * The Integration Setup data for a campaign: its live key (the module reveals it), and when the
 * key it replaced stops working if a grace period keeps that one alive. A key no configured
 * encryption key opens is shown as unreadable with what to do, never as a 500.
 */
export async function loadS2sSetup(req: MedusaRequest, campaignId: string): Promise<S2sSetup> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const {
    data: [campaign],
  } = await query.graph(
    { entity: "affiliate_campaign", fields: ["id", "tool_type", "commission_type", "currency_code"], filters: { id: campaignId } },
    { throwIfKeyNotFound: true }
  )
  const key = await service.revealApiKey(campaignId)
  if (!key) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Campaign ${campaignId} has no live API key: regenerate one with POST …/s2s/regenerate`
    )
  }
  const base = publicBase(req)
  return buildS2sSetup({
    apiKey: key.api_key,
    keyProblem: key.api_key ? null : UNREADABLE_KEY,
    keyPrefix: key.key_prefix,
    publicUrl: base.url,
    publicUrlSource: base.source,
    publicUrlNotice: base.notice,
    currencyCode: campaign.commission_type === "flat" ? campaign.currency_code : null,
    previousKeyExpiresAt: key.previous_key_expires_at,
    toolType: campaign.tool_type,
  })
}
