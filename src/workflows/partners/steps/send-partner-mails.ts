import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PartnerMail } from "../../../lib/notification-templates"

/**
 * Hands the mails to Medusa's Notification module on the `email` channel, through whatever
 * provider the host configured (each becomes a notification record). Always the last step: a mail
 * cannot be unsent, so nothing after it can fail; and a provider's failure is logged (its record
 * shows `failure`) rather than undoing the approval or application it reports.
 */
export const sendPartnerMailsStep = createStep("send-affiliate-partner-mails", async (mails: PartnerMail[] | null, { container }) => {
  const list = (mails ?? []).filter((m) => m.to)
  if (!list.length) return new StepResponse({ sent: 0 })
  try {
    await container.resolve(Modules.NOTIFICATION).createNotifications(list.map((m) => ({ ...m, channel: "email" })))
    return new StepResponse({ sent: list.length })
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-affiliate-s2s: ${list.map((m) => m.template).join(", ")} not sent: ${(e as Error).message}`)
    return new StepResponse({ sent: 0 })
  }
})
