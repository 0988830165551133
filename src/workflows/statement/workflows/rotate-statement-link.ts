import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { rotateStatementLinkStep } from "../steps/rotate-statement-link"
import { validateTokenHashStep } from "../steps/validate-token-hash"

export type RotateStatementLinkInput = { affiliate_id: string; token_hash: string }

/**
 * Gives the affiliate a new statement link (README, "The affiliate's statement"): the token's hash
 * is stored, any earlier link stops working at once. Make the token with `generateStatementToken`
 * and pass `hashStatementToken(token)`: the token never enters the workflow.
 */
export const rotateStatementLinkWorkflow = createWorkflow("rotate-affiliate-statement-link", (input: RotateStatementLinkInput) => {
  validateTokenHashStep(input)
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-statement-affiliate",
  })
  return new WorkflowResponse(rotateStatementLinkStep(input))
})
