import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SIGNAL_CODES, type SignalCode } from "../../../modules/affiliate/utils/fraud-signals"

export const validateSignalCodeStepId = "validate-affiliate-signal-code"

/** A fraud signal's code, whoever runs the workflow (a route or a host's own code). Reads only. */
export const validateSignalCodeStep = createStep(validateSignalCodeStepId, async ({ code }: { code: string }) => {
  if (!SIGNAL_CODES.includes(code as SignalCode)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `code must be one of ${SIGNAL_CODES.join(", ")}`)
  }
  return new StepResponse(code as SignalCode)
})
