import type { Context } from "@medusajs/framework/types"
import type { SecretBox } from "../utils/secret-box"

/** How many stored secrets of one kind were re-encrypted, were already current, or no key opens. */
export type ReencryptCounts = { reencrypted: number; already_current: number; unreadable: number }
type Stored = { id: string; ciphertext: string }

/** What is stored encrypted with the plugin's key, by kind (the answer's keys). */
export const SECRET_KINDS = ["api_keys", "outbound_keys", "webhook_secrets", "payout_details"] as const
type Kind = (typeof SECRET_KINDS)[number]

export type ReencryptResult = Record<Kind, ReencryptCounts> & {
  /** The ciphertexts it replaced, by kind, for a compensation. */
  previous: Record<Kind, Stored[]>
}

/** The generated methods this uses (the service itself). */
type SecretStore = {
  listAffiliateApiKeys(filters: object, config: object, ctx: Context): Promise<{ id: string; key_ciphertext: string }[]>
  listAffiliateCampaigns(filters: object, config: object, ctx: Context): Promise<{ id: string; outbound_api_key_ciphertext?: string | null }[]>
  listAffiliateWebhooks(filters: object, config: object, ctx: Context): Promise<{ id: string; secret_ciphertext: string }[]>
  listAffiliatePayoutDetails(filters: object, config: object, ctx: Context): Promise<{ id: string; details_ciphertext: string }[]>
  updateAffiliateApiKeys(data: { id: string; key_ciphertext: string }[], ctx: Context): Promise<unknown>
  updateAffiliateCampaigns(data: { id: string; outbound_api_key_ciphertext: string }[], ctx: Context): Promise<unknown>
  updateAffiliateWebhooks(data: { id: string; secret_ciphertext: string }[], ctx: Context): Promise<unknown>
  updateAffiliatePayoutDetails(data: { id: string; details_ciphertext: string }[], ctx: Context): Promise<unknown>
}

/** Where each kind is kept: how to read its ciphertexts and write new ones. */
const STORED: Record<Kind, { read(store: SecretStore, ctx: Context): Promise<Stored[]>; write(store: SecretStore, rows: Stored[], ctx: Context): Promise<unknown> }> = {
  api_keys: {
    read: async (store, ctx) => (await store.listAffiliateApiKeys({}, { select: ["id", "key_ciphertext"] }, ctx)).map((r) => ({ id: r.id, ciphertext: r.key_ciphertext })),
    write: (store, rows, ctx) => store.updateAffiliateApiKeys(rows.map((r) => ({ id: r.id, key_ciphertext: r.ciphertext })), ctx),
  },
  outbound_keys: {
    read: async (store, ctx) =>
      (await store.listAffiliateCampaigns({ outbound_api_key_ciphertext: { $ne: null } }, { select: ["id", "outbound_api_key_ciphertext"] }, ctx)).map((r) => ({
        id: r.id,
        ciphertext: r.outbound_api_key_ciphertext as string,
      })),
    write: (store, rows, ctx) => store.updateAffiliateCampaigns(rows.map((r) => ({ id: r.id, outbound_api_key_ciphertext: r.ciphertext })), ctx),
  },
  webhook_secrets: {
    read: async (store, ctx) => (await store.listAffiliateWebhooks({}, { select: ["id", "secret_ciphertext"] }, ctx)).map((r) => ({ id: r.id, ciphertext: r.secret_ciphertext })),
    write: (store, rows, ctx) => store.updateAffiliateWebhooks(rows.map((r) => ({ id: r.id, secret_ciphertext: r.ciphertext })), ctx),
  },
  payout_details: {
    read: async (store, ctx) =>
      (await store.listAffiliatePayoutDetails({}, { select: ["id", "details_ciphertext"] }, ctx)).map((r) => ({ id: r.id, ciphertext: r.details_ciphertext })),
    write: (store, rows, ctx) => store.updateAffiliatePayoutDetails(rows.map((r) => ({ id: r.id, details_ciphertext: r.ciphertext })), ctx),
  },
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
 * Re-encrypts everything stored under the plugin's key (the campaigns' S2S keys and outbound keys,
 * the webhooks' signing secrets, the partners' payout details) with the current encryption key
 * (README, "Rotating the encryption key"); running it again changes nothing. Run in a transaction.
 */
export async function reencryptStoredSecrets(store: SecretStore, secrets: SecretBox, sharedContext: Context): Promise<ReencryptResult> {
  const result = { previous: {} } as ReencryptResult
  for (const kind of SECRET_KINDS) {
    const { counts, updates, replaced } = reencrypt(await STORED[kind].read(store, sharedContext), secrets)
    if (updates.length) await STORED[kind].write(store, updates, sharedContext)
    result[kind] = counts
    result.previous[kind] = replaced
  }
  return result
}

/** Takes back `reencryptStoredSecrets` (a compensation): the previous ciphertexts. */
export async function restoreStoredSecrets(store: SecretStore, previous: ReencryptResult["previous"], sharedContext: Context) {
  for (const kind of SECRET_KINDS) {
    if (previous[kind]?.length) await STORED[kind].write(store, previous[kind], sharedContext)
  }
}
