import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAffiliateStep, CreateAffiliateInput } from "../steps/create-affiliate"

/** Creates an affiliate. Its code is unique among live affiliates (a database index says so). */
export const createAffiliateWorkflow = createWorkflow("create-affiliate", (input: CreateAffiliateInput) => {
  const affiliate = createAffiliateStep(input)
  return new WorkflowResponse(affiliate)
})
