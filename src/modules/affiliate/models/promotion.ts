import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"
import { AffiliateCampaign } from "./campaign"

/**
 * A Medusa promotion owned by an affiliate for one campaign: an order that uses its code credits
 * the affiliate. Holds the promotion's id only (the code and its discount stay in Medusa's
 * promotion module, read through the module link in src/links). One affiliate per promotion.
 */
export const AffiliatePromotion = model
  .define("affiliate_promotion", {
    id: model.id({ prefix: "apro" }).primaryKey(),
    promotion_id: model.text(),
    // leaked_code: coupon conversions credited by this code since it was counted, and how many of
    // them came without a click from the affiliate.
    conversions: model.number().default(0),
    conversions_without_click: model.number().default(0),
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "promotions" }),
    campaign: model.belongsTo((): typeof AffiliateCampaign => AffiliateCampaign, { mappedBy: "promotions" }),
  })
  .indexes([{ on: ["promotion_id"], unique: true }])
