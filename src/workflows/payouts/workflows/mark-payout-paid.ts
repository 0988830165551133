import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { markPayoutPaidStep } from "../steps/mark-payout-paid"
import { validatePaymentReferenceStep } from "../steps/validate-payment-reference"

/** `actor` names who paid in the conversions' history ("user:<id>"; "system" when absent). */
export type MarkPayoutPaidInput = { id: string; reference: string; actor?: string }

/**
 * Records that a payout was paid (a bank transfer id or any reference): the payout becomes `paid`
 * and its conversions `paid`. Its adjustments are settled with it (they are in its lines).
 */
export const markPayoutPaidWorkflow = createWorkflow("mark-affiliate-payout-paid", (input: MarkPayoutPaidInput) => {
  useQueryGraphStep({ entity: "affiliate_payout", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-affiliate-payout",
  })
  const paid = validatePaymentReferenceStep(input)
  const marked = markPayoutPaidStep(paid)
  emitEventStep({ eventName: AffiliateEvents.PAYOUT_PAID, data: transform({ input }, ({ input }) => ({ id: input.id })) }).config({ name: "emit-affiliate-payout-paid" })
  emitEventStep({
    eventName: AffiliateEvents.CONVERSION_UPDATED,
    data: transform({ marked }, ({ marked }) => marked.conversion_ids.map((id) => ({ id }))),
  }).config({ name: "emit-affiliate-conversions-paid" })
  return new WorkflowResponse(marked)
})
