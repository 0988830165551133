import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const UNKNOWN_CLICK_TOKEN = "unknown_click_token"
export const CLICK_EXPIRED = "click_expired"

/**
 * Finds the click a storefront sends, matched byte for byte (no trimming or case folding), and
 * refuses an expired one. Nothing to undo: it only reads.
 */
export const resolveClickStep = createStep(
  "resolve-affiliate-click",
  async ({ click_token }: { click_token?: string | null }, { container, context }) => {
    if (!click_token) return new StepResponse(null)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    // A click whose details retention cleared can no longer convert: its token is forgotten.
    const [click] = await service.listAffiliateClicks(
      { click_token, details_cleared_at: null },
      { select: ["id", "click_token", "expires_at"] },
      context
    )
    if (!click || click.click_token !== click_token) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Unknown click_token", UNKNOWN_CLICK_TOKEN)
    }
    if (new Date(click.expires_at) <= new Date()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "click_token expired", CLICK_EXPIRED)
    }
    return new StepResponse({ id: click.id, click_token: click.click_token })
  }
)
