import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { sendPartnerPasswordMailWorkflow } from "../workflows/partners/workflows/send-password-mail"

type PasswordReset = { entity_id: string; actor_type: string; token: string }

/** Medusa's reset-password flow for partners (actor type `affiliate`): the plugin mails the link. */
export default async function partnerPasswordReset({ event, container }: SubscriberArgs<PasswordReset>) {
  if (event.data.actor_type !== "affiliate") return
  const { publicUrl } = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  await sendPartnerPasswordMailWorkflow(container).run({ input: { email: event.data.entity_id, token: event.data.token, public_url: publicUrl } })
}

export const config: SubscriberConfig = { event: "auth.password_reset", context: { subscriberId: "affiliate-partner-password-reset" } }
