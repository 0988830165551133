import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import { AffiliateEvents } from "../modules/affiliate/events"
import type AffiliateModuleService from "../modules/affiliate/service"
import { notifyPartnerConversionWorkflow, notifyPartnerPayoutWorkflow } from "../workflows/partners/workflows/notify-partners"

/** A partner's mails about a new conversion and a paid payout (README, "Notifications"). */
export default async function partnerNotifications({ event, container }: SubscriberArgs<{ id: string }>) {
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const input = { id: event.data.id, public_url: service.getOptions().publicUrl }
  if (event.name === AffiliateEvents.PAYOUT_PAID) {
    await notifyPartnerPayoutWorkflow(container).run({ input })
    return
  }
  // Most partners want no mail per conversion: one read spares the workflow run for them.
  if (await service.wantsConversionMail(event.data.id)) await notifyPartnerConversionWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: [AffiliateEvents.CONVERSION_CREATED, AffiliateEvents.PAYOUT_PAID],
  context: { subscriberId: "affiliate-partner-notifications" },
}
