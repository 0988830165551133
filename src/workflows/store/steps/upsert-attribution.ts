import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AttributionRecord } from "../../../modules/affiliate/types"

export type AttributionChange = {
  cart_id: string
  click?: { id: string; click_token: string } | null
  token_source?: "body" | "cookie" | null
  consent?: "granted" | "denied" | null
  consent_source?: string | null
  at: Date
}

const FIELDS = ["id", "cart_id", "click_id", "click_token", "token_source", "token_captured_at", "consent", "consent_at", "consent_source"]

export const upsertAttributionStepId = "upsert-affiliate-attribution"

/**
 * Writes the cart's attribution: a new token replaces the old one (the most recent click wins)
 * and consent is updated on its own when no token is sent. The compensation restores the row as
 * it was, or removes it if this step created it.
 */
export const upsertAttributionStep = createStep(
  upsertAttributionStepId,
  async (change: AttributionChange, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [previous] = await service.listAffiliateAttributions({ cart_id: change.cart_id }, { select: FIELDS }, context)
    const data = {
      cart_id: change.cart_id,
      ...(change.click && {
        click_id: change.click.id,
        click_token: change.click.click_token,
        token_source: change.token_source ?? "body",
        token_captured_at: change.at,
      }),
      ...(change.consent && { consent: change.consent, consent_at: change.at, consent_source: change.consent_source ?? null }),
    }
    const attribution = previous
      ? await service.updateAffiliateAttributions({ id: previous.id, ...data }, context)
      : await service.createAffiliateAttributions(data, context)
    return new StepResponse<AttributionRecord, { previous: unknown; created_id: string | null }>(attribution, { previous: previous ?? null, created_id: previous ? null : attribution.id })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.created_id) await service.deleteAffiliateAttributions(undo.created_id, context)
    if (undo.previous) await service.updateAffiliateAttributions(undo.previous as any, context)
  }
)
