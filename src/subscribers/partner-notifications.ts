import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import { AffiliateEvents } from "../modules/affiliate/events"
import type AffiliateModuleService from "../modules/affiliate/service"
import { notifyPartnerConversionWorkflow, notifyPartnerPayoutWorkflow } from "../workflows/partners/workflows/notify-partners"

/** A partner's mails about a new conversion and a paid payout (README, "Notifications"). */
export default async function partnerNotifications({ event, container }: SubscriberArgs<{ id: string }>) {
  const { publicUrl } = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  const workflow = event.name === AffiliateEvents.PAYOUT_PAID ? notifyPartnerPayoutWorkflow : notifyPartnerConversionWorkflow
  await workflow(container).run({ input: { id: event.data.id, public_url: publicUrl } })
}

export const config: SubscriberConfig = {
  event: [AffiliateEvents.CONVERSION_CREATED, AffiliateEvents.PAYOUT_PAID],
  context: { subscriberId: "affiliate-partner-notifications" },
}
