import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decryptApiKey } from "../../../../lib/api-key"
import { buildS2sSetup, S2sSetup } from "../../../../lib/s2s-setup"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"

const HANDLE_MAX = 100

/** "Été 2025 — Sale!" → "ete-2025-sale"; a name with no letters or digits gives "campaign". */
export function handleFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, HANDLE_MAX - 8)
    .replace(/^-+|-+$/g, "")
  return slug || "campaign"
}

async function takenHandles(scope: MedusaContainer, filter: Record<string, unknown>, exceptId?: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "affiliate_campaign", fields: ["id", "handle"], filters: filter })
  return new Set(data.filter((c: { id: string }) => c.id !== exceptId).map((c: { handle: string }) => c.handle))
}

/** An explicit handle must be free: links are built on it. */
export async function assertHandleFree(scope: MedusaContainer, handle: string, exceptId?: string) {
  if ((await takenHandles(scope, { handle }, exceptId)).size) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `A campaign with handle "${handle}" already exists: choose another handle`
    )
  }
}

/** A handle derived from the name, numbered (`-2`, `-3`, …) when the plain one is taken. */
export async function freeHandleFor(scope: MedusaContainer, name: string): Promise<string> {
  const base = handleFromName(name)
  const taken = await takenHandles(scope, { handle: { $like: `${base}%` } })
  let handle = base
  for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`
  return handle
}

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
    { entity: "affiliate_campaign", fields: ["id", "commission_type", "currency_code"], filters: { id: campaignId } },
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
  })
}
