import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"

import { approveHeldConversionsStep } from "../steps/approve-held-conversions"

/**
 * The hold period: live conversions still pending `hold_days` (the campaign's, default 30) after
 * they were recorded are approved, ready for the next payout. Those reversed or rejected during
 * the hold are not pending any more, and a partial refund has already recomputed the commission.
 * Run by the `approve-held-affiliate-conversions` job; `now` is for tests and backfills.
 */
export const approveHeldConversionsWorkflow = createWorkflow(
  "approve-held-affiliate-conversions",
  (input: { now?: Date | string }) => {
    const result = approveHeldConversionsStep(input)
    emitEventStep({
      eventName: AffiliateEvents.CONVERSION_UPDATED,
      data: transform({ result }, ({ result }) => result.conversion_ids.map((id) => ({ id }))),
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => ({ approved: result.approved })))
  }
)
