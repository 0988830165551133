import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { partnerMail } from "../../../lib/notification-templates"
import { INVITE_TTL_SECONDS, partnerUrls } from "../../../lib/partner-links"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createAffiliateStep } from "../../affiliates/steps/create-affiliate"
import { chooseAffiliateCodeStep } from "../steps/choose-affiliate-code"
import { decideApplicationStep, validateApplicationReviewStep } from "../steps/review-application"
import { enrollAffiliateStep } from "../steps/enroll-affiliate"
import { ensurePartnerIdentityStep, PARTNER_ACTOR } from "../steps/ensure-partner-identity"
import { issuePasswordLinkStep } from "../steps/issue-password-link"
import { loadProgramSettingsStep } from "../steps/load-program-settings"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"
import { rememberAffiliateIpStep } from "../../trust/steps/remember-affiliate-ip"

export type ApproveApplicationInput = { id: string; code?: string | null; reviewed_by?: string | null; public_url: string | null }

/**
 * Approves an application in the queue: the affiliate is made (with the admin's code or one from
 * the name), joins the program's application campaigns, gets a login on Medusa's auth module
 * (actor type `affiliate`, emailpass, no password yet) and a mail with a link to set the password
 * (valid 7 days). The IP hash the application came from is remembered as the affiliate's
 * (`self_referral_ip`, README "Trust"). Emits `affiliate.affiliate.approved`.
 */
export const approveAffiliateApplicationWorkflow = createWorkflow("approve-affiliate-application", (input: ApproveApplicationInput) => {
  const application = validateApplicationReviewStep({ id: input.id })
  const settings = loadProgramSettingsStep()
  const code = chooseAffiliateCodeStep(transform({ input, application }, ({ input, application }) => ({ code: input.code, name: application.name })))
  const affiliate = createAffiliateStep(
    transform({ application, code }, ({ application, code }) => ({
      code,
      name: application.name,
      email: application.email,
      status: "active" as const,
      email_notifications: "each" as const,
    }))
  )
  // The address the application came from is the affiliate's own: an order from it is self_referral_ip.
  rememberAffiliateIpStep(
    transform({ application, affiliate }, ({ application, affiliate }) => ({ affiliate_id: affiliate.id, ip_hash: application.ip_hash, source: "application" as const }))
  )
  enrollAffiliateStep(transform({ affiliate, settings }, ({ affiliate, settings }) => ({ affiliate_id: affiliate.id, campaign_ids: settings.application_campaign_ids })))
  const identity = ensurePartnerIdentityStep({ email: application.email })
  setAuthAppMetadataStep(
    transform({ identity, affiliate }, ({ identity, affiliate }) => ({ authIdentityId: identity.auth_identity_id, actorType: PARTNER_ACTOR, value: affiliate.id }))
  )
  const decided = decideApplicationStep(
    transform({ input, affiliate }, ({ input, affiliate }) => ({ id: input.id, status: "approved" as const, affiliate_id: affiliate.id, reviewed_by: input.reviewed_by ?? null }))
  )
  const token = issuePasswordLinkStep({ email: application.email, ttl_seconds: INVITE_TTL_SECONDS })
  emitEventStep({ eventName: AffiliateEvents.AFFILIATE_APPROVED, data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })) })
  sendPartnerMailsStep(
    transform({ input, application, affiliate, token }, ({ input, application, affiliate, token }) => {
      const urls = partnerUrls(input.public_url)
      return [
        partnerMail(
          application.email,
          "affiliate-approved",
          { name: application.name, code: affiliate.code, set_password_url: urls.setPassword(token), portal_url: urls.portal() },
          { trigger: AffiliateEvents.AFFILIATE_APPROVED, id: affiliate.id, type: "affiliate" }
        ),
      ]
    })
  )
  return new WorkflowResponse({ application: decided, affiliate })
})
