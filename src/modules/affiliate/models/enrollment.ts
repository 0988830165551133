import { model } from "@medusajs/framework/utils"

/**
 * A campaign an affiliate joined (by an approved application). A partner's portal lists these
 * campaigns' links; an affiliate with none (made in the admin) sees every live campaign.
 */
export const AffiliateEnrollment = model
  .define("affiliate_enrollment", {
    id: model.id({ prefix: "aenr" }).primaryKey(),
    affiliate_id: model.text(),
    campaign_id: model.text(),
  })
  .indexes([{ on: ["affiliate_id", "campaign_id"], unique: true }])
