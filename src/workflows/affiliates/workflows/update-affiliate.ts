import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { updateAffiliateStep, UpdateAffiliateInput } from "../steps/update-affiliate"
import { validateAffiliateCodeStep } from "../steps/validate-affiliate-code"

/** Updates an affiliate. A new code changes its links: the old ones stop recording clicks. */
export const updateAffiliateWorkflow = createWorkflow("update-affiliate", (input: UpdateAffiliateInput) => {
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
  validateAffiliateCodeStep(transform({ input }, ({ input }) => ({ code: input.code, except_id: input.id })))
  const affiliate = updateAffiliateStep(input)
  return new WorkflowResponse(affiliate)
})
