import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { eraseShopperDataStep } from "../steps/erase-shopper-data"
import { findShopperOrdersStep, ShopperReference } from "../steps/find-shopper-orders"

export type EraseShopperDataInput = ShopperReference & { requested_by?: string | null }

/**
 * Erasure on request (GDPR art. 17) by order id or by customer email: the conversions' user agent,
 * IP hash, device, context and metadata, their clicks' details, the carts' attributions and the
 * request-log entries go; the amounts an affiliate is owed stay. The erasure is logged with its
 * counts, never with what it erased or whom it was asked for (README, "Erasure").
 */
export const eraseShopperDataWorkflow = createWorkflow("erase-affiliate-shopper-data", (input: EraseShopperDataInput) => {
  const orders = findShopperOrdersStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, email: input.email })))
  const erasure = eraseShopperDataStep(transform({ input, orders }, ({ input, orders }) => ({ orders, requested_by: input.requested_by ?? null })))
  return new WorkflowResponse(erasure)
})
