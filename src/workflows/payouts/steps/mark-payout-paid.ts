import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Marks an open payout paid with its reference and its conversions `paid`, in one transaction.
 * A payout another admin marked meanwhile is refused (409) rather than paid twice. The
 * compensation opens it again and puts its conversions back to approved.
 */
export const markPayoutPaidStepId = "mark-affiliate-payout-paid"

export const markPayoutPaidStep = createStep(
  markPayoutPaidStepId,
  async ({ id, reference, actor }: { id: string; reference: string; actor: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const marked = await service.markPayoutPaid(id, reference, actor, context)
    if (!marked) throw new MedusaError(MedusaError.Types.CONFLICT, `Payout ${id} is already paid`)
    return new StepResponse({ id, conversion_ids: marked.conversion_ids }, { id, conversion_ids: marked.conversion_ids })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).reopenPayout(undo.id, undo.conversion_ids, context)
  }
)
