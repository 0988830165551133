import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { generateClickToken } from "../../../../../../lib/click-token"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminTestClickType } from "../../../stats/validators"

/** Marks clicks made for the admin's "Send test conversion", so reports can tell them apart. */
export const TEST_CLICK_MARKER = "admin-test"
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * POST /admin/affiliate/campaigns/:id/test-click, body `{ affiliate_id? }`: records a click (sub1
 * "admin-test") for the campaign's Integration Setup "Send test conversion", which then posts a
 * `test: true` conversion with its token through the real S2S endpoint. Without an affiliate id the
 * oldest active affiliate is used.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTestClickType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const {
    data: [campaign],
  } = await query.graph(
    { entity: "affiliate_campaign", fields: ["id", "target_url", "attribution_window_days"], filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const affiliateId = req.validatedBody.affiliate_id
  const { data: affiliates } = await query.graph({
    entity: "affiliate",
    fields: ["id"],
    filters: affiliateId ? { id: affiliateId } : { status: "active" },
    pagination: { order: { created_at: "ASC" }, take: 1 },
  })
  if (!affiliates.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      affiliateId ? `Affiliate ${affiliateId} was not found` : "A test conversion needs an active affiliate: create one first"
    )
  }
  const clickToken = generateClickToken()
  const click = await service.createAffiliateClicks({
    click_token: clickToken,
    campaign_id: campaign.id,
    affiliate_id: affiliates[0].id,
    sub1: TEST_CLICK_MARKER,
    landing_url: campaign.target_url,
    device_type: "other",
    expires_at: new Date(Date.now() + (campaign.attribution_window_days ?? 30) * DAY_MS),
  })
  res.set("Cache-Control", "no-store")
  res.json({ click_token: clickToken, click_id: click.id, affiliate_id: affiliates[0].id })
}
