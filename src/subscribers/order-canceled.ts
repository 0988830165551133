import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reviseOrderConversionsWorkflow } from "../workflows/reversal/workflows/revise-order-conversions"

/** A canceled order earns no commission: its conversion becomes `reversed`. */
export default async function affiliateOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await reviseOrderConversionsWorkflow(container).run({ input: { order_id: event.data.id, cause: "canceled" } })
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "affiliate-order-canceled" } }
