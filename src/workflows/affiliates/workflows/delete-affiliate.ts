import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deleteAffiliateStep } from "../steps/delete-affiliate"

/** Soft-deletes an affiliate: its links stop working, its history stays. */
export const deleteAffiliateWorkflow = createWorkflow("delete-affiliate", (input: { id: string }) => {
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
  const deleted = deleteAffiliateStep(input)
  return new WorkflowResponse(deleted)
})
