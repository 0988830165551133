import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { SignalCode } from "../../../modules/affiliate/utils/fraud-signals"

export const trustAffiliateSignalStepId = "trust-affiliate-signal"

export type TrustAffiliateSignalStepInput = { affiliate_id: string; code: SignalCode; actor: string }

/**
 * Trusts the affiliate for the signal and lifts it off their pending conversions, each with a
 * history row, in one module call; the compensation puts the conversions, their history and the
 * trust back as they were.
 */
export const trustAffiliateSignalStep = createStep(
  trustAffiliateSignalStepId,
  async (input: TrustAffiliateSignalStepInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { undo, ...trusted } = await service.trustAffiliateSignal(input.affiliate_id, input.code, input.actor, context)
    return new StepResponse(trusted, undo)
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).undoTrustAffiliateSignal(undo, context)
  }
)
