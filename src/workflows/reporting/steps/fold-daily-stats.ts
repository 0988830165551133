import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const foldDailyStatsStepId = "fold-affiliate-daily-stats"

/**
 * Folds the rollup deltas into the daily rollups. Reports read both, so folding changes no figure:
 * nothing to compensate.
 */
export const foldDailyStatsStep = createStep(foldDailyStatsStepId, async (_: void, { container, context }) => {
  const moved = await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).foldDailyStats(context)
  return new StepResponse({ moved })
})
