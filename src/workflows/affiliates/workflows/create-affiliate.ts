import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAffiliateStep, CreateAffiliateInput } from "../steps/create-affiliate"
import { validateAffiliateCodeStep } from "../steps/validate-affiliate-code"

/** Creates an affiliate. Its code must be URL-safe and free among live affiliates. */
export const createAffiliateWorkflow = createWorkflow("create-affiliate", (input: CreateAffiliateInput) => {
  validateAffiliateCodeStep({ code: input.code })
  const affiliate = createAffiliateStep(input)
  return new WorkflowResponse(affiliate)
})
