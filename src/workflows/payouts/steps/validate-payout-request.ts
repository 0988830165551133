import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountProblem, isKnownCurrency } from "../../../modules/affiliate/utils/money"
import type { PayoutRequest } from "../../../modules/affiliate/types"

export const validatePayoutRequestStepId = "validate-affiliate-payout-request"

/**
 * A payout run's filters as a host's code could pass them: a known currency (lower-cased, as
 * Medusa stores them) and a minimum that is a plain decimal in it. Reads nothing: nothing to undo.
 */
export const validatePayoutRequestStep = createStep(validatePayoutRequestStepId, async (input: PayoutRequest) => {
  const currency = input.currency_code?.toLowerCase()
  if (currency !== undefined && !isKnownCurrency(currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code ${input.currency_code} is not a known ISO 4217 currency`)
  }
  const minimum = input.minimum_amount === undefined ? undefined : String(input.minimum_amount)
  if (minimum !== undefined) {
    const problem = amountProblem(minimum, currency ?? "usd")
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, `minimum_amount ${problem}`)
  }
  return new StepResponse<PayoutRequest>({ affiliate_id: input.affiliate_id, currency_code: currency, minimum_amount: minimum })
})
