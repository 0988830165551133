import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { decideOrderCredits } from "../../../lib/conversion-decision"
import { enqueueOutboundStep } from "../steps/enqueue-outbound"
import { loadOrderAttributionStep } from "../steps/load-order-attribution"
import { recordStoreConversionStep } from "../steps/record-store-conversion"

/**
 * On `order.placed`: credits the order, campaign by campaign, to the click the cart's attribution
 * names (consent `granted`, inside its window, active campaign and affiliate) or to the affiliate
 * whose promotion code it used (no consent needed: no tracking), by the campaign's precedence when
 * it has both. Queues the outbound S2S call for a click's new conversion when the campaign
 * forwards (a coupon conversion has no click to forward). Every decision lands in the request log.
 */
export const recordStoreConversionWorkflow = createWorkflow("record-store-affiliate-conversion", (input: { order_id: string }) => {
  const facts = loadOrderAttributionStep(input)
  const credits = transform({ facts }, ({ facts }) => decideOrderCredits(facts))
  const recorded = recordStoreConversionStep({ facts, credits })

  const outbound = transform({ facts, recorded }, ({ facts, recorded }) => {
    const byClick = recorded.find((r) => r.via === "click" && r.created)
    return byClick && facts.outbound
      ? {
          conversion_id: byClick.conversion_id,
          campaign_id: byClick.campaign_id,
          outbound: facts.outbound,
          click_token: facts.click_token!,
          order_id: facts.order.id,
          order_total: facts.order.order_total,
          order_currency: facts.order.currency_code,
        }
      : null
  })
  emitEventStep({
    eventName: AffiliateEvents.CONVERSION_CREATED,
    data: transform({ recorded }, ({ recorded }) => recorded.filter((r) => r.created).map((r) => ({ id: r.conversion_id }))),
  })
  const delivery = when({ outbound }, ({ outbound }) => !!outbound).then(() => enqueueOutboundStep(outbound as any))
  return new WorkflowResponse({ credits, recorded, delivery })
})
