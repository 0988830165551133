import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAffiliatePromotionStep } from "../steps/delete-affiliate-promotion"

/** Takes a promotion away from an affiliate; the promotion stays in Medusa, crediting no one. */
export const unlinkAffiliatePromotionWorkflow = createWorkflow(
  "unlink-affiliate-promotion",
  (input: { affiliate_id: string; promotion_id: string }) => new WorkflowResponse(deleteAffiliatePromotionStep(input))
)
