import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** An attribution can change only while its cart is open: a completed cart already made its order. */
export const validateCartOpenStep = createStep(
  "validate-affiliate-cart-open",
  async ({ cart }: { cart: { id: string; completed_at?: Date | string | null } }) => {
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The cart is already completed")
    }
    return new StepResponse(undefined)
  }
)
