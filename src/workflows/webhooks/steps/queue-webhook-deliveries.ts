import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WEBHOOK_MAX_ATTEMPTS } from "../../../modules/affiliate/utils/webhooks"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { formatAmount } from "../../../modules/affiliate/utils/money"

type Service = AffiliateModuleService
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

/** What a webhook's `data` holds for each event: the resource as it is now, without shopper data. */
async function resource(service: Service, type: string, id: string): Promise<Record<string, unknown> | null> {
  if (type === AffiliateEvents.CONVERSION_CREATED || type === AffiliateEvents.CONVERSION_UPDATED) {
    const [c] = await service.listAffiliateConversions({ id }, {
      select: ["id", "campaign_id", "affiliate_id", "status", "source", "order_id", "order_total", "order_currency", "commission_amount", "commission_currency", "is_test", "created_at", "updated_at"],
    })
    if (!c) return null
    return {
      ...c,
      order_total: formatAmount(String(c.order_total), c.order_currency),
      commission_amount: formatAmount(String(c.commission_amount), c.commission_currency),
      created_at: iso(c.created_at),
      updated_at: iso(c.updated_at),
    }
  }
  if (type === AffiliateEvents.PAYOUT_PAID) {
    const [p] = await service.retrievePayoutsWithLines([id])
    return p ? { id: p.id, affiliate_id: p.affiliate_id, amount: p.amount, currency_code: p.currency_code, status: p.status, reference: p.reference, paid_at: iso(p.paid_at) } : null
  }
  if (type === AffiliateEvents.AFFILIATE_APPROVED) {
    const [a] = await service.listAffiliates({ id }, { select: ["id", "code", "name", "email", "status", "created_at"] })
    return a ? { ...a, created_at: iso(a.created_at) } : null
  }
  const [a] = await service.listAffiliateApplications({ id }, { select: ["id", "name", "email", "website", "promotion_plan", "status", "created_at"] })
  return a ? { ...a, created_at: iso(a.created_at) } : null
}

/**
 * One delivery per enabled webhook that asked for the event, in the outbox outbound S2S uses:
 * the body `{ id, type, created_at, data }` is stored as it will be sent (and signed at each try).
 * The compensation removes them.
 */
export const queueWebhookDeliveriesStep = createStep(
  "queue-affiliate-webhook-deliveries",
  async ({ type, id }: { type: string; id: string }, { container, context }) => {
    const service = container.resolve<Service>(AFFILIATE_MODULE)
    const webhooks = (await service.listAffiliateWebhooks({ status: "enabled" }, { select: ["id", "url", "events"] }, context)).filter((w) =>
      (w.events as string[]).includes(type)
    )
    if (!webhooks.length) return new StepResponse([] as string[], [] as string[])
    const data = await resource(service, type, id)
    if (!data) return new StepResponse([] as string[], [] as string[])
    const body = { id: generateEntityId(undefined, "evt"), type, created_at: new Date().toISOString(), data }
    const deliveries = await service.createAffiliateOutboundDeliveries(
      webhooks.map((w) => ({
        webhook_id: w.id,
        event_type: type,
        campaign_id: null,
        url: w.url,
        method: "POST" as const,
        payload: body,
        max_attempts: WEBHOOK_MAX_ATTEMPTS,
        next_attempt_at: new Date(),
      })),
      context
    )
    const ids = deliveries.map((d) => d.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container, context }) => {
    if (!ids?.length) return
    await container.resolve<Service>(AFFILIATE_MODULE).deleteAffiliateOutboundDeliveries(ids, context)
  }
)
