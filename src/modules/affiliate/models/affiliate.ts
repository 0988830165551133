import { model } from "@medusajs/framework/utils"
import { AffiliateClick } from "./click"
import { AffiliateConversion } from "./conversion"
import { AffiliatePayout } from "./payout"
import { AffiliatePromotion } from "./promotion"
import { AffiliateStatementLink } from "./statement-link"

/** The partner who promotes campaigns and is paid commissions. `code` goes in links as `aff`. */
export const Affiliate = model
  .define("affiliate", {
    id: model.id({ prefix: "aff" }).primaryKey(),
    code: model.text(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    status: model.enum(["active", "paused"]).default("active"),
    // Partner emails about conversions: one per conversion, a daily digest, or none (also no
    // payout mail). Affiliates made in the admin get none until they choose in the portal.
    email_notifications: model.enum(["each", "daily", "off"]).default("off"),
    metadata: model.json().nullable(),
    clicks: model.hasMany((): typeof AffiliateClick => AffiliateClick, { mappedBy: "affiliate" }),
    conversions: model.hasMany((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "affiliate" }),
    promotions: model.hasMany((): typeof AffiliatePromotion => AffiliatePromotion, { mappedBy: "affiliate" }),
    payouts: model.hasMany((): typeof AffiliatePayout => AffiliatePayout, { mappedBy: "affiliate" }),
    statement_links: model.hasMany((): typeof AffiliateStatementLink => AffiliateStatementLink, { mappedBy: "affiliate" }),
  })
  .indexes([{ on: ["code"], unique: true }])
