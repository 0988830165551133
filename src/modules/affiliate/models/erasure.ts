import { model } from "@medusajs/framework/utils"

/**
 * An erasure on request (GDPR art. 17): who asked for it, when, and how much it erased. Never the
 * erased data, nor the email or order id it was asked for.
 */
export const AffiliateErasure = model.define("affiliate_erasure", {
  id: model.id({ prefix: "aera" }).primaryKey(),
  // How the shopper was named: by one order, or by the email on their orders.
  scope: model.enum(["order", "email"]),
  requested_by: model.text().nullable(),
  orders_matched: model.number().default(0),
  conversions_cleared: model.number().default(0),
  clicks_cleared: model.number().default(0),
  deliveries_cleared: model.number().default(0),
  attributions_deleted: model.number().default(0),
  request_logs_deleted: model.number().default(0),
})
