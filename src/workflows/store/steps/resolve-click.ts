import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { clickExpired } from "../../../modules/affiliate/utils/time"

export const UNKNOWN_CLICK_TOKEN = "unknown_click_token"
export const CLICK_EXPIRED = "click_expired"

export const resolveClickStepId = "resolve-affiliate-click"

/**
 * Finds the live click a storefront sends, matched byte for byte (no trimming or case folding),
 * and refuses an expired one, by the module's one rule of what a live token is and when it
 * expires. Nothing to undo: it only reads.
 */
export const resolveClickStep = createStep(
  resolveClickStepId,
  async ({ click_token }: { click_token?: string | null }, { container, context }) => {
    if (!click_token) return new StepResponse(null)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const click = await service.findLiveClick(click_token, context)
    if (!click) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Unknown click_token", UNKNOWN_CLICK_TOKEN)
    if (clickExpired(click.expires_at, new Date())) throw new MedusaError(MedusaError.Types.INVALID_DATA, "click_token expired", CLICK_EXPIRED)
    return new StepResponse({ id: click.id, click_token: click.click_token })
  }
)
