import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { enqueueOutboundStep } from "../steps/enqueue-outbound"
import { loadOrderSaleStep } from "../steps/load-order-sale"
import { recordOrderConversionsStep } from "../steps/record-order-conversions"

/**
 * On `order.placed`: credits the order, campaign by campaign, to the click the cart's attribution
 * names (consent `granted`, inside its window, active campaign and affiliate) or to the affiliate
 * whose promotion code it used (no consent needed: no tracking), by the campaign's precedence when
 * it has both; each priced on the order's items by its campaign's rules. Queues the outbound S2S
 * call for a click's new conversion when the campaign forwards (a coupon conversion has no click
 * to forward). Every decision lands in the request log.
 */
export const recordStoreConversionWorkflow = createWorkflow("record-store-affiliate-conversion", (input: { order_id: string }) => {
  const sale = loadOrderSaleStep(input)
  const { credits, recorded, outbound } = recordOrderConversionsStep(sale)
  emitEventStep({
    eventName: AffiliateEvents.CONVERSION_CREATED,
    data: transform({ recorded }, ({ recorded }) => recorded.filter((r) => r.created).map((r) => ({ id: r.conversion_id }))),
  })
  const queued = transform({ outbound }, ({ outbound }) => outbound)
  const delivery = when({ queued }, ({ queued }) => !!queued).then(() => enqueueOutboundStep(queued as any))
  return new WorkflowResponse({ credits, recorded, delivery })
})
