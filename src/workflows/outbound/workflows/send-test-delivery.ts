import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { claimDeliveriesStep } from "../steps/claim-deliveries"
import { createTestDeliveryStep, TestDeliveryCampaign } from "../steps/create-test-delivery"
import { sendDeliveriesStep } from "../steps/send-deliveries"

/** The admin's "send a test delivery": queues one test call to the outbound target and sends it now. */
export const sendTestDeliveryWorkflow = createWorkflow("send-affiliate-test-delivery", (input: { campaign_id: string }) => {
  const { data: campaigns } = useQueryGraphStep({
    entity: "affiliate_campaign",
    fields: ["id", "outbound_url", "outbound_method", "outbound_parameter_names", "currency_code"],
    filters: { id: input.campaign_id },
    options: { throwIfKeyNotFound: true },
  })
  const delivery = createTestDeliveryStep(transform({ campaigns }, ({ campaigns }) => ({ campaign: campaigns[0] as unknown as TestDeliveryCampaign })))
  const claim = transform({ delivery }, ({ delivery }) => ({ now: new Date().toISOString(), delivery_ids: [delivery.id] }))
  const deliveries = claimDeliveriesStep(claim)
  sendDeliveriesStep(transform({ deliveries, claim }, ({ deliveries, claim }) => ({ deliveries, now: claim.now })))
  return new WorkflowResponse(delivery)
})
