import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reviseCommission } from "../../../lib/revise-commission"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderConversionFacts } from "./load-order-conversions"

/**
 * Applies a cancel or refund to each conversion. A conversion already in a payout (paid, or in an
 * open one about to be paid) is never rewritten: the difference is recorded as a commission
 * adjustment, which the affiliate's next payout carries. Rejected and reversed ones are left alone.
 * The compensation restores the conversions and removes the adjustments.
 */
export const applyRevisionsStep = createStep(
  "apply-affiliate-commission-revisions",
  async ({ facts, canceled }: { facts: OrderConversionFacts; canceled: boolean }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const undo = { conversions: [] as Record<string, unknown>[], adjustment_ids: [] as string[] }
    for (const c of facts.conversions) {
      if (c.status === "rejected" || c.status === "reversed") continue
      const revision = reviseCommission({ ...c, refunded_total: facts.refunded_total, canceled })
      if (c.status === "paid" || c.in_payout) {
        const owed = MathBN.sub(revision.commission_amount, MathBN.add(c.commission_amount, c.adjusted_total))
        if (MathBN.eq(owed, 0)) continue
        const [adjustment] = await service.createAffiliateCommissionAdjustments([
          { conversion_id: c.id, amount: owed.toFixed() as unknown as number, currency_code: c.commission_currency, reason: revision.reason },
        ], context)
        undo.adjustment_ids.push(adjustment.id)
        continue
      }
      undo.conversions.push({ id: c.id, status: c.status, commission_amount: c.commission_amount, refunded_total: c.refunded_total, status_reason: c.status_reason })
      await service.updateAffiliateConversions({
        id: c.id,
        commission_amount: revision.commission_amount as unknown as number,
        refunded_total: revision.refunded_total as unknown as number,
        ...(revision.reversed ? { status: "reversed" as const } : {}),
        status_reason: revision.reason,
      }, context)
    }
    return new StepResponse(undo, undo)
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.adjustment_ids.length) await service.deleteAffiliateCommissionAdjustments(undo.adjustment_ids, context)
    if (undo.conversions.length) await service.updateAffiliateConversions(undo.conversions as any, context)
  }
)
