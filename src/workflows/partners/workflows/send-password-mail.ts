import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { partnerMail } from "../../../lib/notification-templates"
import { partnerUrls } from "../../../lib/partner-links"
import { loadPartnerLoginStep } from "../steps/load-partner-login"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"

export type SendPasswordMailInput = { email: string; token: string; public_url: string | null }

/**
 * After Medusa's `auth.password_reset` for the actor type `affiliate`: mails the partner the link
 * to the portal's set-password page. An address with no partner login gets nothing.
 */
export const sendPartnerPasswordMailWorkflow = createWorkflow("send-affiliate-password-mail", (input: SendPasswordMailInput) => {
  const login = loadPartnerLoginStep({ email: input.email })
  sendPartnerMailsStep(
    transform({ input, login }, ({ input, login }) => {
      if (!login.affiliate_id) return []
      const urls = partnerUrls(input.public_url)
      return [
        partnerMail(input.email, "affiliate-password-reset", { set_password_url: urls.setPassword(input.token), reset_url: urls.resetPassword() }, {
          trigger: "auth.password_reset",
          id: login.affiliate_id,
          type: "affiliate",
        }),
      ]
    })
  )
  return new WorkflowResponse(login)
})
