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
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "promotions" }),
    campaign: model.belongsTo((): typeof AffiliateCampaign => AffiliateCampaign, { mappedBy: "promotions" }),
  })
  .indexes([{ on: ["promotion_id"], unique: true }])
