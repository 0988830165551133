import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validatePaymentReferenceStepId = "validate-affiliate-payment-reference"

/** A payment needs a reference to find the transfer by: 1-255 characters, trimmed. Nothing to undo. */
export const validatePaymentReferenceStep = createStep(
  validatePaymentReferenceStepId,
  async ({ id, reference, actor }: { id: string; reference: string; actor?: string }) => {
    const trimmed = typeof reference === "string" ? reference.trim() : ""
    if (!trimmed || trimmed.length > 255) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "reference must be 1-255 characters, e.g. the bank transfer's id")
    }
    return new StepResponse({ id, reference: trimmed, actor: actor ?? "system" })
  }
)
