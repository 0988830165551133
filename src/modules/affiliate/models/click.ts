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
    landing_url: model.text(),
    referrer: model.text().nullable(),
    user_agent: model.text().nullable(),
    device_type: model.enum(["desktop", "mobile", "tablet", "bot", "other"]).default("other"),
    // Keyed hash of the IP: lets admins spot repeats without ever storing the address.
    ip_hash: model.text().nullable(),
    // Fixed at click time from the campaign's attribution window, as affiliates were promised.
    expires_at: model.dateTime(),
    campaign: model.belongsTo(() => AffiliateCampaign, { mappedBy: "clicks" }),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "clicks" }),
    conversions: model.hasMany(() => AffiliateConversion, { mappedBy: "click" }),
    attributions: model.hasMany(() => AffiliateAttribution, { mappedBy: "click" }),
  })
  .indexes([{ on: ["click_token"], unique: true }])
