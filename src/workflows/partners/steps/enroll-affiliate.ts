import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Joins the affiliate to the campaigns (those that still exist); the compensation takes it out again. */
export const enrollAffiliateStep = createStep(
  "enroll-affiliate-in-campaigns",
  async ({ affiliate_id, campaign_ids }: { affiliate_id: string; campaign_ids: string[] }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (!campaign_ids.length) return new StepResponse([], [])
    const live = await service.listAffiliateCampaigns({ id: campaign_ids }, { select: ["id"] }, context)
    const created = live.length
      ? await service.createAffiliateEnrollments(live.map((c) => ({ affiliate_id, campaign_id: c.id })), context)
      : []
    return new StepResponse(created, created.map((e) => e.id))
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateEnrollments(ids, context)
  }
)
