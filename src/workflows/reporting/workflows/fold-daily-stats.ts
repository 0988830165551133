import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { foldDailyStatsStep } from "../steps/fold-daily-stats"

/**
 * Keeps the rollups' pending deltas few, so reports stay fast (README, "Operating at volume"). Run
 * by the `fold-affiliate-daily-stats` job every minute.
 */
export const foldDailyStatsWorkflow = createWorkflow("fold-affiliate-daily-stats", () => {
  return new WorkflowResponse(foldDailyStatsStep())
})
