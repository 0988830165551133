import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const startRetentionRunStepId = "start-affiliate-retention-run"

/** Opens the run the admin sees ("running"); if a later step fails, the compensation marks it failed. */
export const startRetentionRunStep = createStep(
  startRetentionRunStepId,
  async ({ now }: { now: Date }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { requestLogRetentionDays, clickDetailsGraceDays } = service.getOptions()
    const run = await service.createAffiliateRetentionRuns(
      { started_at: now, request_log_days: requestLogRetentionDays, click_details_grace_days: clickDetailsGraceDays },
      context
    )
    return new StepResponse(run, run.id)
  },
  async (runId, { container, context }) => {
    if (!runId) return
    await container
      .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
      .updateAffiliateRetentionRuns({ id: runId, status: "failed", finished_at: new Date(), error: "the retention run did not finish" }, context)
  }
)
