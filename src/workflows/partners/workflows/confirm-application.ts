import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { partnerMail } from "../../../lib/notification-templates"
import { partnerUrls } from "../../../lib/partner-links"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { confirmApplicationStep } from "../steps/confirm-application"
import { loadProgramSettingsStep } from "../steps/load-program-settings"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"
import { approveAffiliateApplicationWorkflow } from "./approve-application"

export type ConfirmApplicationInput = { token_hash: string; public_url: string | null }

/**
 * The applicant opened the link in their mail: the application enters the queue and
 * `affiliate.application.created` is emitted. With `auto_approve` it is approved at once (the
 * partner gets the approval mail); otherwise the admins get a mail to review it.
 */
export const confirmAffiliateApplicationWorkflow = createWorkflow("confirm-affiliate-application", (input: ConfirmApplicationInput) => {
  const application = confirmApplicationStep({ token_hash: input.token_hash })
  const settings = loadProgramSettingsStep()
  emitEventStep({ eventName: AffiliateEvents.APPLICATION_CREATED, data: transform({ application }, ({ application }) => ({ id: application.id })) }).config({
    name: "emit-affiliate-application-created",
  })
  const approved = when({ settings }, ({ settings }) => settings.auto_approve).then(() =>
    approveAffiliateApplicationWorkflow.runAsStep({
      input: transform({ application, input }, ({ application, input }) => ({ id: application.id, reviewed_by: "auto_approve", public_url: input.public_url })),
    })
  )
  when({ settings }, ({ settings }) => !settings.auto_approve).then(() => {
    const { data: admins } = useQueryGraphStep({ entity: "user", fields: ["email"] }).config({ name: "load-admin-emails" })
    sendPartnerMailsStep(
      transform({ admins, application, input }, ({ admins, application, input }) =>
        (admins as { email: string }[]).map((admin) =>
          partnerMail(
            admin.email,
            "affiliate-application-received",
            {
              name: application.name,
              email: application.email,
              website: application.website,
              promotion_plan: application.promotion_plan,
              admin_url: partnerUrls(input.public_url).adminApplications(),
            },
            { trigger: AffiliateEvents.APPLICATION_CREATED, id: application.id, type: "affiliate_application" }
          )
        )
      )
    ).config({ name: "send-affiliate-application-admin-mails" })
  })
  return new WorkflowResponse({ application, approved })
})
