import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse, transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"

export const validateCartOpenStepId = "validate-affiliate-cart-open"

/** An attribution can change only while its cart is open: a completed cart already made its order. */
export const validateCartOpenStep = createStep(
  validateCartOpenStepId,
  async ({ cart }: { cart: { id: string; completed_at?: Date | string | null } }) => {
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The cart is already completed")
    }
    return new StepResponse(undefined)
  }
)

/** Composes the guard into a workflow: the cart must exist (404 otherwise) and be open. */
export function ensureCartOpen(cartId: WorkflowData<string> | string) {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "completed_at"],
    filters: { id: cartId },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "load-affiliate-cart" })
  validateCartOpenStep(transform({ carts }, ({ carts }) => ({ cart: carts[0] })))
}
