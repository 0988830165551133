import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { likeLiteral } from "../../../modules/affiliate/utils/like-pattern"

export type ShopperReference = { order_id?: string; email?: string }
export type ShopperOrders = { scope: "order" | "email"; order_ids: string[]; cart_ids: string[]; orders_matched: number }


export const findShopperOrdersStepId = "find-affiliate-shopper-orders"

/**
 * The orders (and their carts) an erasure request names: one order id, which may also be an
 * external shop's order reported over S2S, or every Medusa order placed with an email. Emails are
 * compared without regard to case: Medusa keeps an order's email as the shopper typed it
 * (`Mixed.Case@Shopper.example`) and a customer's in lower case. Reads only.
 */
export const findShopperOrdersStep = createStep(
  findShopperOrdersStepId,
  async ({ order_id, email }: ShopperReference, { container }) => {
    if (!order_id === !email) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Name the shopper by exactly one of order_id or email")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "cart.id"],
      filters: order_id ? { id: order_id } : { email: { $ilike: likeLiteral(email!.trim()) } },
    })
    const found: ShopperOrders = {
      scope: order_id ? "order" : "email",
      // An order id is erased even when Medusa has no such order: an external shop's reference.
      order_ids: order_id ? [order_id] : orders.map((o: { id: string }) => o.id),
      cart_ids: orders.map((o: { cart?: { id: string } | null }) => o.cart?.id).filter(Boolean) as string[],
      orders_matched: orders.length,
    }
    return new StepResponse(found)
  }
)
