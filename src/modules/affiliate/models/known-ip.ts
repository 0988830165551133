import { model } from "@medusajs/framework/utils"

/**
 * A keyed IP hash an affiliate was seen at (their application, a partner-portal login): an order
 * from it is `self_referral_ip`. Never the IP itself; deleted by retention once unseen for the
 * longest attribution window plus the click-details grace period (README, "Trust").
 */
export const AffiliateKnownIp = model
  .define("affiliate_known_ip", {
    id: model.id({ prefix: "akip" }).primaryKey(),
    affiliate_id: model.text(),
    ip_hash: model.text(),
    // "application" or "portal_login": where it was last seen.
    source: model.text(),
    last_seen_at: model.dateTime(),
  })
  .indexes([{ on: ["affiliate_id", "ip_hash"], unique: true }, { on: ["last_seen_at"] }])
