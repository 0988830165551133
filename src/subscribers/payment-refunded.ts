import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reviseOrderConversionsWorkflow } from "../workflows/reversal/workflows/revise-order-conversions"

/** A refund recomputes the commission of the payment's order on what remains. */
export default async function affiliatePaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: event.data.id } })
  const orderId = data[0]?.payment_collection?.order?.id
  if (!orderId) return
  await reviseOrderConversionsWorkflow(container).run({ input: { order_id: orderId, cause: "refunded" } })
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "affiliate-payment-refunded" } }
