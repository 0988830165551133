import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"
import { AffiliateAttribution } from "./attribution"
import { AffiliateCampaign } from "./campaign"
import { AffiliateConversion } from "./conversion"

/** One visit through an affiliate link. Its token is matched byte for byte. */
export const AffiliateClick = model
  .define("affiliate_click", {
    id: model.id({ prefix: "aclk" }).primaryKey(),
    click_token: model.text(),
    sub1: model.text().nullable(),
    sub2: model.text().nullable(),
    sub3: model.text().nullable(),
    sub4: model.text().nullable(),
    sub5: model.text().nullable(),
    // Cleared with the other visitor details once the click can no longer convert (retention).
    landing_url: model.text().nullable(),
    referrer: model.text().nullable(),
    user_agent: model.text().nullable(),
    device_type: model.enum(["desktop", "mobile", "tablet", "bot", "other"]).default("other"),
    // Keyed hash of the IP: lets admins spot repeats without ever storing the address.
    ip_hash: model.text().nullable(),
    // Keyed hash of IP and user agent: a repeat visit through the same link inside the campaign's
    // unique-click window reuses this click (README, "Trust"). Cleared with the visitor details.
    visitor_hash: model.text().nullable(),
    // Report dimensions, kept like device_type when the visitor details are cleared: the country the
    // CDN named ("unknown" without one), the referring host ("direct" without a referrer).
    country: model.text().nullable(),
    referrer_host: model.text().nullable(),
    // The paid-search click id's name (gclid, msclkid, …) the link came with; never its value.
    paid_search_param: model.text().nullable(),
    // Fixed at click time from the campaign's attribution window, as affiliates were promised.
    expires_at: model.dateTime(),
    // When retention or an erasure cleared the visitor details (user agent, referrer, IP hash, landing URL).
    details_cleared_at: model.dateTime().nullable(),
    campaign: model.belongsTo((): typeof AffiliateCampaign => AffiliateCampaign, { mappedBy: "clicks" }),
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "clicks" }),
    conversions: model.hasMany((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "click" }),
    attributions: model.hasMany((): typeof AffiliateAttribution => AffiliateAttribution, { mappedBy: "click" }),
  })
  .indexes([
    // The hot paths' lookup (S2S, cart capture): one token, byte for byte. A click whose details
    // retention has cleared can no longer convert: its token leaves the index (and is forgotten).
    { on: ["click_token"], unique: true, where: "details_cleared_at IS NULL" },
    // The admin's lists, newest first: by campaign, by affiliate, or all (README, "Operating at volume").
    { on: ["campaign_id", "created_at"] },
    { on: ["affiliate_id", "created_at"] },
    { on: ["created_at"] },
    // Retention finds the clicks whose details are due to be cleared; cleared clicks leave this index.
    { on: ["expires_at"], where: "details_cleared_at IS NULL" },
    // The link's repeat-visit lookup: this visitor's latest clicks. Cleared hashes leave the index.
    { on: ["visitor_hash", "created_at"], where: "visitor_hash IS NOT NULL" },
  ])
