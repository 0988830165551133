import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { type StatusRequest, statusRequestProblem } from "../../../modules/affiliate/utils/conversion-status"

export const changeConversionStatusStepId = "change-affiliate-conversion-status"

export type ChangeConversionStatusInput = StatusRequest & { id: string; actor: string }

/**
 * Approves or rejects one conversion on its row lock (the module decides what is allowed). A
 * change that lost a race, or found the conversion moved on, is refused with a 409 that says what
 * the conversion is now; a rule it breaks (a rejection without a reason, approving a test
 * conversion) with a 400. The compensation puts a conversion it moved from pending back.
 */
export const changeConversionStatusStep = createStep(
  changeConversionStatusStepId,
  async (input: ChangeConversionStatusInput, { container }) => {
    const problem = statusRequestProblem(input)
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { id, actor, ...request } = input
    const plan = await service.changeConversionStatus(id, request, actor)
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Conversion with id: ${id} was not found`)
    if (plan.result !== "updated") {
      const type = plan.result === "invalid" && !plan.conflict ? MedusaError.Types.INVALID_DATA : MedusaError.Types.CONFLICT
      throw new MedusaError(type, plan.message)
    }
    const [change] = plan.changes
    return new StepResponse(plan, { id, from: change.from, to: change.to })
  },
  async (undo, { container }) => {
    if (!undo || undo.from !== "pending") return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).reopenReviewedConversion(undo.id, undo.to!)
  }
)
