import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { deliverOutboundWorkflow } from "../workflows/outbound/workflows/deliver-outbound"
import { recordStoreConversionWorkflow } from "../workflows/store/workflows/record-store-conversion"

/**
 * Thin: the workflow decides, records and logs. A queued outbound call is tried at once; the
 * delivery job retries it if the network does not answer 2xx.
 */
export default async function affiliateOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await recordStoreConversionWorkflow(container).run({ input: { order_id: event.data.id } })
  if (result.delivery?.id) {
    await deliverOutboundWorkflow(container).run({ input: { delivery_ids: [result.delivery.id] } })
  }
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "affiliate-order-placed" } }
