import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const applyRevisionsStepId = "apply-affiliate-commission-revisions"

export type ApplyRevisionsInput = { order_id: string; refunded_total: string; canceled: boolean }

/**
 * Applies a cancel or refund to the order's conversions in one module call (one transaction, on
 * their row locks): all of them, or none. The compensation puts back exactly what it changed.
 */
export const applyRevisionsStep = createStep(
  applyRevisionsStepId,
  async ({ order_id, refunded_total, canceled }: ApplyRevisionsInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const undo = await service.reviseOrderConversions(order_id, { refunded_total, canceled })
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreOrderRevisions(undo)
  }
)
