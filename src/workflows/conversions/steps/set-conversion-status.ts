import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type SetConversionStatusInput = {
  id: string
  status: "approved" | "rejected"
  status_reason: string | null
  previous_status_reason: string | null
}

/**
 * Moves a pending conversion to its reviewed status. The selector repeats `status: "pending"` so
 * a review that another admin finished meanwhile is refused rather than overwritten.
 */
export const setConversionStatusStep = createStep(
  "set-affiliate-conversion-status",
  async ({ id, status, status_reason, previous_status_reason }: SetConversionStatusInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const updated = await service.updateAffiliateConversions({
      selector: { id, status: "pending" },
      data: { status, status_reason },
    }, context)
    if (!updated.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Conversion ${id} is no longer pending`)
    }
    return new StepResponse(updated[0], { id, status_reason: previous_status_reason })
  },
  async (previous, { container, context }) => {
    if (!previous) return
    await container
      .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
      .updateAffiliateConversions({ id: previous.id, status: "pending", status_reason: previous.status_reason })
  }
)
