import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decryptApiKey } from "../../../../lib/api-key"
import { buildS2sSetup, S2sSetup } from "../../../../lib/s2s-setup"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"

/**
 * The Integration Setup data for a campaign: its live key (the row without an end), decrypted,
 * and when the key it replaced stops working if a grace period keeps that one alive.
 */
export async function loadS2sSetup(scope: MedusaContainer, campaignId: string): Promise<S2sSetup> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const service = scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const {
    data: [campaign],
  } = await query.graph(
    { entity: "affiliate_campaign", fields: ["id", "tool_type", "commission_type", "currency_code"], filters: { id: campaignId } },
    { throwIfKeyNotFound: true }
  )
  const { data: keys } = await query.graph({
    entity: "affiliate_api_key",
    fields: ["id", "key_ciphertext", "expires_at", "created_at"],
    filters: { campaign_id: campaignId },
    pagination: { order: { created_at: "DESC" } },
  })
  const current = keys.find((k: { expires_at: unknown }) => !k.expires_at)
  if (!current) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Campaign ${campaignId} has no live API key: regenerate one with POST …/s2s/regenerate`
    )
  }
  let apiKey: string
  try {
    apiKey = decryptApiKey(current.key_ciphertext, service.getOptions().encryptionKey)
  } catch {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The campaign's API key cannot be decrypted with the configured encryption key: regenerate it"
    )
  }
  const now = Date.now()
  const stillValid = keys
    .filter((k: { expires_at: unknown }) => k.expires_at && new Date(k.expires_at as string).getTime() > now)
    .map((k: { expires_at: unknown }) => new Date(k.expires_at as string).getTime())
  return buildS2sSetup({
    apiKey,
    publicUrl: service.getOptions().publicUrl,
    currencyCode: campaign.commission_type === "flat" ? campaign.currency_code : null,
    previousKeyExpiresAt: stillValid.length ? new Date(Math.max(...stillValid)) : null,
    toolType: campaign.tool_type,
  })
}
