import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeAffiliateTrustStep } from "../steps/revoke-affiliate-trust"
import { validateSignalCodeStep } from "../steps/validate-signal-code"
import type { AffiliateTrustInput } from "./trust-affiliate-signal"

/** Ends an affiliate's trust for a signal: their later conversions raise it again (those already recorded stay as they are). */
export const revokeAffiliateTrustWorkflow = createWorkflow("revoke-affiliate-trust", (input: AffiliateTrustInput) => {
  validateSignalCodeStep(input)
  return new WorkflowResponse(revokeAffiliateTrustStep(input))
})
