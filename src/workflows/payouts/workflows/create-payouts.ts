import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { PayoutRequest } from "../../../modules/affiliate/types"
import { createPayoutsStep } from "../steps/create-payouts"
import { validatePayoutRequestStep } from "../steps/validate-payout-request"

/**
 * Pays out balances: one open payout per affiliate and currency whose approved conversions and
 * unpaid adjustments add up to a positive amount of at least `minimum_amount` (all affiliates, or
 * one). Its lines are those conversions and adjustments; its amount is their sum. Answers the ids.
 * `actor` names who asked in the conversions' history ("user:<id>"; "system" when absent).
 */
export const createPayoutsWorkflow = createWorkflow("create-affiliate-payouts", (input: PayoutRequest & { actor?: string }) => {
  const validated = validatePayoutRequestStep(input)
  const request = transform({ validated, input }, ({ validated, input }) => ({ ...validated, actor: input.actor ?? "system" }))
  when({ input }, ({ input }) => !!input.affiliate_id).then(() => {
    useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
      name: "load-payout-affiliate",
    })
  })
  return new WorkflowResponse(createPayoutsStep(request))
})
