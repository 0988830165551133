import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import { AFFILIATE_EVENT_NAMES } from "../modules/affiliate/events"
import type AffiliateModuleService from "../modules/affiliate/service"
import { deliverOutboundWorkflow } from "../workflows/outbound/workflows/deliver-outbound"
import { queueWebhookDeliveriesWorkflow } from "../workflows/webhooks/workflows/webhooks"

/** Each of the plugin's events goes to the webhooks that asked for it: queued in the outbox, then tried at once. */
export default async function affiliateWebhooks({ event, container }: SubscriberArgs<{ id: string }>) {
  // Whether any webhook asked first: a workflow run for an event none asked for is most of the cost.
  if (!(await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).hasWebhooksFor(event.name, event.data.id))) return
  const { result: ids } = await queueWebhookDeliveriesWorkflow(container).run({ input: { type: event.name, id: event.data.id } })
  if (ids.length) await deliverOutboundWorkflow(container).run({ input: { delivery_ids: ids } })
}

export const config: SubscriberConfig = { event: AFFILIATE_EVENT_NAMES, context: { subscriberId: "affiliate-webhooks" } }
