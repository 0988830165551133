import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

const BATCH = 1000
/** A run approves at most this many batches; the next run (the job runs every 10 minutes) goes on. */
const MAX_BATCHES = 20

export const approveHeldConversionsStepId = "approve-held-affiliate-conversions"

/**
 * Approves, in batches of short statements, the pending conversions whose campaign's hold period
 * has passed. The compensation puts those it approved back to pending.
 */
export const approveHeldConversionsStep = createStep(
  approveHeldConversionsStepId,
  async ({ now }: { now?: Date | string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const at = now ? new Date(now) : new Date()
    const approved: string[] = []
    for (let i = 0; i < MAX_BATCHES; i++) {
      const ids = await service.approveHeldConversions(at, BATCH, context)
      approved.push(...ids)
      if (ids.length < BATCH) break
    }
    return new StepResponse({ approved: approved.length, conversion_ids: approved }, approved)
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).reopenApprovedConversions(ids, context)
  }
)
