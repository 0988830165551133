import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDeliveriesStep } from "../steps/claim-deliveries"
import { createTestDeliveryStep } from "../steps/create-test-delivery"
import { sendDeliveriesStep } from "../steps/send-deliveries"

/** The admin's "send a test delivery": queues one test call to the outbound target and sends it now. */
export const sendTestDeliveryWorkflow = createWorkflow("send-affiliate-test-delivery", (input: { campaign_id: string }) => {
  const delivery = createTestDeliveryStep(input)
  const claim = transform({ delivery }, ({ delivery }) => ({ now: new Date().toISOString(), delivery_ids: [delivery.id] }))
  const deliveries = claimDeliveriesStep(claim)
  sendDeliveriesStep(transform({ deliveries, claim }, ({ deliveries, claim }) => ({ deliveries, now: claim.now })))
  return new WorkflowResponse(delivery)
})
