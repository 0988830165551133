import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { revokeStatementLinkStep } from "../steps/revoke-statement-link"

/** Ends the affiliate's statement link: it answers 404 from now on. */
export const revokeStatementLinkWorkflow = createWorkflow("revoke-affiliate-statement-link", (input: { affiliate_id: string }) => {
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-revoked-statement-affiliate",
  })
  return new WorkflowResponse(revokeStatementLinkStep(input))
})
