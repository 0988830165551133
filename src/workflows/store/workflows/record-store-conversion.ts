import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decideConversion } from "../../../lib/conversion-decision"
import { enqueueOutboundStep } from "../steps/enqueue-outbound"
import { loadOrderAttributionStep } from "../steps/load-order-attribution"
import { recordStoreConversionStep } from "../steps/record-store-conversion"

/**
 * On `order.placed`: records the order's conversion when the cart's attribution has consent
 * `granted` and a valid click inside its window of an active campaign and affiliate, and queues
 * the outbound S2S call when the campaign forwards. Every decision lands in the request log.
 */
export const recordStoreConversionWorkflow = createWorkflow("record-store-affiliate-conversion", (input: { order_id: string }) => {
  const facts = loadOrderAttributionStep(input)
  const decision = transform({ facts }, ({ facts }) => decideConversion(facts))
  const recorded = recordStoreConversionStep({ facts, decision })

  const outbound = transform({ facts, recorded }, ({ facts, recorded }) =>
    recorded?.created && facts.outbound
      ? {
          conversion_id: recorded.conversion_id,
          campaign_id: facts.click!.campaign_id,
          outbound: facts.outbound,
          click_token: facts.click_token!,
          order_id: facts.order.id,
          order_total: facts.order.order_total,
          order_currency: facts.order.currency_code,
        }
      : null
  )
  const delivery = when({ outbound }, ({ outbound }) => !!outbound).then(() => enqueueOutboundStep(outbound as any))
  return new WorkflowResponse({ decision, recorded, delivery })
})
