import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DAY_MS } from "../../../modules/affiliate/utils/time"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ApplyRetentionInput = {
  run_id: string
  now: Date
  /** Rows per statement: small, so that no statement holds anything for long. */
  batch_size: number
  /** Breathing room for the hot paths between two batches. */
  pause_ms: number
  /** A run stops after this long; the next run goes on where it stopped. */
  max_duration_ms: number
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `batch` until it does less than a full batch or the time is up; answers the total. */
async function inBatches(batch: () => Promise<number>, input: ApplyRetentionInput, deadline: number): Promise<number> {
  let total = 0
  for (;;) {
    const done = await batch()
    total += done
    if (done < input.batch_size || Date.now() >= deadline) return total
    await pause(input.pause_ms)
  }
}

export const applyRetentionStepId = "apply-affiliate-retention"

/**
 * Deletes request-log rows older than the retention and clears the visitor details of clicks
 * past their attribution window and the grace period (the clicks still count in reports), and
 * forgets the IP hashes affiliates were seen at once unseen that long, in
 * small batches, then records the counts on the run. Deleting cannot be undone, so there is no
 * compensation: a failure part-way leaves the batches already done done, and the next run goes on.
 */
export const applyRetentionStep = createStep(
  applyRetentionStepId,
  async (input: ApplyRetentionInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { requestLogRetentionDays, clickDetailsGraceDays } = service.getOptions()
    const now = new Date(input.now).getTime()
    const deadline = Date.now() + input.max_duration_ms
    const logBefore = new Date(now - requestLogRetentionDays * DAY_MS)
    const expiredBefore = new Date(now - clickDetailsGraceDays * DAY_MS)

    const requestLogsDeleted = requestLogRetentionDays > 0
      ? await inBatches(() => service.deleteRequestLogsBefore(logBefore, input.batch_size, context), input, deadline)
      : 0
    const clicksCleared = await inBatches(() => service.clearClickDetailsExpiredBefore(expiredBefore, input.batch_size, context), input, deadline)
    // The IP hashes affiliates were seen at, on the same schedule as a click's visitor details.
    await inBatches(() => service.forgetStaleAffiliateIps(new Date(input.now), clickDetailsGraceDays, input.batch_size, context), input, deadline)
    const run = await service.updateAffiliateRetentionRuns(
      { id: input.run_id, status: "finished", finished_at: new Date(), request_logs_deleted: requestLogsDeleted, clicks_cleared: clicksCleared },
      context
    )
    return new StepResponse(run)
  }
)
