import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyRetentionStep } from "../steps/apply-retention"
import { startRetentionRunStep } from "../steps/start-retention-run"

export type ApplyRetentionWorkflowInput = { now?: string; batch_size?: number; pause_ms?: number; max_duration_ms?: number }

/**
 * The retention pass (README, "Retention"): request-log rows past `requestLogRetentionDays` are
 * deleted and clicks past their window plus `clickDetailsGraceDays` lose their visitor details, in
 * small batches that never block the hot paths. Run by the `apply-affiliate-retention` job every
 * hour and from the admin; the run's counts are kept for the admin to see.
 */
export const applyRetentionWorkflow = createWorkflow("apply-affiliate-retention", (input: ApplyRetentionWorkflowInput) => {
  const now = transform({ input }, ({ input }) => (input.now ? new Date(input.now) : new Date()))
  const run = startRetentionRunStep({ now })
  const settings = transform({ input, run, now }, ({ input, run, now }) => ({
    run_id: run.id,
    now,
    batch_size: input.batch_size ?? 1000,
    pause_ms: input.pause_ms ?? 20,
    max_duration_ms: input.max_duration_ms ?? 15 * 60 * 1000,
  }))
  return new WorkflowResponse(applyRetentionStep(settings))
})
