import { model } from "@medusajs/framework/utils"
import { AffiliateOutboundAttempt } from "./outbound-attempt"

/**
 * The outbox: one conversion to forward to a campaign's external network, or one event for a
 * merchant's webhook (`webhook_id`, `event_type`; its payload is the body sent, signed). A
 * scheduled job sends due deliveries and retries them with backoff until a 2xx or the attempt limit.
 */
export const AffiliateOutboundDelivery = model
  .define("affiliate_outbound_delivery", {
    id: model.id({ prefix: "aout" }).primaryKey(),
    conversion_id: model.text().nullable(),
    campaign_id: model.text().nullable(),
    webhook_id: model.text().nullable(),
    event_type: model.text().nullable(),
    url: model.text(),
    method: model.enum(["POST", "GET"]).default("POST"),
    // The parameters as they will be sent; never holds the network's API key (sent as a header).
    payload: model.json(),
    status: model.enum(["pending", "delivered", "failed"]).default("pending"),
    is_test: model.boolean().default(false),
    attempt_count: model.number().default(0),
    max_attempts: model.number(),
    next_attempt_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    attempts: model.hasMany((): typeof AffiliateOutboundAttempt => AffiliateOutboundAttempt, { mappedBy: "delivery" }),
  })
  .indexes([
    { on: ["status", "next_attempt_at"] },
    // One forward per conversion, whichever path queued it and however often.
    { on: ["conversion_id"], unique: true },
    // A webhook's deliveries, newest first.
    { on: ["webhook_id", "created_at"] },
  ])
