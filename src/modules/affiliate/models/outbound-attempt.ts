import { model } from "@medusajs/framework/utils"
import { AffiliateOutboundDelivery } from "./outbound-delivery"

/** One try at an outbound delivery: what the network answered, for the admin to read. */
export const AffiliateOutboundAttempt = model.define("affiliate_outbound_attempt", {
  id: model.id({ prefix: "aoat" }).primaryKey(),
  http_status: model.number().nullable(),
  // The network error when no HTTP answer came (timeout, refused connection).
  error: model.text().nullable(),
  response_excerpt: model.text().nullable(),
  duration_ms: model.number(),
  delivery: model.belongsTo((): typeof AffiliateOutboundDelivery => AffiliateOutboundDelivery, { mappedBy: "attempts" }),
})
