import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateClickToken } from "../../../modules/affiliate/utils/click-token"
import { clickExpiry } from "../../../modules/affiliate/utils/time"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Marks clicks made for the admin's "Send test conversion", so reports can tell them apart. */
export const TEST_CLICK_MARKER = "admin-test"

export type CreateTestClickInput = {
  campaign: { id: string; target_url: string; attribution_window_days: number }
  affiliate_id?: string
}

export const createTestClickStepId = "create-affiliate-test-click"

/**
 * Records a click (sub1 "admin-test") for the given affiliate, or the oldest active one, so the
 * admin can post a `test: true` conversion with its token through the real S2S endpoint. The
 * compensation removes the click.
 */
export const createTestClickStep = createStep(
  createTestClickStepId,
  async ({ campaign, affiliate_id }: CreateTestClickInput, { container, context }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: affiliates } = await query.graph({
      entity: "affiliate",
      fields: ["id"],
      filters: affiliate_id ? { id: affiliate_id } : { status: "active" },
      pagination: { order: { created_at: "ASC" }, take: 1 },
    })
    if (!affiliates.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        affiliate_id ? `Affiliate ${affiliate_id} was not found` : "A test conversion needs an active affiliate: create one first"
      )
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const click = await service.createAffiliateClicks(
      {
        click_token: generateClickToken(),
        campaign_id: campaign.id,
        affiliate_id: affiliates[0].id,
        sub1: TEST_CLICK_MARKER,
        landing_url: campaign.target_url,
        device_type: "other",
        expires_at: clickExpiry(new Date(), campaign.attribution_window_days ?? 30),
      },
      context
    )
    const created = { click_id: click.id, click_token: click.click_token, affiliate_id: affiliates[0].id }
    return new StepResponse(created, click.id)
  },
  async (clickId, { container, context }) => {
    if (!clickId) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateClicks(clickId, context)
  }
)
