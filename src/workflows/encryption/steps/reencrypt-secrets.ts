import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { encryptApiKey, openSecret } from "../../../modules/affiliate/utils/api-key"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** How many stored secrets of one kind were re-encrypted, were already current, or no key opens. */
export type ReencryptCounts = { reencrypted: number; already_current: number; unreadable: number }
type Stored = { id: string; ciphertext: string }

/** Re-encrypts with the current key what an earlier key encrypted; the rest is counted. */
function reencrypt(rows: Stored[], current: Buffer, keys: Buffer[]) {
  const counts: ReencryptCounts = { reencrypted: 0, already_current: 0, unreadable: 0 }
  const updates: Stored[] = []
  for (const row of rows) {
    try {
      const { plain, keyIndex } = openSecret(row.ciphertext, keys)
      if (keyIndex === 0) counts.already_current++
      else updates.push({ id: row.id, ciphertext: encryptApiKey(plain, current) })
    } catch {
      counts.unreadable++
    }
  }
  counts.reencrypted = updates.length
  return { counts, updates }
}

/**
 * Re-encrypts the campaigns' S2S keys and outbound keys with the current encryption key (README,
 * "Rotating the encryption key"). The compensation puts the previous ciphertexts back.
 */
export const reencryptSecretsStep = createStep(
  "reencrypt-affiliate-secrets",
  async (_: void, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { encryptionKey, decryptionKeys } = service.getOptions()
    const apiKeys = await service.listAffiliateApiKeys({}, { select: ["id", "key_ciphertext"] }, context)
    const campaigns = await service.listAffiliateCampaigns(
      { outbound_api_key_ciphertext: { $ne: null } },
      { select: ["id", "outbound_api_key_ciphertext"] },
      context
    )
    const keys = reencrypt(apiKeys.map((k) => ({ id: k.id, ciphertext: k.key_ciphertext })), encryptionKey, decryptionKeys)
    const outbound = reencrypt(
      campaigns.map((c) => ({ id: c.id, ciphertext: c.outbound_api_key_ciphertext as string })),
      encryptionKey,
      decryptionKeys
    )
    if (keys.updates.length) {
      await service.updateAffiliateApiKeys(keys.updates.map((u) => ({ id: u.id, key_ciphertext: u.ciphertext })), context)
    }
    if (outbound.updates.length) {
      await service.updateAffiliateCampaigns(outbound.updates.map((u) => ({ id: u.id, outbound_api_key_ciphertext: u.ciphertext })), context)
    }
    const before = (ids: Set<string>, rows: Stored[]) => rows.filter((r) => ids.has(r.id))
    return new StepResponse(
      { api_keys: keys.counts, outbound_keys: outbound.counts },
      {
        apiKeys: before(new Set(keys.updates.map((u) => u.id)), apiKeys.map((k) => ({ id: k.id, ciphertext: k.key_ciphertext }))),
        campaigns: before(
          new Set(outbound.updates.map((u) => u.id)),
          campaigns.map((c) => ({ id: c.id, ciphertext: c.outbound_api_key_ciphertext as string }))
        ),
      }
    )
  },
  async (previous, { container, context }) => {
    if (!previous) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (previous.apiKeys.length) {
      await service.updateAffiliateApiKeys(previous.apiKeys.map((k) => ({ id: k.id, key_ciphertext: k.ciphertext })), context)
    }
    if (previous.campaigns.length) {
      await service.updateAffiliateCampaigns(previous.campaigns.map((c) => ({ id: c.id, outbound_api_key_ciphertext: c.ciphertext })), context)
    }
  }
)
