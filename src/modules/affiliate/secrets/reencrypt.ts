import type { Context } from "@medusajs/framework/types"
import type { SecretBox } from "../utils/secret-box"

/** How many stored secrets of one kind were re-encrypted, were already current, or no key opens. */
export type ReencryptCounts = { reencrypted: number; already_current: number; unreadable: number }
type Stored = { id: string; ciphertext: string }

export type ReencryptResult = {
  api_keys: ReencryptCounts
  outbound_keys: ReencryptCounts
  /** The ciphertexts it replaced, for a compensation. */
  previous: { api_keys: Stored[]; campaigns: Stored[] }
}

/** The generated methods this uses (the service itself). */
type SecretStore = {
  listAffiliateApiKeys(filters: object, config: object, ctx: Context): Promise<{ id: string; key_ciphertext: string }[]>
  listAffiliateCampaigns(filters: object, config: object, ctx: Context): Promise<{ id: string; outbound_api_key_ciphertext?: string | null }[]>
  updateAffiliateApiKeys(data: { id: string; key_ciphertext: string }[], ctx: Context): Promise<unknown>
  updateAffiliateCampaigns(data: { id: string; outbound_api_key_ciphertext: string }[], ctx: Context): Promise<unknown>
}

/** Re-encrypts with the current key what an earlier key encrypted; the rest is counted. */
function reencrypt(rows: Stored[], secrets: SecretBox) {
  const counts: ReencryptCounts = { reencrypted: 0, already_current: 0, unreadable: 0 }
  const updates: Stored[] = []
  const replaced: Stored[] = []
  for (const row of rows) {
    const opened = secrets.open(row.ciphertext)
    if (!opened) counts.unreadable++
    else if (opened.current) counts.already_current++
    else {
      updates.push({ id: row.id, ciphertext: secrets.seal(opened.plain) })
      replaced.push(row)
    }
  }
  counts.reencrypted = updates.length
  return { counts, updates, replaced }
}

/**
 * Re-encrypts the campaigns' S2S keys and outbound keys with the current encryption key (README,
 * "Rotating the encryption key"); running it again changes nothing. Run in a transaction.
 */
export async function reencryptStoredSecrets(store: SecretStore, secrets: SecretBox, sharedContext: Context): Promise<ReencryptResult> {
  const apiKeys = await store.listAffiliateApiKeys({}, { select: ["id", "key_ciphertext"] }, sharedContext)
  const campaigns = await store.listAffiliateCampaigns({ outbound_api_key_ciphertext: { $ne: null } }, { select: ["id", "outbound_api_key_ciphertext"] }, sharedContext)
  const keys = reencrypt(apiKeys.map((k) => ({ id: k.id, ciphertext: k.key_ciphertext })), secrets)
  const outbound = reencrypt(campaigns.map((c) => ({ id: c.id, ciphertext: c.outbound_api_key_ciphertext as string })), secrets)
  if (keys.updates.length) await store.updateAffiliateApiKeys(keys.updates.map((u) => ({ id: u.id, key_ciphertext: u.ciphertext })), sharedContext)
  if (outbound.updates.length) {
    await store.updateAffiliateCampaigns(outbound.updates.map((u) => ({ id: u.id, outbound_api_key_ciphertext: u.ciphertext })), sharedContext)
  }
  return { api_keys: keys.counts, outbound_keys: outbound.counts, previous: { api_keys: keys.replaced, campaigns: outbound.replaced } }
}

/** Takes back `reencryptStoredSecrets` (a compensation): the previous ciphertexts. */
export async function restoreStoredSecrets(store: SecretStore, previous: ReencryptResult["previous"], sharedContext: Context) {
  if (previous.api_keys.length) await store.updateAffiliateApiKeys(previous.api_keys.map((k) => ({ id: k.id, key_ciphertext: k.ciphertext })), sharedContext)
  if (previous.campaigns.length) {
    await store.updateAffiliateCampaigns(previous.campaigns.map((c) => ({ id: c.id, outbound_api_key_ciphertext: c.ciphertext })), sharedContext)
  }
}
