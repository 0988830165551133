import { model } from "@medusajs/framework/utils"

/**
 * A merchant's endpoint told of the plugin's events (README, "Webhooks"). Its signing secret
 * (`whsec_…`) is stored encrypted with the plugin's key and shown once. After 20 deliveries in a
 * row that failed for good it is disabled, with the reason, until an admin enables it again.
 */
export const AffiliateWebhook = model.define("affiliate_webhook", {
  id: model.id({ prefix: "awhk" }).primaryKey(),
  url: model.text(),
  events: model.array(),
  secret_ciphertext: model.text(),
  status: model.enum(["enabled", "disabled"]).default("enabled"),
  disabled_reason: model.text().nullable(),
  consecutive_failures: model.number().default(0),
})
