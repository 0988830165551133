import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { partnerMail } from "../../../lib/notification-templates"
import { decideApplicationStep, validateApplicationReviewStep } from "../steps/review-application"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"

export type RejectApplicationInput = { id: string; reason: string; reviewed_by?: string | null }

/** Rejects an application in the queue with a reason, which the applicant's mail quotes. */
export const rejectAffiliateApplicationWorkflow = createWorkflow("reject-affiliate-application", (input: RejectApplicationInput) => {
  const application = validateApplicationReviewStep({ id: input.id })
  const decided = decideApplicationStep(
    transform({ input }, ({ input }) => ({ id: input.id, status: "rejected" as const, rejection_reason: input.reason, reviewed_by: input.reviewed_by ?? null }))
  )
  sendPartnerMailsStep(
    transform({ application, input }, ({ application, input }) => [
      partnerMail(application.email, "affiliate-rejected", { name: application.name, reason: input.reason }, { trigger: "affiliate.application.rejected", id: application.id, type: "affiliate_application" }),
    ])
  )
  return new WorkflowResponse(decided)
})
