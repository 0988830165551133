import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createTestClickStep, CreateTestClickInput } from "../steps/create-test-click"

export type CreateTestClickWorkflowInput = { campaign_id: string; affiliate_id?: string }

/** The click behind the admin's "Send test conversion" (Integration Setup tab). */
export const createTestClickWorkflow = createWorkflow("create-affiliate-test-click", (input: CreateTestClickWorkflowInput) => {
  const { data: campaigns } = useQueryGraphStep({
    entity: "affiliate_campaign",
    fields: ["id", "target_url", "attribution_window_days"],
    filters: { id: input.campaign_id },
    options: { throwIfKeyNotFound: true },
  })
  const click = createTestClickStep(
    transform({ input, campaigns }, ({ input, campaigns }) => ({ campaign: campaigns[0], affiliate_id: input.affiliate_id }) as CreateTestClickInput)
  )
  return new WorkflowResponse(click)
})
