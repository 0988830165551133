import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { partnerMail } from "../../../lib/notification-templates"
import { CONFIRM_TTL_MS, hashConfirmToken, partnerUrls } from "../../../lib/partner-links"
import { createApplicationStep } from "../steps/create-application"
import { findKnownApplicantStep } from "../steps/find-known-applicant"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"

export type SubmitApplicationInput = {
  name: string
  email: string
  website?: string | null
  promotion_plan: string
  ip_hash?: string | null
  /** Made by the caller with `generateConfirmToken()`: it goes in the mail, only its hash is stored. */
  confirm_token: string
  public_url: string | null
}

/**
 * Someone applies to the partner program: the application is stored waiting for confirmation.
 * A new email gets the confirmation link; an email that already has an application or an account
 * gets a mail saying so instead (no link: that application can never be confirmed and expires).
 * The caller's answer is the same in both cases: no account enumeration.
 */
export const submitAffiliateApplicationWorkflow = createWorkflow("submit-affiliate-application", (input: SubmitApplicationInput) => {
  const { known } = findKnownApplicantStep({ email: input.email })
  const application = createApplicationStep(
    transform({ input }, ({ input }) => ({
      name: input.name,
        email: input.email,
        website: input.website ?? null,
        promotion_plan: input.promotion_plan,
        ip_hash: input.ip_hash ?? null,
        confirm_token_hash: hashConfirmToken(input.confirm_token),
        confirm_expires_at: new Date(Date.now() + CONFIRM_TTL_MS),
      }))
  )
  const mails = transform({ input, known, application }, ({ input, known, application }) => {
    const urls = partnerUrls(input.public_url)
    return [
      known
        ? partnerMail(input.email, "affiliate-application-known", { name: input.name, portal_url: urls.portal(), reset_url: urls.resetPassword() }, { trigger: "affiliate.application.known", id: application.id, type: "affiliate_application" })
        : partnerMail(input.email, "affiliate-application-confirm", { name: input.name, confirm_url: urls.confirm(input.confirm_token) }, { trigger: "affiliate.application.confirm", id: application.id, type: "affiliate_application" }),
    ]
  })
  sendPartnerMailsStep(mails)
  return new WorkflowResponse({ application })
})
