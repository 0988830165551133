import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { PayoutDetailsPlain } from "../../../modules/affiliate/types"
import { savePayoutDetailsStep } from "../steps/save-payout-details"

/** A partner says where to be paid (PayPal or a bank account), from the portal; stored encrypted. */
export const savePayoutDetailsWorkflow = createWorkflow("save-affiliate-payout-details", (input: { affiliate_id: string; details: PayoutDetailsPlain }) => {
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } })
  return new WorkflowResponse(savePayoutDetailsStep(input))
})
