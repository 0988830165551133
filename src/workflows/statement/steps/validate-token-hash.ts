import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateTokenHashStepId = "validate-affiliate-statement-token-hash"

/** A statement token's hash is a SHA-256 in hex: anything else would make a link nobody can open. */
export const validateTokenHashStep = createStep(validateTokenHashStepId, async ({ token_hash }: { token_hash: string }) => {
  if (!/^[0-9a-f]{64}$/.test(token_hash ?? "")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token_hash must be the SHA-256 of the token, in hex (hashStatementToken)")
  }
  return new StepResponse(undefined)
})
