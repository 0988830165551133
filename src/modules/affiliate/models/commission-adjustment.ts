import { model } from "@medusajs/framework/utils"
import { AffiliateConversion } from "./conversion"

/**
 * A change to a commission already paid out (a refund or cancellation after payment). The paid
 * conversion keeps its amount; the adjustment records what is owed back and why.
 */
export const AffiliateCommissionAdjustment = model.define("affiliate_commission_adjustment", {
  id: model.id({ prefix: "aadj" }).primaryKey(),
  // Negative when the affiliate owes money back.
  amount: model.bigNumber(),
  currency_code: model.text(),
  reason: model.text(),
  conversion: model.belongsTo((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "adjustments" }),
})
